// Server-side time of the web desk's heaviest screens, network left out: the view rebuilt
// after a change (reconcile + indexes), the dashboard of a 500-school académie, and the screen
// of a school with 2,000 candidates. Figures go to docs/performance.md.
#include "GeneratedLedger.h"
#include "pointage/RequirementRules.h"
#include "pointage/SessionConfig.h"
#include "web/Screens.h"

#include <benchmark/benchmark.h>

namespace {

using namespace pointage;

RequirementRules rules()
{
    auto loaded = RequirementRules::load(QStringLiteral(POINTAGE_SOURCE_DIR "/config/rules.json"));
    return loaded ? loaded.value() : RequirementRules();
}

web::DeskView view(int candidates, int schools, int pages)
{
    testkit::GeneratedLedgerOptions options;
    options.candidates = candidates;
    options.schools = schools;
    options.pages = pages;
    return web::buildDeskView(testkit::generatedLedger(options), rules(),
                              SessionConfig::defaults(2027), QDate(2026, 12, 23));
}

void viewRebuild(benchmark::State &state)
{
    testkit::GeneratedLedgerOptions options;
    const LedgerSnapshot snapshot = testkit::generatedLedger(options);
    const RequirementRules r = rules();
    for (auto _ : state)
        benchmark::DoNotOptimize(
            web::buildDeskView(snapshot, r, SessionConfig::defaults(2027), QDate(2026, 12, 23)));
}
BENCHMARK(viewRebuild)->Unit(benchmark::kMillisecond);

void dashboard500Schools(benchmark::State &state)
{
    const web::DeskView v = view(20000, 500, 40000);
    web::PageContext ctx;
    for (auto _ : state) {
        const web::Screen s = web::dashboardScreen(v);
        benchmark::DoNotOptimize(web::htmlPage(ctx, s.title, s.active, s.body).toUtf8());
    }
}
BENCHMARK(dashboard500Schools)->Unit(benchmark::kMillisecond);

void school2000Candidates(benchmark::State &state)
{
    const web::DeskView v = view(2000, 1, 4000);
    web::PageContext ctx;
    const SchoolStatus &school = v.status.schools.first();
    for (auto _ : state) {
        const web::Screen s = web::schoolScreen(v, school);
        benchmark::DoNotOptimize(web::htmlPage(ctx, s.title, s.active, s.body).toUtf8());
    }
    state.counters["candidates"] = school.candidates;
}
BENCHMARK(school2000Candidates)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
