// `pointage pages [FILE]` and `pointage exceptions`: what each scanned page became, and the
// queue of pages a person must look at, with what to do about each (pointage/ExceptionAdvice.h).
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/SessionStatus.h"
#include "cli/StatusJson.h"
#include "pointage/ExceptionAdvice.h"

#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>

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
    if (p.byDecision)
        text += QStringLiteral(" (décision manuelle)");
    return text;
}

// One piece of advice as a person reads it, with the command that carries it out.
QString adviceLine(const PageOutcome &page, const Advice &a)
{
    const QString id = QString::number(page.pageId);
    switch (a.kind) {
    case AdviceKind::AssignConfirmation:
        return QStringLiteral("suggestion : %1  → pointage assign %2 %3")
            .arg(a.text, id, a.candidateNumber);
    case AdviceKind::AssignPiece:
        return QStringLiteral("suggestion : %1  → pointage assign %2 %3 --piece %4")
            .arg(a.text, id,
                 a.candidateNumber.isEmpty() ? QStringLiteral("CANDIDAT") : a.candidateNumber,
                 a.pieceCode.isEmpty() ? QStringLiteral("CODE") : a.pieceCode);
    case AdviceKind::IgnorePage:
        return QStringLiteral("ou : %1  → pointage ignore %2").arg(a.text, id);
    case AdviceKind::DecideOpeningPage:
        return a.pageId > 0 ? QStringLiteral("à faire : %1 (page n° %2)")
                                  .arg(a.text, QString::number(a.pageId))
                            : QStringLiteral("à faire : %1").arg(a.text);
    case AdviceKind::AskSchoolForCurrentVersion:
    case AdviceKind::CheckWithSchool:
    case AdviceKind::WaitForImport:
        break;
    }
    return QStringLiteral("à faire : %1").arg(a.text);
}

QJsonObject exceptionJson(const ExceptionEntry &e)
{
    QJsonObject o = pageOutcomeJson(e.page);
    o.insert(QStringLiteral("candidate"), e.ownerLabel);
    QJsonArray advice;
    for (const Advice &a : e.advice) {
        advice.append(QJsonObject{{QStringLiteral("kind"), adviceKey(a.kind)},
                                  {QStringLiteral("candidateNumber"), a.candidateNumber},
                                  {QStringLiteral("candidate"), a.candidateLabel},
                                  {QStringLiteral("pieceCode"), a.pieceCode},
                                  {QStringLiteral("pageId"), a.pageId},
                                  {QStringLiteral("text"), a.text}});
    }
    o.insert(QStringLiteral("advice"), advice);
    return o;
}

bool matchesFile(const PageOutcome &p, const QString &file)
{
    return file.isEmpty() || p.file == file || QFileInfo(p.file).fileName() == file;
}

// The file was read by an ingest (whatever the as-of date leaves out of the status).
bool knownFile(const Ledger &ledger, const QString &file)
{
    auto files = ledger.scannedFiles();
    if (!files)
        return true; // let the listing say what it can
    return std::any_of(files->cbegin(), files->cend(), [&file](const ScannedFile &f) {
        return f.path == file || QFileInfo(f.path).fileName() == file;
    });
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
    if (!context.parse(parser, QStringLiteral("Ce qu'est devenue chaque page numérisée."),
                       {0, 1, QStringLiteral("[FICHIER]")}))
        return ExitUsage;
    int exitCode = ExitOk;
    auto session = loadStatusAsOf(context, parser, asOf, exitCode);
    if (!session)
        return exitCode;
    AcademieStatus &status = session->status;
    const QString file = parser.positionalArguments().value(0);
    if (!file.isEmpty() && !knownFile(*session->ledger, file)) {
        return context.usageError(QStringLiteral("aucune page lue du fichier « %1 ». Donnez le "
                                                 "nom d'un fichier déjà lu par pointage ingest "
                                                 "(pointage pages sans argument les liste tous).")
                                      .arg(file));
    }
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
    if (!context.parse(parser, QStringLiteral("La file des pages à traiter à la main, avec le "
                                              "candidat concerné et ce qu'il faut faire.")))
        return ExitUsage;
    int exitCode = ExitOk;
    auto session = loadStatusAsOf(context, parser, asOf, exitCode);
    if (!session)
        return exitCode;
    const QList<ExceptionEntry> queue = exceptionQueue(session->status);
    if (context.json()) {
        QJsonArray array;
        for (const ExceptionEntry &e : queue)
            array.append(exceptionJson(e));
        printJson(context.out(), array);
        return ExitOk;
    }
    for (const ExceptionEntry &e : queue) {
        const PageOutcome &p = e.page;
        context.out() << QStringLiteral("[n° %1] ").arg(p.pageId) << p.file << ", page " << p.page
                      << " : " << reasonText(p.reason);
        if (!p.value.isEmpty())
            context.out() << " (code lu : « " << p.value << " »)";
        context.out() << "\n";
        if (!e.ownerLabel.isEmpty())
            context.out() << "    candidat : " << e.ownerLabel << "\n";
        for (const Advice &a : e.advice)
            context.out() << "    " << adviceLine(p, a) << "\n";
    }
    if (queue.isEmpty()) {
        context.out() << "Aucune exception à traiter.\n";
    } else {
        context.out() << "\n"
                      << queue.size()
                      << " page(s) à traiter. Attribuer : pointage assign N° CANDIDAT "
                         "[--piece CODE] ; écarter : pointage ignore N°.\n";
    }
    return ExitOk;
}

} // namespace pointage::cli
