// Two ingest runs on one folder and one ledger, in-process (one Ledger per thread, real worker
// processes): every file is recorded exactly once and neither run fails; a run waits for a file
// another run holds, then counts it "déjà lu" if that run recorded it, or reads it itself if the
// holder let go without recording it.
#include "PageBatch.h"
#include "ScanPdfWriter.h"
#include "pointage/FileHash.h"
#include "pointage/Ledger.h"
#include "pointage/ScanIngest.h"

#include <QDir>
#include <QTemporaryDir>
#include <future>
#include <gtest/gtest.h>
#include <thread>

using namespace pointage;
using namespace pointage::testkit;

namespace {

class IngestConcurrency : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        QDir(m_dir.path()).mkdir(QStringLiteral("scans"));
    }

    QString scans() const { return m_dir.filePath(QStringLiteral("scans")); }
    QString ledgerPath() const { return m_dir.filePath(QStringLiteral("ledger.sqlite")); }
    QString scan(const QString &name) const { return QDir(scans()).filePath(name); }

    void writeBatches(int files, int pagesEach)
    {
        for (int i = 0; i < files; ++i) {
            BatchMix mix;
            mix.pages = pagesEach;
            mix.seed = quint32(100 + i);
            ASSERT_TRUE(
                writeBatchPdf(scan(QStringLiteral("lot-%1.pdf").arg(i + 1)), planBatch(mix), 150));
        }
    }

    IngestOptions options() const
    {
        IngestOptions o;
        o.inputs = {scans()};
        o.received = QDate(2026, 12, 3);
        o.workerProgram = QStringLiteral(POINTAGE_BINARY);
        o.workerArguments = {QStringLiteral("__decode-worker")};
        o.workers = 1;
        return o;
    }

    // One run on its own Ledger, on the calling thread.
    Result<IngestSummary> runOnce(std::function<void(const IngestProgress &)> progress = {})
    {
        auto ledger = Ledger::open(ledgerPath());
        if (!ledger)
            return ledger.error();
        ScanIngest job(*ledger.value(), options());
        if (progress)
            job.setProgressCallback(progress);
        return job.run();
    }

    LedgerSnapshot snapshot()
    {
        auto ledger = Ledger::open(ledgerPath());
        EXPECT_TRUE(ledger.ok());
        auto snap = ledger.value()->snapshot();
        EXPECT_TRUE(snap.ok());
        return snap.ok() ? snap.value() : LedgerSnapshot{};
    }

    QTemporaryDir m_dir;
};

QStringList filesWith(const IngestSummary &s, IngestFileResult::Outcome outcome)
{
    QStringList names;
    for (const IngestFileResult &f : s.files) {
        if (f.outcome == outcome)
            names.append(QFileInfo(f.path).fileName());
    }
    names.sort();
    return names;
}

} // namespace

TEST_F(IngestConcurrency, TwoRunsOnOneFolderRecordEveryFileOnceAndBothFinish)
{
    writeBatches(4, 2);
    Result<IngestSummary> first = makeError(ErrorCode::Cancelled, QString());
    Result<IngestSummary> second = makeError(ErrorCode::Cancelled, QString());
    std::thread a([&] { first = runOnce(); });
    std::thread b([&] { second = runOnce(); });
    a.join();
    b.join();
    ASSERT_TRUE(first.ok()) << first.error().located().toStdString();
    ASSERT_TRUE(second.ok()) << second.error().located().toStdString();
    EXPECT_FALSE(first->somethingSkipped());
    EXPECT_FALSE(second->somethingSkipped());

    const QStringList all{QStringLiteral("lot-1.pdf"), QStringLiteral("lot-2.pdf"),
                          QStringLiteral("lot-3.pdf"), QStringLiteral("lot-4.pdf")};
    QStringList readByOne = filesWith(first.value(), IngestFileResult::Outcome::Ingested) +
                            filesWith(second.value(), IngestFileResult::Outcome::Ingested);
    readByOne.sort();
    EXPECT_EQ(readByOne, all) << "each file read by exactly one run";
    QStringList seenByEach = filesWith(first.value(), IngestFileResult::Outcome::Ingested) +
                             filesWith(first.value(), IngestFileResult::Outcome::AlreadyIngested);
    seenByEach.sort();
    EXPECT_EQ(seenByEach, all);
    seenByEach = filesWith(second.value(), IngestFileResult::Outcome::Ingested) +
                 filesWith(second.value(), IngestFileResult::Outcome::AlreadyIngested);
    seenByEach.sort();
    EXPECT_EQ(seenByEach, all);

    const LedgerSnapshot snap = snapshot();
    EXPECT_EQ(snap.files.size(), 4);
    EXPECT_EQ(snap.pages.size(), 8);
}

