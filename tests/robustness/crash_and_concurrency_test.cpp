// Crash and concurrency, with the real `pointage` binary: SIGKILL at seeded random points of an
// ingest and of an import, then a re-run, must give the ledger an uninterrupted run gives (same
// facts, integrity_check ok); two ingests of one folder, two imports, and reports during an
// ingest must all succeed and agree. Figures (kill points, what each trial left) are printed for
// docs/reliability.md; assertions are on outcomes only, never on time.
#include "PointageRuns.h"
#include "QtPrinters.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <iostream>
#include <random>

using namespace pointage::robustness;

namespace {

constexpr int rowsPerExport = 4000;
constexpr int scanFiles = 4;
constexpr int pagesPerFile = 3;
constexpr int killTrials = 5;
const QString received = QStringLiteral("2026-12-03");

class CrashAndConcurrency : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        ASSERT_TRUE(s_dir->isValid());
        s_inputs = writeInputs(s_dir->path(), rowsPerExport, scanFiles, pagesPerFile);
        ASSERT_EQ(s_inputs.exports.size(), 2);
        ASSERT_EQ(s_inputs.pagesOf.size(), scanFiles);

        const CommandRun imported =
            runPointage(s_dir->path(), path(QStringLiteral("ref-import")), importArguments());
        ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
        s_importMs = imported.elapsedMs;
        s_importDump = canonicalDump(path(QStringLiteral("ref-import")));
        ASSERT_EQ(s_importDump.size(), 2 * rowsPerExport + 2);

        const CommandRun ingested =
            runPointage(s_dir->path(), path(QStringLiteral("ref-ingest")), ingestArguments());
        ASSERT_EQ(ingested.exitCode, 0) << ingested.err.toStdString();
        s_ingestMs = ingested.elapsedMs;
        s_ingestDump = canonicalDump(path(QStringLiteral("ref-ingest")));
        int pages = 0;
        for (const int n : std::as_const(s_inputs.pagesOf))
            pages += n;
        ASSERT_EQ(s_ingestDump.size(), scanFiles + pages);
        std::cout << "[ figures ] uninterrupted import " << s_importMs << " ms ("
                  << 2 * rowsPerExport << " rows), ingest " << s_ingestMs << " ms (" << pages
                  << " pages in " << scanFiles << " files)\n";
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }

    static QString path(const QString &ledger)
    {
        return s_dir->filePath(ledger + QStringLiteral(".sqlite"));
    }
    static QStringList importArguments()
    {
        return QStringList{QStringLiteral("import")} + s_inputs.exports;
    }
    static QStringList ingestArguments(bool json = false)
    {
        QStringList arguments{
            QStringLiteral("ingest"), QStringLiteral("--received"), received,
            QStringLiteral("--jobs"), QStringLiteral("2"),          s_inputs.scans};
        if (json)
            arguments.append(QStringLiteral("--json"));
        return arguments;
    }

    // Kills `arguments` at seeded random points within an uninterrupted run's duration, re-runs
    // to the end, and compares with the reference. Returns how many trials were cut midway.
    static void killAndRerun(const QString &name, const QStringList &arguments, qint64 referenceMs,
                             const QStringList &reference, std::mt19937 &random)
    {
        std::uniform_int_distribution<int> killPoint(0, int(qMax<qint64>(1, referenceMs)));
        for (int trial = 0; trial < killTrials; ++trial) {
            const QString ledger = path(QStringLiteral("%1-kill-%2").arg(name).arg(trial));
            const int killAt = killPoint(random);
            PointageProcess process(s_dir->path(), ledger);
            process.start(arguments);
            const CommandRun cut = process.killAfter(killAt);
            EXPECT_EQ(integrityProblem(ledger), QString()) << name.toStdString() << " " << trial;
            const qsizetype factsLeft = canonicalDump(ledger).size();

            const CommandRun rerun = runPointage(s_dir->path(), ledger, arguments);
            EXPECT_EQ(rerun.exitCode, 0) << rerun.err.toStdString();
            EXPECT_EQ(canonicalDump(ledger), reference) << name.toStdString() << " " << trial;
            EXPECT_EQ(integrityProblem(ledger), QString());
            std::cout << "[ kill ] " << name.toStdString() << " trial " << trial << ": "
                      << (cut.killed ? "killed at " : "finished before ") << killAt << " ms of "
                      << referenceMs << ", facts left " << factsLeft << "/" << reference.size()
                      << ", re-run exit " << rerun.exitCode << "\n";
        }
    }

    static QTemporaryDir *s_dir;
    static Inputs s_inputs;
    static qint64 s_importMs;
    static qint64 s_ingestMs;
    static QStringList s_importDump;
    static QStringList s_ingestDump;
};

QTemporaryDir *CrashAndConcurrency::s_dir = nullptr;
Inputs CrashAndConcurrency::s_inputs;
qint64 CrashAndConcurrency::s_importMs = 0;
qint64 CrashAndConcurrency::s_ingestMs = 0;
QStringList CrashAndConcurrency::s_importDump;
QStringList CrashAndConcurrency::s_ingestDump;

QHash<QString, QString> outcomesByFile(const QByteArray &json)
{
    QHash<QString, QString> outcomes;
    const QJsonArray files =
        QJsonDocument::fromJson(json).object().value(QStringLiteral("files")).toArray();
    for (const QJsonValue &v : files) {
        const QJsonObject o = v.toObject();
        outcomes.insert(QFileInfo(o.value(QStringLiteral("file")).toString()).fileName(),
                        o.value(QStringLiteral("outcome")).toString());
    }
    return outcomes;
}

} // namespace

