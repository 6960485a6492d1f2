// The slowest page of a generated 300-dpi batch (the design §6 mix of damaged, skewed, faint,
// upside-down pages), read one at a time through each renderer: the figure the decode
// worker's page time limit is derived from (docs/reliability.md). One page at a time, as a
// worker reads them; wall and CPU time are both given (on a loaded machine they differ).
//   bench_slowest_page [PAGES]   (default 200)
#include "PageBatch.h"
#include "pointage/PageReader.h"
#include "pointage/PageSource.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace pointage;
using namespace pointage::testkit;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    BatchMix mix;
    mix.pages = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
    mix.seed = 77;
    const QList<BatchPage> pages = planBatch(mix);
    // Cached: generating 300-dpi pages costs far more than reading them.
    const QString path = QDir::temp().filePath(
        QStringLiteral("pointage-slowest-%1-%2.pdf").arg(mix.pages).arg(mix.seed));
    if (!QFileInfo::exists(path) && !writeBatchPdf(path, pages, 300)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    const PageReader reader;
    for (const auto &[name, rendering] : {std::pair{"fast path", PdfRendering::FastWhenPlainScan},
                                          std::pair{"Poppler", PdfRendering::PopplerOnly}}) {
        auto source = openPageSource(path, rendering);
        if (!source) {
            std::fprintf(stderr, "%s\n", qPrintable(source.error().located()));
            return 1;
        }
        // Wall time is what the worker's time limit measures; CPU time says how much of it
        // was the page's own work on a loaded machine.
        QList<qint64> times;
        QList<qint64> cpuTimes;
        int slowest = 0;
        for (int i = 0; i < pages.size(); ++i) {
            QElapsedTimer clock;
            clock.start();
            const std::clock_t cpu = std::clock();
            (void)reader.read(*source.value(), i);
            cpuTimes.append(qint64(std::clock() - cpu) * 1000 / CLOCKS_PER_SEC);
            times.append(clock.elapsed());
            if (times.last() > times.at(slowest))
                slowest = i;
        }
        QList<qint64> sorted = times;
        std::sort(sorted.begin(), sorted.end());
        std::printf(
            "%-9s %d pages: median %lld ms, p99 %lld ms, slowest %lld ms wall / %lld ms "
            "CPU (page %d, %s); most CPU on one page: %lld ms\n",
            name, int(pages.size()), sorted.at(sorted.size() / 2),
            sorted.at(sorted.size() * 99 / 100), sorted.last(), cpuTimes.at(slowest), slowest + 1,
            qPrintable(pages.at(slowest).spec.payload.isEmpty() ? QStringLiteral("no code")
                                                                : pages.at(slowest).spec.payload),
            *std::max_element(cpuTimes.cbegin(), cpuTimes.cend()));
    }
    return 0;
}
