// `pointage ingest [PATH...]`: reads scanned batches into the ledger. Ctrl-C stops cleanly:
// files not finished are not recorded, and the next run completes them.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/ProgressLine.h"
#include "pointage/DateText.h"
#include "pointage/DecodeWorker.h"
#include "pointage/IngestText.h"
#include "pointage/Ledger.h"
#include "pointage/ReceivedDate.h"
#include "pointage/ScanIngest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <csignal>
#include <optional>

namespace pointage::cli {

namespace {

ScanIngest *runningIngest = nullptr;

void onInterrupt(int)
{
    if (runningIngest)
        runningIngest->requestStop();
}

QString outcomeKey(IngestFileResult::Outcome o)
{
    switch (o) {
    case IngestFileResult::Outcome::Ingested:
        return QStringLiteral("ingested");
    case IngestFileResult::Outcome::AlreadyIngested:
        return QStringLiteral("alreadyIngested");
    case IngestFileResult::Outcome::Failed:
        return QStringLiteral("failed");
    case IngestFileResult::Outcome::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}

} // namespace

int runIngest(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("CHEMIN"),
        QStringLiteral("Fichiers ou dossiers numérisés (défaut : scans/)."),
        QStringLiteral("[CHEMIN...]"));
    const QCommandLineOption received(QStringLiteral("received"),
                                      QStringLiteral("Date de réception du lot, JJ/MM/AAAA ou "
                                                     "AAAA-MM-JJ (défaut : la date du dossier "
                                                     "AAAA-MM-JJ qui le contient, sinon "
                                                     "aujourd'hui)."),
                                      QStringLiteral("JJ/MM/AAAA"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Relire un fichier déjà enregistré (les "
                                                  "décisions prises sur ses pages sont gardées)."));
    const QCommandLineOption jobs(QStringLiteral("jobs"),
                                  QStringLiteral("Nombre de lecteurs en parallèle (défaut : un "
                                                 "par cœur)."),
                                  QStringLiteral("N"));
    parser.addOptions({received, force, jobs});
    if (!context.parse(parser,
                       QStringLiteral("Lit les lots numérisés : codes-barres, pages blanches, "
                                      "dossiers."),
                       {0, -1, {}}))
        return ExitUsage;

    IngestOptions options;
    options.inputs = parser.positionalArguments();
    if (options.inputs.isEmpty())
        options.inputs = {QStringLiteral("scans")};
    if (parser.isSet(received)) {
        auto date = parseDateArgument(parser.value(received));
        if (!date)
            return context.usageError(QStringLiteral("--received : ") + date.error().message);
        options.received = date.value();
    }
    options.force = parser.isSet(force);
    if (parser.isSet(jobs)) {
        bool ok = false;
        options.workers = parser.value(jobs).toInt(&ok);
        if (!ok || options.workers < 1 || options.workers > 64)
            return context.usageError(QStringLiteral("--jobs attend un nombre de lecteurs entre "
                                                     "1 et 64, pas « %1 ».")
                                          .arg(parser.value(jobs)));
    }
    // The session's return window, to check the received dates against; an ingest does not
    // need it otherwise, so its absence is only said.
    std::optional<SessionConfig> config;
    if (auto path = context.existingConfigPath(); path) {
        if (auto loaded = SessionConfig::load(path.value()); loaded)
            config = loaded.value();
        else
            context.printError(loaded.error());
    } else {
        context.err() << "Attention : " << path.error().message
                      << " Les dates de réception ne sont pas comparées à la période de "
                         "retour.\n";
    }
    options.workerProgram = QCoreApplication::applicationFilePath();
    options.workerArguments = {QStringLiteral("__decode-worker")};
    options.reading = (config ? *config : SessionConfig::defaults()).readOptions();

    auto ledger = context.openLedger();
    if (!ledger) {
        context.printError(ledger.error());
        return ExitFailure;
    }
    ScanIngest ingest(*ledger.value(), options);
    ProgressLine progress(context.err());
    ingest.setProgressCallback([&progress](const IngestProgress &p) {
        progress.update(p.file, p.pagesDone, p.pagesTotal);
    });
    runningIngest = &ingest;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    auto summary = ingest.run();
    runningIngest = nullptr;
    progress.clear();
    if (!summary) {
        context.printError(summary.error());
        return ExitFailure;
    }

    if (context.json()) {
        QJsonArray files;
        for (const IngestFileResult &f : std::as_const(summary->files)) {
            files.append(QJsonObject{{QStringLiteral("file"), f.path},
                                     {QStringLiteral("outcome"), outcomeKey(f.outcome)},
                                     {QStringLiteral("pages"), f.pages},
                                     {QStringLiteral("failedPages"), f.failedPages},
                                     {QStringLiteral("received"), f.received.toString(Qt::ISODate)},
                                     {QStringLiteral("message"), f.message}});
        }
        printJson(context.out(),
                  QJsonObject{{QStringLiteral("files"), files},
                              {QStringLiteral("pagesRead"), summary->pagesRead},
                              {QStringLiteral("seconds"), summary->seconds},
                              {QStringLiteral("interrupted"), summary->interrupted}});
    } else {
        // The same words as the web desk (pointage/IngestText.h); errors go to stderr.
        for (const IngestFileResult &f : std::as_const(summary->files)) {
            QString line = ingestFileLine(f);
            if (f.outcome == IngestFileResult::Outcome::Failed ||
                f.outcome == IngestFileResult::Outcome::Interrupted) {
                context.err() << line << "\n";
                continue;
            }
            if (f.outcome == IngestFileResult::Outcome::AlreadyIngested &&
                line.endsWith(QLatin1Char('.'))) {
                line.chop(1);
                line += QStringLiteral(" (--force pour le relire).");
            }
            context.out() << line << "\n";
        }
        if (config) {
            for (const QString &warning : receivedDateWarningLines(summary.value(), *config))
                context.err() << warning << "\n";
        }
        const bool dateFromToday = std::any_of(
            summary->files.cbegin(), summary->files.cend(), [](const IngestFileResult &f) {
                return f.outcome == IngestFileResult::Outcome::Ingested &&
                       f.receivedFrom == ReceivedDateSource::Today;
            });
        if (dateFromToday)
            context.err() << "Pour donner la date de réception : pointage ingest --received "
                             "JJ/MM/AAAA --force FICHIER…\n";
        context.out() << ingestTotalLine(summary.value()) << "\n";
        if (summary->interrupted)
            context.err() << "Lecture interrompue : relancez la même commande pour terminer.\n";
    }
    return summary->somethingSkipped() ? ExitPartial : ExitOk;
}

int runDecodeWorker(CliContext &context)
{
    return pointage::runDecodeWorker(stdin, stdout, context.arguments());
}

} // namespace pointage::cli
