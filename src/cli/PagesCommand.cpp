// `pointage pages [FILE]` and `pointage exceptions`: what each scanned page became, and the
// queue of pages a person must look at, with close roster matches as suggestions.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/SessionStatus.h"
#include "cli/StatusJson.h"

#include <QFileInfo>
#include <QJsonArray>

namespace pointage::cli {

namespace {

QString describe(const PageOutcome &p)
{
    QString text = bucketName(p.bucket);
    if (!p.candidateNumber.isEmpty())
        text += QStringLiteral(" ") + p.candidateNumber;
    if (!p.pieceCode.isEmpty())
        text += QStringLiteral(" [") + p.pieceCode + QLatin1Char(']');
    if (p.reason != ExceptionReason::None)
        text += QStringLiteral(" — ") + reasonText(p.reason);
    if (!p.value.isEmpty() && p.value != p.candidateNumber)
        text += QStringLiteral(" (code lu : « ") + p.value + QStringLiteral(" »)");
    if (!p.detail.isEmpty())
        text += QStringLiteral(" (") + p.detail + QLatin1Char(')');
    if (p.byDecision)
        text += QStringLiteral(" (décision manuelle)");
    return text;
}

bool matchesFile(const PageOutcome &p, const QString &file)
{
    return file.isEmpty() || p.file == file || QFileInfo(p.file).fileName() == file;
}

} // namespace

int runPages(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FICHIER"),
                                 QStringLiteral("Seulement les pages de ce fichier."),
                                 QStringLiteral("[FICHIER]"));
    const QCommandLineOption asOf = asOfOption();
    parser.addOption(asOf);
    if (!context.parse(parser, QStringLiteral("Ce qu'est devenue chaque page numérisée.")))
        return ExitUsage;
    int exitCode = ExitOk;
    auto session = loadStatusAsOf(context, parser, asOf, exitCode);
    if (!session)
        return exitCode;
    AcademieStatus &status = session->status;
    const QString file = parser.positionalArguments().value(0);
    QJsonArray array;
    QString currentFile;
    for (const PageOutcome &p : std::as_const(status.pages)) {
        if (!matchesFile(p, file))
            continue;
        if (context.json()) {
            array.append(pageOutcomeJson(p));
            continue;
        }
        if (p.file != currentFile) {
            currentFile = p.file;
            context.out() << "\n"
                          << p.file << " (reçu le "
                          << p.received.toString(QStringLiteral("dd/MM/yyyy")) << ")\n";
        }
        context.out() << QStringLiteral("  page %1  [n° %2]  ").arg(p.page, 4).arg(p.pageId, 6)
                      << describe(p) << "\n";
    }
    if (context.json())
        printJson(context.out(), array);
    return ExitOk;
}

int runExceptions(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption asOf = asOfOption();
    parser.addOption(asOf);
    if (!context.parse(parser, QStringLiteral("La file des pages à traiter à la main, avec des "
                                              "suggestions quand un candidat proche existe.")))
        return ExitUsage;
    int exitCode = ExitOk;
    auto session = loadStatusAsOf(context, parser, asOf, exitCode);
    if (!session)
        return exitCode;
    AcademieStatus &status = session->status;
    QJsonArray array;
    int count = 0;
    for (const PageOutcome &p : std::as_const(status.pages)) {
        if (!p.isOpenException())
            continue;
        ++count;
        if (context.json()) {
            array.append(pageOutcomeJson(p));
            continue;
        }
        context.out() << QStringLiteral("[n° %1] ").arg(p.pageId) << p.file << ", page " << p.page
                      << " : " << reasonText(p.reason);
        if (!p.value.isEmpty())
            context.out() << " (code lu : « " << p.value << " »)";
        if (!p.detail.isEmpty())
            context.out() << " (" << p.detail << ")";
        context.out() << "\n";
        if (!p.suggestions.isEmpty())
            context.out() << "    suggestion : " << p.suggestions.join(QStringLiteral(", "))
                          << "  → pointage assign " << p.pageId << " " << p.suggestions.first()
                          << "\n";
    }
    if (context.json()) {
        printJson(context.out(), array);
    } else if (count == 0) {
        context.out() << "Aucune exception à traiter.\n";
    } else {
        context.out() << "\n"
                      << count
                      << " page(s) à traiter. Attribuer : pointage assign N° CANDIDAT "
                         "[--piece CODE] ; écarter : pointage ignore N°.\n";
    }
    return ExitOk;
}

} // namespace pointage::cli
