// The desk's ledger threads: while the writer's thread is busy (a decision being recorded and
// the view rebuilt), a screen that reads the ledger (journal, a candidate's versions, a page's
// signature zones) is answered through the second connection instead of waiting behind it.
#include "web/DeskData.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <semaphore>

using namespace pointage;
using namespace pointage::web;

TEST(DeskData, ReadsAreAnsweredWhileTheWriterIsBusy)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    DeskData data(dir.filePath(QStringLiteral("ledger.sqlite")), SessionConfig::defaults(2027),
                  RequirementRules(), QDate(2026, 12, 20));
    ASSERT_TRUE(data.start().ok());

    std::binary_semaphore release(0);
    QFuture<void> busy = data.withLedger([&release](Ledger &) {
        release.acquire();
        return false;
    });
    QFuture<QList<JournalEntry>> journal = data.journal(10);
    QFuture<QList<RegistrationVersion>> history =
        data.registrationHistory(QStringLiteral("01300000001"));
    QFuture<QList<ZoneReading>> zones = data.signatureReadings(1);
    const auto finishedSoon = [](auto &future) {
        for (int waited = 0; waited < 5000 && !future.isFinished(); waited += 10)
            QThread::msleep(10);
        return future.isFinished();
    };
    EXPECT_TRUE(finishedSoon(journal));
    EXPECT_TRUE(finishedSoon(history));
    EXPECT_TRUE(finishedSoon(zones));
    EXPECT_FALSE(busy.isFinished()) << "the writer's thread was held all along";
    release.release();
    busy.waitForFinished();
}

// Another command (here another connection) reads a batch: while nothing changed a refresh
// leaves the view as it is; after the batch, a refresh shows it.
TEST(DeskData, ARefreshShowsWhatAnotherCommandWrote)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    DeskData data(path, SessionConfig::defaults(2027), RequirementRules(), QDate(2026, 12, 20));
    ASSERT_TRUE(data.start().ok());
    const std::shared_ptr<const DeskView> before = data.view();
    data.refreshIfChanged();
    for (int i = 0; i < 50 && data.view() == before; ++i)
        QThread::msleep(10);
    EXPECT_EQ(data.view(), before) << "nothing changed: the view stays";

    {
        auto other = Ledger::open(path);
        ASSERT_TRUE(other.ok());
        ScannedFile file;
        file.path = QStringLiteral("lot-1.pdf");
        file.sha256 = QString(64, QLatin1Char('a'));
        file.received = QDate(2026, 12, 5);
        file.pageCount = 1;
        PageRead page;
        page.pageNumber = 1;
        ASSERT_TRUE(other.value()->recordScannedFile(file, {page}, false).ok());
    }
    for (int i = 0; i < 500 && data.view()->snapshot.files.isEmpty(); ++i) {
        data.refreshIfChanged();
        QThread::msleep(10);
    }
    ASSERT_EQ(data.view()->snapshot.files.size(), 1);
    EXPECT_EQ(data.view()->snapshot.pages.size(), 1);
}
