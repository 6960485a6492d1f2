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
    else if (p.toIdentify || p.signatureToCheck)
        text += QStringLiteral(" — ") + attentionText(p);
    // Signed is the rule: only what departs from it, or what a person decided, is said.
    if (p.bucket == PageBucket::Confirmation &&
        (p.signatureByDecision || p.signature == SignatureState::Unsigned ||
         p.signature == SignatureState::Doubtful))
        text += QStringLiteral(" (signature : %1%2)")
                    .arg(signatureStateText(p.signature),
                         p.signatureByDecision ? QStringLiteral(", décision") : QString());
    if (!p.value.isEmpty() && p.value != p.candidateNumber)
        text += QStringLiteral(" (code lu : « ") + p.value + QStringLiteral(" »)");
    if (!p.detail.isEmpty())
        text += QStringLiteral(" (") + p.detail + QLatin1Char(')');
    if (p.byDecision)
        text += QStringLiteral(" (décision manuelle)");
    else if (p.recognised)
        text += QStringLiteral(" (type reconnu par OCR)");
    return text;
}

// One piece of advice as a person reads it, with the command that carries it out; `first`
// says whether it is the first offered for its page.
QString adviceLine(const PageOutcome &page, const Advice &a, bool first)
{
    const QString id = QString::number(page.pageId);
    QString command;
    switch (a.kind) {
    case AdviceKind::AssignConfirmation:
        command = QStringLiteral("pointage assign %1 %2")
                      .arg(id, a.candidateNumber.isEmpty() ? QStringLiteral("CANDIDAT")
                                                           : a.candidateNumber);
        break;
    case AdviceKind::AssignPiece:
        command =
            QStringLiteral("pointage assign %1 %2 --piece %3")
                .arg(id,
                     a.candidateNumber.isEmpty() ? QStringLiteral("CANDIDAT") : a.candidateNumber,
                     a.pieceCode.isEmpty() ? QStringLiteral("CODE") : a.pieceCode);
        break;
    case AdviceKind::IgnorePage:
        command = QStringLiteral("pointage ignore %1").arg(id);
        break;
    case AdviceKind::DecideOpeningPage:
        if (a.pageId > 0)
            command = QStringLiteral("page n° %1").arg(a.pageId);
        break;
    case AdviceKind::LookAtSignature:
        command = QStringLiteral("pointage signature %1").arg(id);
        break;
    case AdviceKind::JudgeSigned:
        command = QStringLiteral("pointage signature %1 --signee").arg(id);
        break;
    case AdviceKind::JudgeUnsigned:
        command = QStringLiteral("pointage signature %1 --non-signee").arg(id);
        break;
    case AdviceKind::AskSchoolForCurrentVersion:
    case AdviceKind::CheckWithSchool:
    case AdviceKind::WaitForImport:
        break;
    }
    const bool runnable = command.startsWith(QStringLiteral("pointage"));
    const QString prefix = !first     ? QStringLiteral("ou")
                           : runnable ? QStringLiteral("suggestion")
                                      : QStringLiteral("à faire");
    QString line = prefix + QStringLiteral(" : ") + a.text;
    if (runnable)
        line += QStringLiteral("  → ") + command;
    else if (!command.isEmpty())
        line += QStringLiteral(" (") + command + QLatin1Char(')');
    return line;
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
    int listed = 0;
    for (const PageOutcome &p : std::as_const(status.pages)) {
        if (!matchesFile(p, file))
            continue;
        ++listed;
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
    // A file received after the day asked about is known but not yet "arrived": say so rather
    // than print nothing.
    if (!file.isEmpty() && listed == 0 && !context.json())
        context.err() << "Aucune page de « " << file << " » reçue au "
                      << status.window.asOf.toString(QStringLiteral("dd/MM/yyyy"))
                      << " : le fichier a été reçu plus tard (voir --as-of JJ/MM/AAAA).\n";
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
                      << " : " << attentionText(p);
        if (!p.value.isEmpty())
            context.out() << " (code lu : « " << p.value << " »)";
        if (!p.detail.isEmpty())
            context.out() << " (" << p.detail << ")";
        context.out() << "\n";
        if (!e.ownerLabel.isEmpty())
            context.out() << "    candidat : " << e.ownerLabel << "\n";
        for (int i = 0; i < e.advice.size(); ++i)
            context.out() << "    " << adviceLine(p, e.advice.at(i), i == 0) << "\n";
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
