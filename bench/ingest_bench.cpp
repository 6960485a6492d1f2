// The whole ingest on a generated scanner batch (default: 500 pages at 300 dpi, skew, upside-down
// pages, faint, blurred and damaged codes, blank backs), through the real worker processes, next
// to `pdftoppm -gray -r 150` rendering the same file in the same run. Prints pages per second,
// peak memory (the ingest and its workers together) and the read rate against the batch's
// ground truth: readable confirmations read / expected, and false reads. The ceiling beside
// them: the same pages only decoded to the first pass's 150-dpi image, by as many threads as
// workers, which no reading of them can beat.
//   bench_ingest [--pages N] [--dpi D] [--workers W]
#include "PageBatch.h"
#include "pointage/Ledger.h"
#include "pointage/PageSource.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace pointage;

namespace {

double maxRssMb(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_maxrss / 1024.0;
}

double timePdftoppm(const QString &pdf, const QString &outDir, int jobs, int pages)
{
    // pdftoppm is single-threaded: split the pages over `jobs` processes, as fair a baseline
    // as the ingest's worker pool.
    QElapsedTimer clock;
    clock.start();
    QList<QProcess *> running;
    const int perJob = (pages + jobs - 1) / jobs;
    for (int j = 0; j < jobs; ++j) {
        auto *p = new QProcess;
        p->start(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-gray"), QStringLiteral("-r"), QStringLiteral("150"),
                  QStringLiteral("-f"), QString::number(j * perJob + 1), QStringLiteral("-l"),
                  QString::number(qMin(pages, (j + 1) * perJob)), pdf,
                  outDir + QStringLiteral("/p%1").arg(j)});
        running.append(p);
    }
    bool ok = true;
    for (QProcess *p : running) {
        ok = p->waitForFinished(-1) && p->exitCode() == 0 && ok;
        delete p;
    }
    return ok ? clock.elapsed() / 1000.0 : -1;
}

// Every page's image as the reader's first pass gets it, and nothing else, pages shared out
// over `jobs` threads with a source each (as each worker has its own).
double timeDecodeOnly(const QString &pdf, int jobs, int pages)
{
    QElapsedTimer clock;
    clock.start();
    std::atomic<int> next = 0;
    std::atomic<bool> ok = true;
    std::vector<std::thread> threads;
    for (int j = 0; j < jobs; ++j)
        threads.emplace_back([&] {
            auto source = openPageSource(pdf);
            if (!source) {
                ok = false;
                return;
            }
            for (int page = next++; page < pages; page = next++)
                ok = source.value()->render(page, 150).ok() && ok;
        });
    for (std::thread &t : threads)
        t.join();
    return ok ? clock.elapsed() / 1000.0 : -1;
}

double rssMb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() / 1024.0;
    }
    return 0;
}

// The direct children of `root` (the decode workers), found by walking /proc.
QList<qint64> childrenOf(qint64 root)
{
    QList<qint64> children;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(proc.filePath(pid + QStringLiteral("/stat")));
        if (!pid.at(0).isDigit() || !stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1].toLongLong() == root)
            children.append(pid.toLongLong());
    }
    return children;
}

// Peak of the summed VmRSS of a process and its children, sampled every 50 ms. Walking /proc
// for the children costs milliseconds, taken from the cores the ingest runs on: it is done
// twice a second (a worker replaced after a crash is found within 0.5 s), the sampling of the
// known processes every time.
class TreeMemory
{
public:
    explicit TreeMemory(qint64 root) : m_root(root) {}
    void sample()
    {
        if (m_samples++ % 10 == 0)
            m_children = childrenOf(m_root);
        double total = rssMb(m_root);
        for (const qint64 child : std::as_const(m_children))
            total += rssMb(child);
        m_peakMb = qMax(m_peakMb, total);
    }
    double peakMb() const { return m_peakMb; }

private:
    qint64 m_root;
    QList<qint64> m_children;
    int m_samples = 0;
    double m_peakMb = 0;
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption pagesOption(QStringLiteral("pages"), QStringLiteral("Pages."),
                                         QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption dpiOption(QStringLiteral("dpi"), QStringLiteral("Scan resolution."),
                                       QStringLiteral("D"), QStringLiteral("300"));
    const QCommandLineOption workersOption(QStringLiteral("workers"), QStringLiteral("Workers."),
                                           QStringLiteral("W"), QStringLiteral("0"));
    parser.addOptions({pagesOption, dpiOption, workersOption});
    parser.process(app);
    const int pages = parser.value(pagesOption).toInt();
    const int dpi = parser.value(dpiOption).toInt();
    const int workers = parser.value(workersOption).toInt() > 0
                            ? parser.value(workersOption).toInt()
                            : QThread::idealThreadCount();

    QTemporaryDir dir;
    // Same cache as bench_scan_read: generating 500 pages at 300 dpi takes minutes.
    testkit::BatchMix mix;
    mix.pages = pages;
    const QString pdf = QDir::temp().filePath(
        dpi == 300
            ? QStringLiteral("pointage-bench-%1-%2.pdf").arg(pages).arg(mix.seed)
            : QStringLiteral("pointage-bench-%1-%2-%3dpi.pdf").arg(pages).arg(mix.seed).arg(dpi));
    const QList<testkit::BatchPage> batch = testkit::planBatch(mix);
    if (!QFileInfo::exists(pdf)) {
        std::printf("Generating %d pages at %d dpi into %s…\n", pages, dpi, qPrintable(pdf));
        std::fflush(stdout);
        if (!testkit::writeBatchPdf(pdf, batch, dpi)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(pdf));
            return 1;
        }
    }
    std::printf("Batch: %.1f MB\n", QFileInfo(pdf).size() / 1048576.0);

