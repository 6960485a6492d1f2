// Writes every report of an académie — one PDF letter and one CSV per school, plus the
// dashboard — for 20,000 candidates in 500 schools, and reports wall time and peak RSS.
#include "AcademieStatusBuilder.h"
#include "pointage/DashboardHtml.h"
#include "pointage/SchoolReports.h"

#include <QGuiApplication>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <sys/resource.h>

using namespace pointage;

namespace {

double peakRssMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0; // Linux reports kilobytes
}

void allReports(benchmark::State &state)
{
    const AcademieStatus status =
        testkit::generatedAcademie(int(state.range(0)), int(state.range(1)));
    ReportSettings settings;
    settings.signatoryName = QStringLiteral("La cheffe de la DIEC");
    qsizetype files = 0;
    for (auto _ : state) {
        QTemporaryDir dir;
        const auto written = writeSchoolReports(status, settings, dir.path());
        const Status dashboard =
            writeDashboard(status, settings, dir.filePath(QStringLiteral("tableau-de-bord.html")));
        if (!written.ok() || !dashboard.ok()) {
            state.SkipWithError("report writing failed");
            break;
        }
        files = written->files.size() + 1;
    }
    state.counters["files"] = double(files);
    state.counters["peak_rss_MB"] = peakRssMegabytes();
}

void dashboardOnly(benchmark::State &state)
{
    const AcademieStatus status =
        testkit::generatedAcademie(int(state.range(0)), int(state.range(1)));
    qsizetype bytes = 0;
    for (auto _ : state)
        bytes = dashboardHtml(status, ReportSettings()).toUtf8().size();
    state.counters["html_kB"] = bytes / 1024.0;
}

} // namespace

BENCHMARK(allReports)->Args({20000, 500})->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK(dashboardOnly)->Args({20000, 500})->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // QPdfWriter and text drawing need it
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
