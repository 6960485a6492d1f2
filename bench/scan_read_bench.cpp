// Page reading on a generated scanner batch (design §6 mix: confirmations, supporting pages,
// blank backs, separators, foreign and damaged codes; skew, upside-down, faint, blurred and
// JPEG-damaged pages), single-threaded. Reports pages/s and, against the batch's ground truth,
// confirmations read, codes missed and false reads (a value read that is not on the page).
// POINTAGE_BENCH_PAGES overrides the 500 pages; the batch is cached in the temp folder.
#include "PageBatch.h"
#include "pointage/PageReader.h"
#include "pointage/PageSource.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdio>

using namespace pointage;
using namespace pointage::testkit;

namespace {

constexpr int kDpi = 300;

struct Batch
{
    QString path;
    QList<BatchPage> pages;
};

const Batch &batch()
{
    static const Batch generated = [] {
        BatchMix mix;
        mix.pages = qEnvironmentVariableIntValue("POINTAGE_BENCH_PAGES");
        if (mix.pages <= 0)
            mix.pages = 500;
        Batch b{QDir::temp().filePath(
                    QStringLiteral("pointage-bench-%1-%2.pdf").arg(mix.pages).arg(mix.seed)),
                planBatch(mix)};
        if (!QFileInfo::exists(b.path)) {
            std::fprintf(stderr, "Generating %d pages at %d dpi into %s…\n", mix.pages, kDpi,
                         qPrintable(b.path));
            if (!writeBatchPdf(b.path, b.pages, kDpi))
                std::fprintf(stderr, "cannot write %s\n", qPrintable(b.path));
        }
        return b;
    }();
    return generated;
}

struct Tally
{
    int confirmationsExpected = 0;
    int confirmationsRead = 0;
    int codesExpected = 0;
    int codesRead = 0;
    int falseReads = 0;
    int blanksExpected = 0;
    int blanksFound = 0;
    int damagedExpected = 0;
    int suspectedOnDamaged = 0;
    int suspectedElsewhere = 0;
    int pagesWithCodes = 0;
    int upsideDownRecorded = 0; // pages with codes whose recorded rotation is right
};

void check(const BatchPage &expected, const PageRead &read, Tally &tally)
{
    QStringList found;
    for (const BarcodeRead &code : read.codes)
        found.append(code.format + QLatin1Char(':') + code.text);
    const QStringList wanted = expected.expectedCodes();
    tally.codesExpected += int(wanted.size());
    for (const QString &code : wanted)
        tally.codesRead += found.contains(code);
    for (const QString &code : found) {
        if (!wanted.contains(code)) {
            ++tally.falseReads;
            std::fprintf(stderr, "page %d: false read %s\n", read.pageNumber, qPrintable(code));
        }
    }
    if (expected.isReadableConfirmation()) {
        ++tally.confirmationsExpected;
        const bool read1 = found.contains(wanted.first());
        tally.confirmationsRead += read1;
        if (!read1)
            std::fprintf(stderr,
                         "page %d: missed confirmation %s (skew %.1f, flip %d, contrast "
                         "%.2f, blur %d, q %d)\n",
                         read.pageNumber, qPrintable(wanted.first()),
                         expected.degradation.skewDegrees, expected.degradation.upsideDown,
                         expected.degradation.inkContrast, expected.degradation.blurRadius,
                         expected.degradation.jpegQuality);
    }
    const bool blank = expected.spec.kind == PageKind::Blank;
    tally.blanksExpected += blank;
    tally.blanksFound += blank && read.blank;
    if (read.blank && !blank)
        std::fprintf(stderr, "page %d: wrongly blank\n", read.pageNumber);
    if (!read.codes.isEmpty() && (read.rotation == 180) != expected.degradation.upsideDown)
        std::fprintf(stderr, "page %d: wrong rotation %d\n", read.pageNumber, read.rotation);
    tally.damagedExpected += expected.spec.kind == PageKind::DamagedCode;
    if (expected.spec.kind == PageKind::DamagedCode)
        tally.suspectedOnDamaged += read.suspectedCode;
    else if (read.suspectedCode && read.codes.isEmpty())
        ++tally.suspectedElsewhere;
    tally.pagesWithCodes += !read.codes.isEmpty();
    tally.upsideDownRecorded +=
        !read.codes.isEmpty() && (read.rotation == 180) == expected.degradation.upsideDown;
}

void readBatch(benchmark::State &state, PdfRendering rendering)
{
    const Batch &b = batch();
    const PageReader reader;
    Tally tally;
    qint64 pages = 0;
    for (auto _ : state) {
        tally = {};
        auto source = openPageSource(b.path, rendering);
        if (!source) {
            state.SkipWithError(qPrintable(source.error().located()));
            return;
        }
        for (int i = 0; i < source.value()->pageCount(); ++i) {
            const PageRead read = reader.read(*source.value(), i);
            check(b.pages.at(i), read, tally);
            ++pages;
        }
    }
    state.counters["pages_per_s"] = benchmark::Counter(double(pages), benchmark::Counter::kIsRate);
    state.counters["confirmations"] = tally.confirmationsRead;
    state.counters["confirmations_expected"] = tally.confirmationsExpected;
    state.counters["codes_read"] = tally.codesRead;
    state.counters["codes_expected"] = tally.codesExpected;
    state.counters["false_reads"] = tally.falseReads;
    state.counters["blanks"] = tally.blanksFound;
    state.counters["blanks_expected"] = tally.blanksExpected;
    state.counters["suspected_damaged"] = tally.suspectedOnDamaged;
    state.counters["damaged_expected"] = tally.damagedExpected;
    state.counters["suspected_other"] = tally.suspectedElsewhere;
    state.counters["rotation_ok"] = tally.upsideDownRecorded;
    state.counters["pages_with_codes"] = tally.pagesWithCodes;
}

void BM_ReadBatchFastPath(benchmark::State &state)
{
    readBatch(state, PdfRendering::FastWhenPlainScan);
}
BENCHMARK(BM_ReadBatchFastPath)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

void BM_ReadBatchPoppler(benchmark::State &state)
{
    readBatch(state, PdfRendering::PopplerOnly);
}
BENCHMARK(BM_ReadBatchPoppler)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

// Rendering alone, for comparison with design §6.
void renderBatch(benchmark::State &state, PdfRendering rendering)
{
    const Batch &b = batch();
    qint64 pages = 0;
    for (auto _ : state) {
        auto source = openPageSource(b.path, rendering);
        for (int i = 0; source && i < source.value()->pageCount(); ++i, ++pages)
            benchmark::DoNotOptimize(source.value()->render(i, 150));
    }
    state.counters["pages_per_s"] = benchmark::Counter(double(pages), benchmark::Counter::kIsRate);
}

void BM_RenderFastPath150(benchmark::State &state)
{
    renderBatch(state, PdfRendering::FastWhenPlainScan);
}
BENCHMARK(BM_RenderFastPath150)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

void BM_RenderPoppler150(benchmark::State &state)
{
    renderBatch(state, PdfRendering::PopplerOnly);
}
BENCHMARK(BM_RenderPoppler150)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

// The baseline of design §6: `pdftoppm -gray -r 150`, render only, one process.
void BM_PdftoppmGray150(benchmark::State &state)
{
    const Batch &b = batch();
    for (auto _ : state) {
        QTemporaryDir out;
        QProcess pdftoppm;
        pdftoppm.start(QStringLiteral("pdftoppm"),
                       {QStringLiteral("-gray"), QStringLiteral("-r"), QStringLiteral("150"),
                        b.path, out.filePath(QStringLiteral("p"))});
        if (!pdftoppm.waitForFinished(-1) || pdftoppm.exitCode() != 0) {
            state.SkipWithError("pdftoppm failed or is not installed");
            return;
        }
    }
    state.counters["pages_per_s"] = benchmark::Counter(double(state.iterations() * b.pages.size()),
                                                       benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PdftoppmGray150)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