TEST_F(IngestConcurrency, FileRecordedByTheRunHoldingItIsADejaLuSkip)
{
    writeBatches(2, 2);
    const QString heldSha = sha256OfFile(scan(QStringLiteral("lot-1.pdf"))).value();
    auto holder = Ledger::open(ledgerPath());
    ASSERT_TRUE(holder.ok());
    ASSERT_TRUE(holder.value()->claimScannedFile(heldSha).value());

    // The holder records lot-1 once the run is busy with lot-2 (so it has met lot-1 held).
    std::promise<void> started;
    std::once_flag once;
    std::future<void> startedFuture = started.get_future();
    Result<IngestSummary> run = makeError(ErrorCode::Cancelled, QString());
    std::thread runner([&] {
        run = runOnce(
            [&](const IngestProgress &) { std::call_once(once, [&] { started.set_value(); }); });
    });
    startedFuture.wait();
    ScannedFile file;
    file.path = scan(QStringLiteral("lot-1.pdf"));
    file.sha256 = heldSha;
    file.received = QDate(2026, 12, 3);
    file.pageCount = 2;
    PageRead page1;
    page1.pageNumber = 1;
    PageRead page2;
    page2.pageNumber = 2;
    ASSERT_TRUE(holder.value()->recordScannedFile(file, {page1, page2}, false).ok());
    holder.value()->releaseScannedFile(heldSha);
    runner.join();

    ASSERT_TRUE(run.ok()) << run.error().located().toStdString();
    EXPECT_EQ(filesWith(run.value(), IngestFileResult::Outcome::Ingested),
              QStringList{QStringLiteral("lot-2.pdf")});
    EXPECT_EQ(filesWith(run.value(), IngestFileResult::Outcome::AlreadyIngested),
              QStringList{QStringLiteral("lot-1.pdf")});
    EXPECT_FALSE(run->somethingSkipped()) << "a file another run recorded is not an error";
    EXPECT_EQ(snapshot().files.size(), 2);
}

TEST_F(IngestConcurrency, FileLeftUnrecordedByItsHolderIsReadByTheWaitingRun)
{
    writeBatches(2, 2);
    const QString heldSha = sha256OfFile(scan(QStringLiteral("lot-1.pdf"))).value();
    auto holder = Ledger::open(ledgerPath());
    ASSERT_TRUE(holder.ok());
    ASSERT_TRUE(holder.value()->claimScannedFile(heldSha).value());

    std::promise<void> started;
    std::once_flag once;
    std::future<void> startedFuture = started.get_future();
    Result<IngestSummary> run = makeError(ErrorCode::Cancelled, QString());
    std::thread runner([&] {
        run = runOnce(
            [&](const IngestProgress &) { std::call_once(once, [&] { started.set_value(); }); });
    });
    startedFuture.wait();
    holder.value().reset(); // the holder stops (or dies) without recording lot-1
    runner.join();

    ASSERT_TRUE(run.ok()) << run.error().located().toStdString();
    EXPECT_EQ(filesWith(run.value(), IngestFileResult::Outcome::Ingested),
              (QStringList{QStringLiteral("lot-1.pdf"), QStringLiteral("lot-2.pdf")}));
    EXPECT_FALSE(run->somethingSkipped());
    EXPECT_EQ(snapshot().pages.size(), 4);
}
