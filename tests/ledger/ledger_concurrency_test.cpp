// Several commands on one ledger: a write transaction takes the write lock when it begins (so a
// second writer waits instead of failing on a stale read), readers never wait, a ledger busy
// beyond the wait is a typed error with its own French message, two commands creating the same
// new ledger both succeed, and scan claims exclude each other until released or dropped.
#include "QtPrinters.h"
#include "ledger/LedgerStore.h"
#include "pointage/Ledger.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <mutex>
#include <thread>

using namespace pointage;

namespace {

class LedgerConcurrency : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path(const QString &name = QStringLiteral("ledger.sqlite")) const
    {
        return m_dir.filePath(name);
    }
    std::unique_ptr<Ledger> ledger(int busyTimeoutMs = Ledger::defaultBusyTimeoutMs)
    {
        auto opened = Ledger::open(path(), busyTimeoutMs);
        EXPECT_TRUE(opened.ok()) << opened.error().located().toStdString();
        return opened.ok() ? std::move(opened.value()) : nullptr;
    }
    std::unique_ptr<LedgerStore> store(int busyTimeoutMs)
    {
        auto opened = LedgerStore::open(path(), busyTimeoutMs);
        EXPECT_TRUE(opened.ok()) << opened.error().located().toStdString();
        return opened.ok() ? std::move(opened.value()) : nullptr;
    }

    QTemporaryDir m_dir;
};

ScannedFile scannedFile(const QString &sha)
{
    ScannedFile f;
    f.path = QStringLiteral("lot-%1.pdf").arg(sha.left(4));
    f.sha256 = sha;
    f.received = QDate(2026, 12, 3);
    f.pageCount = 1;
    return f;
}

QList<PageRead> onePage()
{
    PageRead page;
    page.pageNumber = 1;
    page.codes.append({QStringLiteral("Code128"), QStringLiteral("02270001001"), 0});
    return {page};
}

const QString shaA =
    QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9");
const QString shaB =
    QStringLiteral("0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f");

} // namespace

TEST_F(LedgerConcurrency, WriteTransactionHoldsTheWriteLockFromItsBeginning)
{
    ASSERT_TRUE(ledger());
    auto first = store(Ledger::defaultBusyTimeoutMs);
    auto second = store(50);
    ASSERT_TRUE(first && second);
    ASSERT_TRUE(first->begin(TransactionKind::Write).ok());
    // A deferred BEGIN would succeed here and fail later, without waiting, at its first write.
    const Status blocked = second->begin(TransactionKind::Write);
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.error().code, ErrorCode::Busy);
    first->rollback();
    const Status free = second->begin(TransactionKind::Write);
    EXPECT_TRUE(free.ok());
    second->rollback();
}

TEST_F(LedgerConcurrency, ReaderDoesNotWaitForAWriter)
{
    auto writer = ledger();
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->recordScannedFile(scannedFile(shaA), onePage(), false).ok());
    auto lock = store(Ledger::defaultBusyTimeoutMs);
    ASSERT_TRUE(lock->begin(TransactionKind::Write).ok());

    auto reader = ledger(50);
    ASSERT_TRUE(reader);
    const auto snap = reader->snapshot();
    ASSERT_TRUE(snap.ok()) << snap.error().located().toStdString();
    EXPECT_EQ(snap->pages.size(), 1);
    lock->rollback();
}

// The web desk keeps a picture of the ledger and must know when another command changed it,
// but not rebuild it for its own writes.
TEST_F(LedgerConcurrency, OthersChangeCounterMovesOnlyForAnotherConnectionsCommits)
{
    auto desk = ledger();
    auto command = ledger();
    ASSERT_TRUE(desk && command);
    const qint64 start = desk->othersChangeCounter();
    ASSERT_GE(start, 0);
    ASSERT_TRUE(
        desk->setUser({QStringLiteral("claire"), QStringLiteral("gestion"), QStringLiteral("x")})
            .ok());
    EXPECT_EQ(desk->othersChangeCounter(), start) << "its own write";
    ASSERT_TRUE(command->recordScannedFile(scannedFile(shaA), onePage(), false).ok());
    const qint64 afterCommand = desk->othersChangeCounter();
    EXPECT_NE(afterCommand, start) << "another connection's write";
    EXPECT_EQ(desk->othersChangeCounter(), afterCommand) << "nothing new since";
}

