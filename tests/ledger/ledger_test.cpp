// The ledger: owner-only file, migrations, roster merge with scoped withdrawal, one
// transaction per import, append-only journal, decisions, scanned pages.
#include "LedgerFixtures.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;

using namespace pointage::testkit;

TEST_F(LedgerTest, CreatesFileReadableByOwnerOnly)
{
    const QFile::Permissions perms = QFileInfo(path()).permissions();
    EXPECT_TRUE(perms.testFlag(QFileDevice::ReadOwner));
    EXPECT_FALSE(perms.testFlag(QFileDevice::ReadGroup));
    EXPECT_FALSE(perms.testFlag(QFileDevice::ReadOther));
    EXPECT_EQ(ledger().schemaVersion(), 6);
}

TEST_F(LedgerTest, ReopeningDoesNotMigrateTwice)
{
    m_ledger.reset();
    auto again = Ledger::open(path());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value()->schemaVersion(), 6);
}

TEST_F(LedgerTest, RefusesAFileThatIsNotALedger)
{
    const QString bogus = m_dir.filePath(QStringLiteral("bogus.sqlite"));
    QFile f(bogus);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    auto opened = Ledger::open(bogus);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::Database);
    EXPECT_TRUE(opened.error().located().contains(QStringLiteral("bogus.sqlite")));
}

TEST_F(LedgerTest, ImportAddsThenReportsIdenticalFileAsUnchanged)
{
    const RosterExport e =
        exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND")),
                        row(QStringLiteral("01234567891"), uaiA, QStringLiteral("N'DIAYE"))});
    EXPECT_EQ(import(e, QStringLiteral("sha1")).added, 2);
    const RosterImportSummary again = import(e, QStringLiteral("sha1"));
    EXPECT_TRUE(again.alreadyImported);
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(candidate(QStringLiteral("01234567891")).row.lastName, QStringLiteral("N'DIAYE"));
}

TEST_F(LedgerTest, ReimportUpdatesChangedCandidateAndKeepsVersionHistory)
{
    import(exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND"), 1)}),
           QStringLiteral("v1"));
    const RosterImportSummary s = import(
        exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND"), 2)}, {},
                 QDateTime(QDate(2026, 12, 5), QTime(9, 0))),
        QStringLiteral("v2"));
    EXPECT_EQ(s.updated, 1);
    EXPECT_EQ(candidate(QStringLiteral("01234567890")).row.version, 2);
    QSqlQuery q = raw(QStringLiteral("SELECT count(*) FROM candidate_versions"));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 2);
}

TEST_F(LedgerTest, WithdrawsOnlyInsideTheSameScope)
{
    const QString filter = QStringLiteral("Code Spécialité Egal 50022");
    import(exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND")),
                           row(QStringLiteral("01234567891"), uaiA, QStringLiteral("MARTIN"))}),
           QStringLiteral("a1"));
    import(exportOf(uaiB, {row(QStringLiteral("09999999990"), uaiB, QStringLiteral("ROUX"))}),
           QStringLiteral("b1"));
    // A filtered export listing nobody of school A's previous list says nothing about them.
    import(exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND"))},
                    filter, QDateTime(QDate(2026, 12, 6), QTime(9, 0))),
           QStringLiteral("a-filtered"));
    EXPECT_FALSE(candidate(QStringLiteral("01234567891")).withdrawn);
    // A newer unfiltered export of school A without MARTIN withdraws MARTIN, not school B.
    const RosterImportSummary s =
        import(exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND"))},
                        {}, QDateTime(QDate(2026, 12, 7), QTime(9, 0))),
               QStringLiteral("a2"));
    EXPECT_EQ(s.withdrawn, 1);
    EXPECT_TRUE(candidate(QStringLiteral("01234567891")).withdrawn);
    EXPECT_FALSE(candidate(QStringLiteral("09999999990")).withdrawn);
    EXPECT_FALSE(candidate(QStringLiteral("01234567890")).withdrawn);
}

