// The desk's ledger threads: while the writer's thread is busy (a write waiting for another
// command's lock, a decision being recorded and the view rebuilt), what a screen or a login
// reads from the ledger is answered through the second connection instead of waiting behind.
#include "ledger/LedgerStore.h"
#include "web/DeskData.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::web;

namespace {

// A desk over a new ledger file of its own.
struct NewDesk
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
    DeskData data{path, SessionConfig::defaults(2027), RequirementRules(), QDate(2026, 12, 20)};
};

} // namespace

TEST(DeskData, ReadsAreAnsweredWhileTheWriterIsBusy)
{
    NewDesk desk;
    DeskData &data = desk.data;
    const QString &path = desk.path;
    ASSERT_TRUE(desk.dir.isValid() && data.start().ok());

    // Another command holds the ledger's write lock: the desk's import waits for it on the
    // writer's thread, as a decision would.
    auto other = LedgerStore::open(path, Ledger::defaultBusyTimeoutMs);
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(other.value()->begin(TransactionKind::Write).ok());
    QFile csv(
        QStringLiteral(POINTAGE_SOURCE_DIR "/samples/cyclades/04-cours-prive-saint-eloi.csv"));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    QFuture<ImportOutcome> import =
        data.importExport(csv.readAll(), QStringLiteral("04.csv"), false, QStringLiteral("claire"));

    QFuture<QList<JournalEntry>> journal = data.journal(10);
    QFuture<QList<RegistrationVersion>> history =
        data.registrationHistory(QStringLiteral("02270004001"));
    QFuture<QList<ZoneReading>> zones = data.signatureReadings(1);
    QFuture<std::optional<UserAccount>> user = data.user(QStringLiteral("claire"));
    const auto finishedSoon = [](auto &future) {
        for (int waited = 0; waited < 5000 && !future.isFinished(); waited += 10)
            QThread::msleep(10);
        return future.isFinished();
    };
    EXPECT_TRUE(finishedSoon(journal));
    EXPECT_TRUE(finishedSoon(history));
    EXPECT_TRUE(finishedSoon(zones));
    EXPECT_TRUE(finishedSoon(user));
    EXPECT_FALSE(import.isFinished()) << "the writer's thread was held all along";
    other.value()->rollback();
    EXPECT_TRUE(import.result().ok) << import.result().error.toStdString();
    EXPECT_FALSE(data.view()->snapshot.candidates.isEmpty());
}

// Another command (here another connection) reads a batch: while nothing changed a refresh
// leaves the view as it is; after the batch, a refresh shows it.
TEST(DeskData, ARefreshShowsWhatAnotherCommandWrote)
{
    NewDesk desk;
    DeskData &data = desk.data;
    const QString &path = desk.path;
    ASSERT_TRUE(desk.dir.isValid() && data.start().ok());
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
