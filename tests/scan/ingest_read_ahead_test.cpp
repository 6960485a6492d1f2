// The first file is read while its digest is still being computed (IngestRun): what was read
// ahead is recorded once the file is claimed, and forgotten, neither recorded nor counted, when
// the digest shows the file recorded already; a file recorded under its name is not read ahead.
// The digest is held back here until the workers have read some pages, so that each case
// happens whatever the machine's speed.
#include "IngestFixture.h"
#include "pointage/FileHash.h"
#include "scan/IngestRun.h"
#include "scan/InputFingerprints.h"

#include <QFile>
#include <chrono>
#include <condition_variable>
#include <mutex>

using namespace pointage;
using namespace pointage::testkit;

namespace {

// Holds every digest back until `pages` pages have been read, for `patience` at most (a run
// that never reads ahead then fails the test instead of hanging it).
class DigestGate
{
public:
    explicit DigestGate(int pages, std::chrono::milliseconds patience = std::chrono::minutes(1))
        : m_pages(pages), m_patience(patience)
    {}

    void pageRead()
    {
        const std::lock_guard lock(m_mutex);
        ++m_read;
        m_changed.notify_all();
    }
    Result<QString> hash(const QString &path)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, m_patience, [&] { return m_read >= m_pages; });
        m_readBeforeDigest = std::max(m_readBeforeDigest, m_read);
        lock.unlock();
        return sha256OfFile(path);
    }
    int readBeforeDigest()
    {
        const std::lock_guard lock(m_mutex);
        return m_readBeforeDigest;
    }

private:
    const int m_pages;
    const std::chrono::milliseconds m_patience;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_read = 0;
    int m_readBeforeDigest = 0;
};

class IngestReadAhead : public ScanIngestTest
{
protected:
    Result<IngestSummary> runGated(DigestGate &gate)
    {
        const IngestOptions o = options();
        Diagnostics problems;
        const QStringList paths = scanInputFiles(o.inputs, problems);
        const std::function<void(const IngestProgress &)> progress = [&](const IngestProgress &) {
            gate.pageRead();
        };
        const std::atomic<bool> stop = false;
        const InputFingerprints fingerprints(paths,
                                             [&](const QString &path) { return gate.hash(path); });
        return IngestRun(*m_ledger, o, progress, stop).run(paths, fingerprints, {});
    }
};

} // namespace

TEST_F(IngestReadAhead, PagesReadBeforeTheDigestAreRecordedOnceTheFileIsClaimed)
{
    const QList<BatchPage> batch = writeBatch(QStringLiteral("lot1.pdf"), 8, 11);
    DigestGate gate(3);
    const Result<IngestSummary> summary = runGated(gate);
    ASSERT_TRUE(summary.ok()) << summary.error().located().toStdString();
    EXPECT_GE(gate.readBeforeDigest(), 3);
    EXPECT_EQ(summary->pagesRead, batch.size());
    ASSERT_EQ(summary->files.size(), 1);
    EXPECT_EQ(summary->files[0].outcome, IngestFileResult::Outcome::Ingested);
    EXPECT_EQ(summary->files[0].pages, batch.size());
    expectEveryPageRead(pages(), batch);
}

TEST_F(IngestReadAhead, AFileFoundRecordedAfterItWasReadAheadIsNeitherRecordedNorCounted)
{
    writeBatch(QStringLiteral("lot1.pdf"), 6, 5);
    ingest(options());
    ASSERT_EQ(pages().size(), 6);
    // Sorted first, the copy is the file read ahead.
    ASSERT_TRUE(QFile::copy(QDir(scans()).filePath(QStringLiteral("lot1.pdf")),
                            QDir(scans()).filePath(QStringLiteral("lot0-copie.pdf"))));
    DigestGate gate(2);
    const Result<IngestSummary> summary = runGated(gate);
    ASSERT_TRUE(summary.ok()) << summary.error().located().toStdString();
    EXPECT_GE(gate.readBeforeDigest(), 2);
    EXPECT_EQ(summary->pagesRead, 0);
    ASSERT_EQ(summary->files.size(), 2);
    for (const IngestFileResult &f : summary->files)
        EXPECT_EQ(f.outcome, IngestFileResult::Outcome::AlreadyIngested) << f.path.toStdString();
    EXPECT_TRUE(summary->files[0].path.endsWith(QStringLiteral("lot0-copie.pdf")));
    EXPECT_TRUE(summary->files[0].message.contains(QStringLiteral("identique")));
    EXPECT_EQ(pages().size(), 6);
}

TEST_F(IngestReadAhead, AFileRecordedUnderItsNameIsNotReadAhead)
{
    writeBatch(QStringLiteral("lot1.pdf"), 4, 5);
    ingest(options());
    DigestGate gate(1, std::chrono::seconds(3));
    const Result<IngestSummary> summary = runGated(gate);
    ASSERT_TRUE(summary.ok()) << summary.error().located().toStdString();
    EXPECT_EQ(gate.readBeforeDigest(), 0);
    ASSERT_EQ(summary->files.size(), 1);
    EXPECT_EQ(summary->files[0].outcome, IngestFileResult::Outcome::AlreadyIngested);
    EXPECT_EQ(pages().size(), 4);
}