TEST_F(LedgerTest, WithdrawnCandidateListedAgainIsReinstated)
{
    import(exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND")),
                           row(QStringLiteral("01234567891"), uaiA, QStringLiteral("MARTIN"))}),
           QStringLiteral("a1"));
    import(exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND"))}, {},
                    QDateTime(QDate(2026, 12, 3), QTime(9, 0))),
           QStringLiteral("a2"));
    const RosterImportSummary s =
        import(exportOf(uaiA,
                        {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND")),
                         row(QStringLiteral("01234567891"), uaiA, QStringLiteral("MARTIN"))},
                        {}, QDateTime(QDate(2026, 12, 4), QTime(9, 0))),
               QStringLiteral("a3"));
    EXPECT_EQ(s.reinstated, 1);
    EXPECT_FALSE(candidate(QStringLiteral("01234567891")).withdrawn);
}

TEST_F(LedgerTest, EtatMeaningCancelledWithdrawsWithoutDeleting)
{
    RosterRow cancelled = row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND"));
    cancelled.state = QStringLiteral("Annulé");
    import(exportOf(uaiA, {cancelled}), QStringLiteral("a1"));
    const CandidateRecord c = candidate(QStringLiteral("01234567890"));
    EXPECT_TRUE(c.withdrawn);
    EXPECT_EQ(c.row.lastName, QStringLiteral("DURAND"));
}

TEST_F(LedgerTest, RefusesAnExportOlderThanTheLastOneOfItsScope)
{
    import(exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND"))}, {},
                    QDateTime(QDate(2026, 12, 8), QTime(9, 0))),
           QStringLiteral("new"));
    auto older = ledger().importRoster(
        exportOf(uaiA, {}, {}, QDateTime(QDate(2026, 12, 1), QTime(9, 0))), QStringLiteral("old"));
    ASSERT_FALSE(older.ok());
    EXPECT_EQ(older.error().code, ErrorCode::Conflict);
    EXPECT_FALSE(candidate(QStringLiteral("01234567890")).withdrawn);
}

TEST_F(LedgerTest, FailedImportLeavesLedgerAsItWas)
{
    import(exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND"), 1)}),
           QStringLiteral("v1"));
    // Make the database itself refuse one row half-way through the next import.
    raw(QStringLiteral(
        "CREATE TRIGGER fail_one BEFORE INSERT ON candidate_versions WHEN "
        "NEW.number = '01234567899' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"));
    auto failed = ledger().importRoster(
        exportOf(uaiA,
                 {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND"), 2),
                  row(QStringLiteral("01234567899"), uaiA, QStringLiteral("PETIT"))},
                 {}, QDateTime(QDate(2026, 12, 5), QTime(9, 0))),
        QStringLiteral("v2"));
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, ErrorCode::Database);
    EXPECT_EQ(candidate(QStringLiteral("01234567890")).row.version, 1);
    auto all = ledger().candidates();
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), 1);
}

TEST_F(LedgerTest, JournalIsAppendOnly)
{
    import(exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND"))}),
           QStringLiteral("a1"));
    auto before = ledger().journal(100);
    ASSERT_TRUE(before.ok());
    ASSERT_GE(before->size(), 2); // migration + import
    EXPECT_EQ(before->last().action, QStringLiteral("import"));
    EXPECT_FALSE(before->last().user.isEmpty());
    QSqlQuery del = raw(QStringLiteral("DELETE FROM journal"));
    EXPECT_TRUE(del.lastError().isValid());
    QSqlQuery upd = raw(QStringLiteral("UPDATE journal SET detail = 'x'"));
    EXPECT_TRUE(upd.lastError().isValid());
    EXPECT_EQ(ledger().journal(100)->size(), before->size());
}

