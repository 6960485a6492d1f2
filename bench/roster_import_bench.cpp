// Importing a 100,000-row Cyclades export into a fresh ledger: parse + merge, one transaction.
// Prints rows per second and the process's peak memory. Target: under 2 s for 100,000 rows.
#include "RosterGenerator.h"
#include "pointage/CycladesReader.h"
#include "pointage/Ledger.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <sys/resource.h>

using namespace pointage;

namespace {

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

void importRoster(benchmark::State &state, bool alreadyKnown)
{
    testkit::RosterGeneratorOptions options;
    options.rowCount = int(state.range(0));
    options.scope = testkit::RosterScope::AcademyUaiColumn;
    options.establishmentCount = 500;
    const testkit::GeneratedRoster generated = testkit::generateRoster(options);
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auto ledger = Ledger::open(dir.filePath(QStringLiteral("bench.sqlite")));
        if (!ledger) {
            state.SkipWithError("ledger");
            return;
        }
        if (alreadyKnown) {
            auto first = readCycladesExport(generated.bytes, QStringLiteral("export.csv"));
            (void)ledger.value()->importRoster(first.value(), QStringLiteral("first"));
        }
        state.ResumeTiming();
        auto parsed = readCycladesExport(generated.bytes, QStringLiteral("export.csv"));
        if (!parsed) {
            state.SkipWithError("parse");
            return;
        }
        auto summary = ledger.value()->importRoster(parsed.value(), QStringLiteral("second"));
        if (!summary) {
            state.SkipWithError(summary.error().located().toStdString().c_str());
            return;
        }
        benchmark::DoNotOptimize(summary->added);
        state.PauseTiming();
        ledger.value().reset();
        state.ResumeTiming();
    }
    state.counters["rows_per_s"] = benchmark::Counter(
        double(state.range(0)) * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["peak_rss_MB"] = peakRssMb();
}

void BM_ImportNewRoster(benchmark::State &state)
{
    importRoster(state, false);
}
void BM_ReimportUnchangedRoster(benchmark::State &state)
{
    importRoster(state, true);
}

} // namespace

BENCHMARK(BM_ImportNewRoster)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ReimportUnchangedRoster)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
