// `pointage recognize`: the piece recognition stage (OCR), and the `__ocr-worker` process mode
// it starts. Run after `ingest`; the sample job does.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/ProgressLine.h"
#include "cli/SessionStatus.h"
#include "pointage/PieceOcrWorker.h"
#include "pointage/PieceRecognitionStage.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace pointage::cli {

int runRecognize(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption jobs(QStringLiteral("jobs"),
                                  QStringLiteral("Nombre de lecteurs OCR en parallèle (défaut 2)."),
                                  QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption again(QStringLiteral("again"),
                                   QStringLiteral("Relire aussi les pages déjà lues avec les "
                                                  "règles actuelles."));
    parser.addOptions({jobs, again});
    if (!context.parse(parser,
                       QStringLiteral("Reconnaît par OCR le type des pièces justificatives « à "
                                      "identifier » qui pourraient régler une pièce due. Une "
                                      "page ne reçoit un type que si la reconnaissance est sûre ; "
                                      "une décision manuelle l'emporte toujours.")))
        return ExitUsage;
    RecognitionOptions options;
    bool ok = false;
    options.workers = parser.value(jobs).toInt(&ok);
    if (!ok || options.workers < 1 || options.workers > 64)
        return context.usageError(QStringLiteral("--jobs attend un nombre de lecteurs entre 1 et "
                                                 "64, pas « %1 ».")
                                      .arg(parser.value(jobs)));
    options.again = parser.isSet(again);
    options.workerProgram = QCoreApplication::applicationFilePath();

    auto session = loadSession(context);
    if (!session)
        return ExitFailure;
    ProgressLine progress(context.err());
    auto summary =
        recognizePieces(*session->ledger, session->rules, session->config, options,
                        [&progress](int done, int total) {
                            progress.update(QStringLiteral("reconnaissance"), done, total);
                        });
    progress.clear();
    if (!summary) {
        context.printError(summary.error());
        return ExitFailure;
    }
    const RecognitionSummary &s = summary.value();
    if (context.json()) {
        QJsonObject byPiece;
        for (auto it = s.byPiece.cbegin(); it != s.byPiece.cend(); ++it)
            byPiece.insert(it.key(), it.value());
        printJson(context.out(), QJsonObject{{QStringLiteral("pagesRead"), s.pagesRead},
                                             {QStringLiteral("typed"), s.typed},
                                             {QStringLiteral("leftToIdentify"), s.leftToIdentify},
                                             {QStringLiteral("failed"), s.failed},
                                             {QStringLiteral("byPiece"), byPiece},
                                             {QStringLiteral("seconds"), s.seconds}});
        return ExitOk;
    }
    if (s.pagesRead == 0) {
        context.out() << "Aucune page à reconnaître.\n";
        return ExitOk;
    }
    context.out() << s.pagesRead << " page(s) lue(s) en " << QString::number(s.seconds, 'f', 1)
                  << " s : " << s.typed << " reconnue(s), " << s.leftToIdentify
                  << " restée(s) à identifier, " << s.failed << " illisible(s).\n";
    for (auto it = s.byPiece.cbegin(); it != s.byPiece.cend(); ++it)
        context.out() << "  " << session->rules.pieceType(it.key()).label << " : " << it.value()
                      << "\n";
    if (s.leftToIdentify + s.failed > 0)
        context.out() << "Les pages restées à identifier sont dans « pointage exceptions ».\n";
    return ExitOk;
}

int runOcrWorker(CliContext &)
{
    return pointage::runPieceOcrWorker(stdin, stdout);
}

} // namespace pointage::cli