TEST_F(LedgerTest, ForcedReingestKeepsPageIdsAndDecisions)
{
    ScannedFile file;
    file.path = QStringLiteral("scans/lot1.pdf");
    file.sha256 = QStringLiteral("abc");
    file.received = QDate(2026, 12, 10);
    file.pageCount = 2;
    PageRead confirmation;
    confirmation.pageNumber = 1;
    confirmation.codes = {{QStringLiteral("Code128"), QStringLiteral("01234567890"), 0}};
    PageRead unreadable;
    unreadable.pageNumber = 2;
    unreadable.suspectedCode = true;
    ASSERT_TRUE(ledger().recordScannedFile(file, {confirmation, unreadable}, false).ok());
    auto again = ledger().recordScannedFile(file, {confirmation, unreadable}, false);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);

    auto page = ledger().resolvePage(QStringLiteral("lot1.pdf#2"));
    ASSERT_TRUE(page.ok()) << page.error().located().toStdString();
    Decision d;
    d.kind = DecisionKind::AssignConfirmation;
    d.pageId = page.value();
    d.candidateNumber = QStringLiteral("01234567891");
    ASSERT_TRUE(ledger().recordDecision(d).ok());

    unreadable.codes = {{QStringLiteral("QRCode"), QStringLiteral("01234567891"), 180}};
    ASSERT_TRUE(ledger().recordScannedFile(file, {confirmation, unreadable}, true).ok());
    auto snap = ledger().snapshot();
    ASSERT_TRUE(snap.ok());
    ASSERT_EQ(snap->pages.size(), 2);
    EXPECT_EQ(snap->pages[1].id, page.value());
    ASSERT_EQ(snap->pages[1].read.codes.size(), 1);
    EXPECT_EQ(snap->pages[1].read.codes[0].rotation, 180);
    ASSERT_EQ(snap->decisions.size(), 1);
    EXPECT_EQ(snap->decisions[0].pageId, page.value());
    EXPECT_EQ(snap->pages[0].received, QDate(2026, 12, 10));
}

TEST_F(LedgerTest, UndoneDecisionLeavesTheActiveListButStaysRecorded)
{
    Decision d;
    d.kind = DecisionKind::ReceivePiece;
    d.candidateNumber = QStringLiteral("01234567890");
    d.pieceCode = QStringLiteral("ID");
    d.date = QDate(2026, 12, 3);
    auto id = ledger().recordDecision(d);
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(ledger().undoDecision(id.value()).ok());
    EXPECT_TRUE(ledger().decisions(false)->isEmpty());
    ASSERT_EQ(ledger().decisions(true)->size(), 1);
    EXPECT_EQ(ledger().decisions(true)->first().date, QDate(2026, 12, 3));
    auto twice = ledger().undoDecision(id.value());
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, ErrorCode::NotFound);
}

TEST_F(LedgerTest, UnknownPageReferenceIsAClearError)
{
    auto page = ledger().resolvePage(QStringLiteral("nowhere.pdf#3"));
    ASSERT_FALSE(page.ok());
    EXPECT_TRUE(page.error().message.contains(QStringLiteral("introuvable")));
}

TEST_F(LedgerTest, ExportWithRejectedRowsWithdrawsNobody)
{
    import(exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND")),
                           row(QStringLiteral("01234567891"), uaiA, QStringLiteral("MARTIN"))}),
           QStringLiteral("a1"));
    // MARTIN's row was mangled in the newer file and rejected by the reader.
    RosterExport damaged =
        exportOf(uaiA, {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND"))}, {},
                 QDateTime(QDate(2026, 12, 7), QTime(9, 0)));
    damaged.rowsRead = 2;
    const RosterImportSummary s = import(damaged, QStringLiteral("a2"));
    EXPECT_EQ(s.rejected, 1);
    EXPECT_TRUE(s.withdrawalsSkipped);
    EXPECT_EQ(s.withdrawn, 0);
    EXPECT_FALSE(candidate(QStringLiteral("01234567891")).withdrawn);
}

TEST_F(LedgerTest, AcademieWideImportCountsPerSchool)
{
    RosterExport academie =
        exportOf(QString(), {row(QStringLiteral("01234567890"), uaiA, QStringLiteral("DURAND")),
                             row(QStringLiteral("01234567891"), uaiA, QStringLiteral("MARTIN")),
                             row(QStringLiteral("09999999990"), uaiB, QStringLiteral("ROUX"))});
    const RosterImportSummary s = import(academie, QStringLiteral("acad"));
    EXPECT_EQ(s.added, 3);
    ASSERT_EQ(s.bySchool.size(), 2);
    EXPECT_EQ(s.bySchool.value(uaiA).added, 2);
    EXPECT_EQ(s.bySchool.value(uaiB).added, 1);
    EXPECT_EQ(candidate(QStringLiteral("09999999990")).row.uai, uaiB);
}