    // The real command, as a clerk runs it; its process tree's memory is sampled meanwhile.
    const QString db = dir.filePath(QStringLiteral("bench.sqlite"));
    QProcess ingest;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CI"), QStringLiteral("true"));
    ingest.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    ingest.start(QStringLiteral(POINTAGE_BINARY),
                 {QStringLiteral("ingest"), QStringLiteral("--db"), db, QStringLiteral("--jobs"),
                  QString::number(workers), QStringLiteral("--received"),
                  QStringLiteral("2026-12-10"), pdf});
    ingest.waitForStarted();
    TreeMemory memory(ingest.processId());
    while (!ingest.waitForFinished(50))
        memory.sample();
    const double peakTreeMb = memory.peakMb();
    const double seconds = clock.elapsed() / 1000.0;
    if (ingest.exitCode() != 0) {
        std::fprintf(stderr, "pointage ingest failed: %s\n",
                     ingest.readAllStandardError().constData());
        return 1;
    }
    const double largestProcessMb = maxRssMb(RUSAGE_CHILDREN);

    QDir(dir.path()).mkdir(QStringLiteral("ppm"));
    const double baseline = timePdftoppm(pdf, dir.filePath(QStringLiteral("ppm")), workers, pages);
    QDir(dir.filePath(QStringLiteral("ppm"))).removeRecursively();
    const double decodeOnly = timeDecodeOnly(pdf, workers, pages);

    auto ledger = Ledger::open(db);
    if (!ledger) {
        std::fprintf(stderr, "%s\n", qPrintable(ledger.error().located()));
        return 1;
    }
    auto snapshot = ledger.value()->snapshot();
    if (!snapshot || snapshot->pages.size() != batch.size()) {
        std::fprintf(stderr, "ledger holds %lld pages, expected %lld\n",
                     snapshot ? qint64(snapshot->pages.size()) : -1LL, qint64(batch.size()));
        return 1;
    }

    int expected = 0, read = 0, falseReads = 0, failed = 0;
    // The batch's confirmations are all signed: any "unsigned" is a false alarm a school would
    // receive; "doubtful" is work for a clerk.
    int checked = 0, judgedUnsigned = 0, doubtful = 0;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const QStringList truth = batch[i].expectedCodes();
        QSet<QString> found;
        for (const BarcodeRead &c : snapshot->pages[i].read.codes)
            found.insert(c.text);
        QSet<QString> truthValues;
        for (const QString &t : truth)
            truthValues.insert(t.section(QLatin1Char(':'), 1));
        if (batch[i].isReadableConfirmation()) {
            ++expected;
            read += found.contains(batch[i].spec.payload) ? 1 : 0;
        }
        for (const QString &value : std::as_const(found))
            falseReads += truthValues.contains(value) ? 0 : 1;
        failed += snapshot->pages[i].read.decodeError.isEmpty() ? 0 : 1;
        const QList<ZoneReading> &zones = snapshot->pages[i].read.signatures;
        if (!batch[i].isReadableConfirmation() || zones.isEmpty())
            continue;
        ++checked;
        const auto verdictIs = [&](SignatureVerdict v) {
            return std::any_of(zones.cbegin(), zones.cend(),
                               [v](const ZoneReading &z) { return z.verdict() == v; });
        };
        judgedUnsigned += verdictIs(SignatureVerdict::Unsigned) ? 1 : 0;
        doubtful += !verdictIs(SignatureVerdict::Unsigned) && verdictIs(SignatureVerdict::Doubtful);
    }

    std::printf("\n%-44s %10s\n", "", "pages/s");
    std::printf("%-44s %10.1f\n", "pdftoppm -gray -r 150 (render only, baseline)",
                baseline > 0 ? pages / baseline : 0.0);
    std::printf("%-44s %10.1f\n", "pointage ingest (render + decode + ledger)", pages / seconds);
    std::printf("%-44s %10.1f\n", "ceiling: the pages' images decoded, nothing else",
                decodeOnly > 0 ? pages / decodeOnly : 0.0);
    std::printf("\nworkers: %d   time: %.1f s   baseline time: %.1f s\n", workers, seconds,
                baseline);
    std::printf("peak memory: %.0f MB for the ingest and its workers together (largest single "
                "process %.0f MB)\n",
                peakTreeMb, largestProcessMb);
    std::printf("confirmations read: %d / %d (%.2f %%)   false reads: %d   failed pages: %d\n",
                read, expected, expected ? 100.0 * read / expected : 100.0, falseReads, failed);
    std::printf("signatures checked: %d confirmations (all signed)   judged unsigned: %d   "
                "doubtful: %d (%.1f %%)\n",
                checked, judgedUnsigned, doubtful, checked ? 100.0 * doubtful / checked : 0.0);
    return 0;
}