TEST_F(LedgerConcurrency, LedgerBusyBeyondTheWaitIsATypedErrorInFrench)
{
    auto busy = ledger(50);
    ASSERT_TRUE(busy);
    auto lock = store(Ledger::defaultBusyTimeoutMs);
    ASSERT_TRUE(lock->begin(TransactionKind::Write).ok());

    const auto recorded = busy->recordScannedFile(scannedFile(shaA), onePage(), false);
    ASSERT_FALSE(recorded.ok());
    EXPECT_EQ(recorded.error().code, ErrorCode::Busy);
    EXPECT_EQ(recorded.error().message,
              QStringLiteral("le registre est occupé par une autre commande ; réessayez dans un "
                             "instant."));
    lock->rollback();
    EXPECT_TRUE(busy->recordScannedFile(scannedFile(shaA), onePage(), false).ok());
}

TEST_F(LedgerConcurrency, WriterWaitsForAnotherWriterThenSucceeds)
{
    auto lock = store(Ledger::defaultBusyTimeoutMs);
    ASSERT_TRUE(lock);
    ASSERT_TRUE(lock->begin(TransactionKind::Write).ok());
    Result<qint64> recorded = makeError(ErrorCode::Cancelled, QString());
    std::thread writer([&] {
        auto opened = Ledger::open(path());
        if (opened)
            recorded = opened.value()->recordScannedFile(scannedFile(shaB), onePage(), false);
        else
            recorded = opened.error();
    });
    // Let the writer reach the lock (if it has not yet, it simply finds the ledger free).
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    lock->rollback();
    writer.join();
    EXPECT_TRUE(recorded.ok()) << recorded.error().located().toStdString();
}

TEST_F(LedgerConcurrency, CommandsCreatingTheSameNewLedgerAtOnceBothSucceed)
{
    for (int trial = 0; trial < 8; ++trial) {
        const QString file = path(QStringLiteral("new-%1.sqlite").arg(trial));
        QList<Error> errors;
        QList<int> versions;
        std::mutex guard;
        auto openIt = [&] {
            auto opened = Ledger::open(file);
            const std::lock_guard<std::mutex> lock(guard);
            if (opened)
                versions.append(opened.value()->schemaVersion());
            else
                errors.append(opened.error());
        };
        std::thread a(openIt);
        std::thread b(openIt);
        a.join();
        b.join();
        for (const Error &e : errors)
            ADD_FAILURE() << "trial " << trial << ": " << e.located().toStdString();
        EXPECT_EQ(versions.size(), 2);
        auto reopened = Ledger::open(file);
        ASSERT_TRUE(reopened.ok());
        EXPECT_TRUE(reopened.value()->checkIntegrity().ok());
        // One journal line per schema step, written once whatever the number of openers.
        EXPECT_EQ(reopened.value()->journal(10)->size(), reopened.value()->schemaVersion())
            << "migrated once, trial " << trial;
    }
}

TEST_F(LedgerConcurrency, ClaimExcludesAnotherLedgerUntilReleased)
{
    auto first = ledger();
    auto second = ledger();
    ASSERT_TRUE(first && second);
    EXPECT_TRUE(first->claimScannedFile(shaA).value());
    EXPECT_TRUE(first->claimScannedFile(shaA).value()) << "a holder may ask again";
    EXPECT_FALSE(second->claimScannedFile(shaA).value());
    EXPECT_TRUE(second->claimScannedFile(shaB).value()) << "another file is free";
    first->releaseScannedFile(shaA);
    EXPECT_TRUE(second->claimScannedFile(shaA).value());
    EXPECT_FALSE(first->claimScannedFile(shaB).value());
}

TEST_F(LedgerConcurrency, ClaimsVanishWithTheirLedger)
{
    auto first = ledger();
    auto second = ledger();
    ASSERT_TRUE(first && second);
    ASSERT_TRUE(first->claimScannedFile(shaA).value());
    ASSERT_FALSE(second->claimScannedFile(shaA).value());
    first.reset();
    EXPECT_TRUE(second->claimScannedFile(shaA).value());
}

TEST_F(LedgerConcurrency, IntegrityCheckPassesOnAHealthyLedger)
{
    auto l = ledger();
    ASSERT_TRUE(l);
    ASSERT_TRUE(l->recordScannedFile(scannedFile(shaA), onePage(), false).ok());
    EXPECT_TRUE(l->checkIntegrity().ok());
}
