// Writes a generated académie into a real ledger file for the web desk's HTTP bench
// (bench/web_http.py): ~20,000 candidates over 500 schools, one of them with 2,000, imported
// school by school through Ledger::importRoster, and ~40,000 scanned pages recorded with their
// codes (their files do not exist: the bench renders images from the bundled sample instead).
//   bench_web_ledger OUT.sqlite
#include "GeneratedLedger.h"
#include "pointage/Ledger.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <cstdio>

using namespace pointage;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_web_ledger OUT.sqlite\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    QFile::remove(path);
    QElapsedTimer clock;
    clock.start();
    const LedgerSnapshot snapshot = testkit::generatedLedger({});
    auto opened = Ledger::open(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().located()));
        return 1;
    }
    Ledger &ledger = *opened.value();

    // The generator spreads candidates evenly; the bench wants one school of 2,000 (the first),
    // the other 18,000 over the 499 others.
    QStringList uais = snapshot.establishmentNames.keys();
    std::sort(uais.begin(), uais.end());
    QMap<QString, RosterExport> exports;
    for (qsizetype i = 0; i < snapshot.candidates.size(); ++i) {
        RosterRow row = snapshot.candidates[i].row;
        const qsizetype rest = snapshot.candidates.size() - 2000;
        row.uai = i < 2000 ? uais.first()
                           : uais.at(1 + (i - 2000) * (uais.size() - 1) / qMax<qsizetype>(1, rest));
        row.establishmentName = snapshot.establishmentNames.value(row.uai);
        if (row.inscriptionNumber.isEmpty())
            row.inscriptionNumber = QString::number(100000 + i);
        RosterExport &e = exports[row.uai];
        e.uai = row.uai;
        e.establishmentName = row.establishmentName;
        e.fileName = QStringLiteral("cyclades-%1.csv").arg(row.uai);
        e.editedAt = QDateTime(QDate(2026, 12, 2), QTime(8, 0));
        e.rows.append(row);
        e.rowsRead = int(e.rows.size());
    }
    int candidates = 0;
    for (const RosterExport &e : std::as_const(exports)) {
        auto imported = ledger.importRoster(e, QStringLiteral("bench-") + e.uai);
        if (!imported) {
            std::fprintf(stderr, "%s\n", qPrintable(imported.error().located()));
            return 1;
        }
        candidates += imported->added;
    }
    QMap<qint64, QList<PageRead>> reads;
    for (const StoredPage &p : snapshot.pages)
        reads[p.fileId].append(p.read);
    int pages = 0;
    for (ScannedFile file : snapshot.files) {
        const QList<PageRead> filePages = reads.value(file.id);
        file.pageCount = int(filePages.size());
        file.id = 0;
        auto recorded = ledger.recordScannedFile(file, filePages, false);
        if (!recorded) {
            std::fprintf(stderr, "%s\n", qPrintable(recorded.error().located()));
            return 1;
        }
        pages += file.pageCount;
    }
    std::printf("%s: %d candidates, %lld schools (the largest: %s, 2000 candidates), %d pages "
                "in %lld files, written in %.1f s\n",
                qPrintable(path), candidates, static_cast<long long>(exports.size()),
                qPrintable(uais.first()), pages, static_cast<long long>(snapshot.files.size()),
                clock.elapsed() / 1000.0);
    return 0;
}
