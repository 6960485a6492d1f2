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

rusage processUsage()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage;
}

double seconds(const timeval &t)
{
    return double(t.tv_sec) + double(t.tv_usec) / 1e6;
}

// User + system time of every thread of the process: letters are drawn on worker threads, so
// the benchmark's own CPU column (main thread only) says little; on a shared machine this is
// also the figure that does not depend on the other processes' load.
double processCpuSeconds()
{
    const rusage usage = processUsage();
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void allReports(benchmark::State &state)
{
    const AcademieStatus status =
        testkit::generatedAcademie(int(state.range(0)), int(state.range(1)));
    ReportSettings settings;
    settings.signatoryName = QStringLiteral("La cheffe de la DIEC");
    qsizetype files = 0;
    const double cpuBefore = processCpuSeconds();
    for (auto _ : state) {
        QTemporaryDir dir;
        const auto written = writeSchoolReports(status, settings, dir.path());
        const auto dashboard =
            writeDashboard(status, settings, dir.filePath(QStringLiteral("tableau-de-bord.html")));
        if (!written.ok() || !dashboard.ok()) {
            state.SkipWithError("report writing failed");
            break;
        }
        files = written->files.size() + 1;
    }
    state.counters["files"] = double(files);
    state.counters["process_cpu_s"] = processCpuSeconds() - cpuBefore;
    state.counters["peak_rss_MB"] = processUsage().ru_maxrss / 1024.0; // Linux: kilobytes
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
