// Reconciles an académie — 20,000 candidates in 500 schools, ~40,000 scanned pages — from a
// ledger snapshot: page classification, segmentation, matching, rules, states, school figures
// and the French filing order. Reports wall time per full reconciliation.
#include "GeneratedLedger.h"
#include "pointage/Reconciler.h"

#include <benchmark/benchmark.h>

using namespace pointage;

namespace {

void fullReconciliation(benchmark::State &state)
{
    testkit::GeneratedLedgerOptions options;
    options.candidates = int(state.range(0));
    options.schools = int(state.range(1));
    options.pages = int(state.range(2));
    const LedgerSnapshot snapshot = testkit::generatedLedger(options);
    const SessionConfig config = SessionConfig::defaults(2027);
    auto rules = RequirementRules::load(QStringLiteral(POINTAGE_SOURCE_DIR "/config/rules.json"));
    if (!rules.ok()) {
        state.SkipWithError("the shipped rules file does not load");
        return;
    }
    qsizetype exceptions = 0;
    for (auto _ : state) {
        const AcademieStatus status =
            reconcile(snapshot, rules.value(), config, QDate(2026, 12, 15));
        exceptions = status.openExceptions;
        benchmark::DoNotOptimize(status.candidateStatus.data());
    }
    state.counters["candidates"] = double(snapshot.candidates.size());
    state.counters["pages"] = double(snapshot.pages.size());
    state.counters["exceptions"] = double(exceptions);
    state.counters["pages_per_s"] = benchmark::Counter(
        double(snapshot.pages.size()), benchmark::Counter::kIsIterationInvariantRate);
}

} // namespace

BENCHMARK(fullReconciliation)->Args({20000, 500, 40000})->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
