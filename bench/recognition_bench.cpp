// The piece recognition stage (`pointage recognize`) on a generated batch of realistic pieces:
// per piece type, recognised right, wrongly typed (target 0) and left « à identifier », and the
// stage's pages/s with its OCR worker processes. Each dossier is a confirmation and one piece;
// every candidate owes every piece type, so each piece page is one the stage must read.
//   bench_recognition [--per-type N] [--jobs N] [--dpi N]   (defaults 10, 2, 300)
#include "PageDegradation.h"
#include "PagePainter.h"
#include "ScanPdfWriter.h"
#include "pointage/Ledger.h"
#include "pointage/PieceRecognitionStage.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cstdio>

using namespace pointage;
using namespace pointage::testkit;

namespace {

const QList<PieceDocument> kDocuments = {
    PieceDocument::IdCard,        PieceDocument::ApprenticeshipContract,
    PieceDocument::Diploma,       PieceDocument::Transcript,
    PieceDocument::Accommodation, PieceDocument::UnrelatedLetter};

RosterRow owesEverything(int n)
{
    RosterRow r;
    r.candidateNumber = QStringLiteral("0227%1").arg(n, 7, 10, QLatin1Char('0'));
    r.inscriptionNumber = QStringLiteral("101");
    r.version = 1;
    r.lastName = QStringLiteral("CANDIDAT");
    r.firstNames = QStringLiteral("Léa");
    r.categoryLabel = QStringLiteral("INDIVIDUEL APPRENTI");
    r.specialtyCode = QStringLiteral("50024");
    r.specialtyLabel = QStringLiteral("BOULANGER");
    r.state = QStringLiteral("Inscrit");
    r.uai = QStringLiteral("0133456L");
    r.establishmentName = QStringLiteral("CFA DES MÉTIERS DE BOUCHE");
    for (const char *column : {"Dispenses", "Aménagements", "Bénéfice de notes"})
        r.extra.insert(QString::fromUtf8(column), QStringLiteral("OUI"));
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption perType(QStringLiteral("per-type"), QString(), QStringLiteral("N"),
                                     QStringLiteral("10"));
    const QCommandLineOption jobs(QStringLiteral("jobs"), QString(), QStringLiteral("N"),
                                  QStringLiteral("2"));
    const QCommandLineOption dpiOption(QStringLiteral("dpi"), QString(), QStringLiteral("N"),
                                       QStringLiteral("300"));
    parser.addOptions({perType, jobs, dpiOption});
    parser.process(app);
    const int count = std::max(1, parser.value(perType).toInt());
    const int dpi = std::max(100, parser.value(dpiOption).toInt());

    QTemporaryDir dir;
    auto opened = Ledger::open(dir.filePath(QStringLiteral("ledger.sqlite")));
    auto rules = RequirementRules::load(QStringLiteral(POINTAGE_SOURCE_DIR "/config/rules.json"));
    if (!opened || !rules) {
        std::fprintf(stderr, "cannot open the ledger or the rules\n");
        return 1;
    }
    Ledger &ledger = *opened.value();

    // Plan: dossiers in a shuffled order of piece types, each page a little different.
    QList<PieceDocument> plan;
    for (PieceDocument d : kDocuments)
        for (int i = 0; i < count; ++i)
            plan.append(d);
    QRandomGenerator random(2027);
    for (qsizetype i = plan.size() - 1; i > 0; --i)
        plan.swapItemsAt(i, qsizetype(random.bounded(int(i + 1))));

    RosterExport roster;
    roster.fileName = QStringLiteral("bench.csv");
    roster.uai = QStringLiteral("0133456L");
    roster.establishmentName = QStringLiteral("CFA DES MÉTIERS DE BOUCHE");
    roster.editedAt = QDateTime(QDate(2026, 12, 1), QTime(8, 0));
    ScanPdfWriter writer;
    QList<PageRead> reads;
    QHash<int, PieceDocument> truthByPage; // 1-based page number -> what the piece is
    for (int n = 0; n < plan.size(); ++n) {
        const RosterRow row = owesEverything(n + 1);
        roster.rows.append(row);
        PageSpec confirmation;
        confirmation.kind = PageKind::Confirmation;
        confirmation.payload = row.candidateNumber;
        writer.addPage(drawPage(confirmation, dpi), dpi);
        reads.append(PageRead{});
        reads.last().pageNumber = int(reads.size());
        reads.last().codes.append(BarcodeRead{QStringLiteral("Code128"), row.candidateNumber, 0});

        PageSpec piece;
        piece.document = plan.at(n);
        piece.variant = n;
        piece.candidateName = QStringLiteral("CANDIDAT Léa");
        Degradation scan = Degradation::typicalScan(quint32(n + 1));
        scan.skewDegrees = random.bounded(4.0) - 2.0;
        scan.jpegQuality = n % 3 == 0 ? 45 : 0;
        writer.addPage(degrade(drawPage(piece, dpi), scan), dpi);
        reads.append(PageRead{});
        reads.last().pageNumber = int(reads.size());
        truthByPage.insert(reads.last().pageNumber, plan.at(n));
    }
    roster.rowsRead = int(roster.rows.size());
    const QString pdf = dir.filePath(QStringLiteral("pieces.pdf"));
    if (!writer.save(pdf) || !ledger.importRoster(roster, QStringLiteral("bench-roster")) ||
        !ledger.recordScannedFile(
            ScannedFile{
                0, pdf, QStringLiteral("bench-scan"), QDate(2026, 12, 9), int(reads.size()), {}},
            reads, false)) {
        std::fprintf(stderr, "cannot prepare the batch\n");
        return 1;
    }

    RecognitionOptions options;
    options.workerProgram = QStringLiteral(POINTAGE_BINARY);
    options.workers = std::max(1, parser.value(jobs).toInt());
    const auto summary =
        recognizePieces(ledger, rules.value(), SessionConfig::defaults(2027), options);
    if (!summary) {
        std::fprintf(stderr, "%s\n", qPrintable(summary.error().located()));
        return 1;
    }

    // Tally against the ground truth, from what the ledger stored.
    struct Tally
    {
        int right = 0, wrong = 0, left = 0, failed = 0;
    };
    QMap<QString, Tally> tally;
    const auto snapshot = ledger.snapshot();
    for (const StoredPage &page : snapshot->pages) {
        if (!truthByPage.contains(page.read.pageNumber))
            continue;
        const PieceDocument truth = truthByPage.value(page.read.pageNumber);
        Tally &t = tally[documentName(truth)];
        if (!page.recognition || !page.recognition->failure.isEmpty())
            ++t.failed;
        else if (page.recognition->pieceCode.isEmpty())
            ++t.left;
        else if (page.recognition->pieceCode == pieceCodeOf(truth))
            ++t.right;
        else
            ++t.wrong;
    }
    std::printf("%d piece pages at %d dpi, %d OCR worker(s)\n", summary->pagesRead, dpi,
                options.workers);
    std::printf("%-26s %6s %6s %10s %7s\n", "piece", "right", "wrong", "to identify", "failed");
    for (auto it = tally.cbegin(); it != tally.cend(); ++it)
        std::printf("%-26s %6d %6d %10d %7d\n", qPrintable(it.key()), it->right, it->wrong,
                    it->left, it->failed);
    std::printf("stage: %.1f s, %.2f pages/s\n", summary->seconds, summary->pagesPerSecond());
    return 0;
}
