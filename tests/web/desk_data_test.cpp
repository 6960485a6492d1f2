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
