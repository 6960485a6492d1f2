// Decoders that go wrong on hostile files: the fast path crashing (the file is read again
// through Poppler), a decoder allocating without end (stopped by the worker's memory cap, the
// page an exception saying so), and Qt's own warnings kept off the person's terminal.
#include "IngestFixture.h"
#include "ScanFixtures.h"

#include <QElapsedTimer>
#include <QProcess>

using namespace pointage;
using namespace pointage::testkit;

namespace {

TEST_F(ScanIngestTest, FastPathCrashWhileIndexingFallsBackToPoppler)
{
    const QList<BatchPage> batch = writeBatch(QStringLiteral("lot1.pdf"), 4, 21);
    qputenv("POINTAGE_TEST_CRASH_FAST", "open");
    const IngestSummary s = ingest(options(QStringLiteral(POINTAGE_CRASHING_WORKER)));
    ASSERT_EQ(s.files.size(), 1);
    EXPECT_EQ(s.files[0].outcome, IngestFileResult::Outcome::Ingested)
        << s.files[0].message.toStdString();
    EXPECT_FALSE(s.somethingSkipped());
    expectEveryPageRead(pages(), batch);
}

TEST_F(ScanIngestTest, FastPathCrashOnAPageFallsBackToPoppler)
{
    const QList<BatchPage> batch = writeBatch(QStringLiteral("lot1.pdf"), 4, 22);
    qputenv("POINTAGE_TEST_CRASH_FAST", "page");
    const IngestSummary s = ingest(options(QStringLiteral(POINTAGE_CRASHING_WORKER)));
    EXPECT_FALSE(s.somethingSkipped());
    expectEveryPageRead(pages(), batch);
}

// Without the cap, the greedy page would grow for the whole time limit (and this test would
// fail on "dépassé"); with it, the worker dies within seconds and the page says why.
TEST_F(ScanIngestTest, RunawayAllocationIsStoppedByTheMemoryCap)
{
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer reserves terabytes of shadow memory: no RLIMIT_DATA there";
#endif
    writeBatch(QStringLiteral("lot1.pdf"), 3, 23);
    qputenv("POINTAGE_TEST_GREEDY_PAGE", "2");
    qputenv("POINTAGE_WORKER_MEMORY_MB", "384");
    IngestOptions o = options(QStringLiteral(POINTAGE_CRASHING_WORKER));
    o.pageTimeoutMs = 60000;
    QElapsedTimer clock;
    clock.start();
    const IngestSummary s = ingest(o);
    EXPECT_LT(clock.elapsed(), 30000);
    ASSERT_EQ(s.files.size(), 1);
    EXPECT_EQ(s.files[0].failedPages, 1);
    const QList<StoredPage> stored = pages();
    ASSERT_EQ(stored.size(), 3);
    EXPECT_TRUE(stored[1].read.decodeError.contains(QStringLiteral("384 Mo de mémoire")))
        << stored[1].read.decodeError.toStdString();
    EXPECT_TRUE(stored[0].read.decodeError.isEmpty());
    EXPECT_TRUE(stored[2].read.decodeError.isEmpty());
}

// What a real worker prints on stderr while reading `pdf`'s first page, and its answer.
std::pair<QByteArray, QByteArray>
workerOutput(const QString &pdf, const QString &program = QStringLiteral(POINTAGE_BINARY))
{
    QProcess worker;
    worker.start(program, program == QStringLiteral(POINTAGE_BINARY)
                              ? QStringList{QStringLiteral("__decode-worker")}
                              : QStringList{});
    EXPECT_TRUE(worker.waitForStarted());
    worker.write("page 0 fast " + QFile::encodeName(pdf) + "\n");
    worker.closeWriteChannel();
    EXPECT_TRUE(worker.waitForFinished(60000));
    return {worker.readAllStandardError(), worker.readAllStandardOutput()};
}

// A scanner page whose content stream is a corrupt zlib stream: qUncompress() warns, the fast
// path declines, Poppler renders the page (blank: its content is lost). The warning is Qt's,
// not the person's business.
TEST(DecodeWorker, QtWarningsDoNotReachTheTerminal)
{
    ScanPdfWriter writer;
    writer.addPage(drawPage(confirmationSpec(QStringLiteral("01234567890")), 150), 150);
    QByteArray bytes = writer.pdf();
    const QByteArray corrupt = "<< /Length 12 /Filter /FlateDecode >>\nstream\nx\x9c" +
                               QByteArray("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6", 10) +
                               "\nendstream";
    // The page's content object is replaced by a corrupt compressed one (same object number).
    const qsizetype at = bytes.indexOf("stream\nq ");
    ASSERT_GT(at, 0);
    const qsizetype dictionary = bytes.lastIndexOf("<<", at);
    const qsizetype end = bytes.indexOf("endstream", at) + 9;
    bytes.replace(dictionary, end - dictionary, corrupt);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scan.pdf"));
    ASSERT_TRUE(writeBytes(path, bytes));

    const auto [err, out] = workerOutput(path);
    EXPECT_TRUE(err.isEmpty()) << err.constData();
    EXPECT_TRUE(out.startsWith("{") && out.contains("\"page\":1") &&
                out.contains("\"decodeError\":\"\""))
        << out.constData();
}

// C libraries print on stderr themselves (libpng's warnings, Poppler's core syntax errors,
// libjpeg): the worker takes its own stderr over, so a batch with such pages stays quiet.
TEST(DecodeWorker, WhatCLibrariesPrintDoesNotReachTheTerminal)
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
    GTEST_SKIP() << "sanitized workers keep stderr for the sanitizers' reports";
#endif
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scan.pdf"));
    ScanPdfWriter writer;
    writer.addPage(drawPage(confirmationSpec(QStringLiteral("01234567890")), 150), 150);
    ASSERT_TRUE(writeBytes(path, writer.pdf()));
    qputenv("POINTAGE_TEST_CHATTER_PAGE", "1");
    const auto [err, out] = workerOutput(path, QStringLiteral(POINTAGE_CRASHING_WORKER));
    qunsetenv("POINTAGE_TEST_CHATTER_PAGE");
    EXPECT_TRUE(err.isEmpty()) << err.constData();
    EXPECT_TRUE(out.contains("\"decodeError\":\"\"") && out.contains("01234567890"))
        << out.constData();
}

} // namespace