TEST_F(CrashAndConcurrency, IngestKilledAnywhereIsCompletedByARerun)
{
    std::mt19937 random(20261203);
    killAndRerun(QStringLiteral("ingest"), ingestArguments(), s_ingestMs, s_ingestDump, random);
}

TEST_F(CrashAndConcurrency, ImportKilledAnywhereIsCompletedByARerun)
{
    std::mt19937 random(20261208);
    killAndRerun(QStringLiteral("import"), importArguments(), s_importMs, s_importDump, random);
}

TEST_F(CrashAndConcurrency, TwoIngestsOfOneFolderShareItAndBothFinish)
{
    const QString ledger = path(QStringLiteral("two-ingests"));
    PointageProcess first(s_dir->path(), ledger);
    PointageProcess second(s_dir->path(), ledger);
    first.start(ingestArguments(true));
    second.start(ingestArguments(true));
    const CommandRun a = first.finish();
    const CommandRun b = second.finish();
    ASSERT_EQ(a.exitCode, 0) << a.err.toStdString();
    ASSERT_EQ(b.exitCode, 0) << b.err.toStdString();

    const QHash<QString, QString> byFirst = outcomesByFile(a.out);
    const QHash<QString, QString> bySecond = outcomesByFile(b.out);
    int readByFirst = 0;
    for (const QString &file : s_inputs.pagesOf.keys()) {
        const QString x = byFirst.value(file);
        const QString y = bySecond.value(file);
        EXPECT_TRUE((x == QStringLiteral("ingested") && y == QStringLiteral("alreadyIngested")) ||
                    (x == QStringLiteral("alreadyIngested") && y == QStringLiteral("ingested")))
            << file.toStdString() << ": " << x.toStdString() << " / " << y.toStdString();
        readByFirst += x == QStringLiteral("ingested") ? 1 : 0;
    }
    EXPECT_EQ(canonicalDump(ledger), s_ingestDump);
    EXPECT_EQ(integrityProblem(ledger), QString());
    std::cout << "[ figures ] two ingests: first read " << readByFirst << ", second read "
              << scanFiles - readByFirst << " of " << scanFiles << " files\n";
}

TEST_F(CrashAndConcurrency, TwoImportsAtOnceBothSucceed)
{
    for (int round = 0; round < 2; ++round) {
        const QString ledger = path(QStringLiteral("two-imports-%1").arg(round));
        PointageProcess first(s_dir->path(), ledger);
        PointageProcess second(s_dir->path(), ledger);
        first.start({QStringLiteral("import"), s_inputs.exports[round % 2]});
        second.start({QStringLiteral("import"), s_inputs.exports[(round + 1) % 2]});
        const CommandRun a = first.finish();
        const CommandRun b = second.finish();
        EXPECT_EQ(a.exitCode, 0) << a.err.toStdString();
        EXPECT_EQ(b.exitCode, 0) << b.err.toStdString();
        EXPECT_EQ(canonicalDump(ledger), s_importDump) << "round " << round;
        EXPECT_EQ(integrityProblem(ledger), QString());
    }
}

TEST_F(CrashAndConcurrency, ReportsDuringAnIngestSucceedAndSeeWholeFilesOnly)
{
    // A small roster, so that several reports fit in one ingest.
    const Inputs small = writeInputs(s_dir->filePath(QStringLiteral("small")), 150, 0, 0);
    const QString ledger = path(QStringLiteral("report-during-ingest"));
    const CommandRun imported =
        runPointage(s_dir->path(), ledger, QStringList{QStringLiteral("import")} + small.exports);
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    QStringList expected = canonicalDump(ledger) + s_ingestDump;
    expected.sort();
    PointageProcess ingest(s_dir->path(), ledger);
    ingest.start(ingestArguments());
    int reports = 0;
    do {
        const CommandRun report =
            runPointage(s_dir->path(), ledger,
                        {QStringLiteral("report"), QStringLiteral("--out"),
                         s_dir->filePath(QStringLiteral("reports-during")),
                         QStringLiteral("--as-of"), QStringLiteral("2026-12-23")});
        EXPECT_EQ(report.exitCode, 0) << report.err.toStdString();
        const CommandRun pages =
            runPointage(s_dir->path(), ledger, {QStringLiteral("pages"), QStringLiteral("--json")});
        ASSERT_EQ(pages.exitCode, 0) << pages.err.toStdString();
        QMap<QString, QList<int>> seen;
        for (const QJsonValue &v : QJsonDocument::fromJson(pages.out).array()) {
            const QJsonObject o = v.toObject();
            seen[QFileInfo(o.value(QStringLiteral("file")).toString()).fileName()].append(
                o.value(QStringLiteral("page")).toInt());
        }
        for (auto it = seen.begin(); it != seen.end(); ++it) {
            std::sort(it->begin(), it->end());
            QList<int> whole;
            for (int p = 1; p <= s_inputs.pagesOf.value(it.key()); ++p)
                whole.append(p);
            EXPECT_EQ(it.value(), whole) << it.key().toStdString() << " seen half-recorded";
        }
        ++reports;
    } while (ingest.running());
    const CommandRun done = ingest.finish();
    EXPECT_EQ(done.exitCode, 0) << done.err.toStdString();
    EXPECT_EQ(canonicalDump(ledger), expected);
    std::cout << "[ figures ] " << reports << " report(s) and page listing(s) during one ingest\n";
}
