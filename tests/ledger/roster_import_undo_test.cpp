// Imports that can be trusted: "identical" means identical to what the ledger holds now, an
// import can be undone exactly, and a merge that would withdraw many, withdraw everyone or move
// candidates between schools stops before writing unless a person accepts it.
#include "LedgerFixtures.h"

using namespace pointage;
using namespace pointage::testkit;

namespace {

const QString durand = QStringLiteral("01234567890");
const QString martin = QStringLiteral("01234567891");

QDateTime day(int d)
{
    return QDateTime(QDate(2026, 12, d), QTime(9, 0));
}

// Everything the roster is made of, as one comparable text: candidates, versions, memberships,
// establishments.
QString rosterDump(LedgerTest &test)
{
    QString dump;
    for (const char *sql :
         {"SELECT number, uai, data, fingerprint, withdrawn, withdrawn_reason FROM candidates "
          "ORDER BY number",
          "SELECT number, data FROM candidate_versions ORDER BY id",
          "SELECT scope_key, number FROM scope_members ORDER BY scope_key, number",
          "SELECT uai, name FROM establishments ORDER BY uai"}) {
        QSqlQuery q = test.raw(QString::fromLatin1(sql));
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                dump += q.value(i).toString() + QLatin1Char('|');
            dump += QLatin1Char('\n');
        }
        dump += QStringLiteral("--\n");
    }
    return dump;
}

} // namespace

class RosterImportUndo : public LedgerTest
{
};

TEST_F(RosterImportUndo, ReimportingTheGoodExportAfterABadOneRepairsTheLedger)
{
    const RosterExport good = exportOf(uaiA, {row(durand, uaiA, QStringLiteral("DURAND"), 2),
                                              row(martin, uaiA, QStringLiteral("MARTIN"), 1)});
    import(good, QStringLiteral("good"));
    // A file that rewrote DURAND's registration back to version 1 (the workflow of the issue).
    import(exportOf(QString(), {row(durand, uaiA, QStringLiteral("DURAND"), 1)}),
           QStringLiteral("bad"));
    ASSERT_EQ(candidate(durand).row.version, 1);
    const RosterImportSummary again = import(good, QStringLiteral("good"));
    EXPECT_FALSE(again.alreadyImported);
    EXPECT_EQ(again.updated, 1);
    EXPECT_EQ(candidate(durand).row.version, 2);
}

TEST_F(RosterImportUndo, UndoRestoresTheRosterExactlyAsItWasBefore)
{
    import(exportOf(uaiA, {row(durand, uaiA, QStringLiteral("DURAND"), 1),
                           row(martin, uaiA, QStringLiteral("MARTIN"), 1)}),
           QStringLiteral("a1"));
    const QString before = rosterDump(*this);
    ImportPolicy accept;
    accept.acceptWithdrawals = true;
    // The next import changes DURAND, withdraws MARTIN, adds PETIT and moves ROUX's school name.
    RosterExport next =
        exportOf(uaiA,
                 {row(durand, uaiA, QStringLiteral("DURAND"), 2),
                  row(QStringLiteral("01234567899"), uaiA, QStringLiteral("PETIT"))},
                 {}, day(5));
    next.rows[0].establishmentName = QStringLiteral("NOUVEAU NOM");
    next.rows[1].establishmentName = QStringLiteral("NOUVEAU NOM");
    auto imported = ledger().importRoster(next, QStringLiteral("a2"), accept);
    ASSERT_TRUE(imported.ok()) << imported.error().located().toStdString();
    ASSERT_NE(rosterDump(*this), before);
    ASSERT_GT(imported->importId, 0);

    auto undone = ledger().undoRosterImport(imported->importId);
    ASSERT_TRUE(undone.ok()) << undone.error().located().toStdString();
    EXPECT_EQ(undone->restored, 2); // DURAND changed, MARTIN withdrawn
    EXPECT_EQ(undone->removed, 1);  // PETIT added
    EXPECT_EQ(rosterDump(*this), before);

    auto list = ledger().rosterImports();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2);
    EXPECT_TRUE(list->at(1).undoneAt.isValid());
    EXPECT_FALSE(list->at(0).undoneAt.isValid());
    auto journal = ledger().journal(1);
    ASSERT_TRUE(journal.ok());
    EXPECT_EQ(journal->first().action, QStringLiteral("annulation d'import"));
}

TEST_F(RosterImportUndo, AnUndoneImportNoLongerCountsAsTheNewestExport)
{
    import(exportOf(uaiA, {row(durand, uaiA, QStringLiteral("DURAND"))}, {}, day(2)),
           QStringLiteral("a1"));
    const RosterImportSummary wrong =
        import(exportOf(uaiA, {row(durand, uaiA, QStringLiteral("DURAND"), 3)}, {}, day(9)),
               QStringLiteral("wrong"));
    ASSERT_TRUE(ledger().undoRosterImport(wrong.importId).ok());
    const RosterImportSummary right =
        import(exportOf(uaiA, {row(durand, uaiA, QStringLiteral("DURAND"), 2)}, {}, day(4)),
               QStringLiteral("right"));
    EXPECT_EQ(right.updated, 1);
    EXPECT_EQ(candidate(durand).row.version, 2);
}

TEST_F(RosterImportUndo, RefusesToUndoUnderALaterImportOfTheSameScope)
{
    const RosterImportSummary first =
        import(exportOf(uaiA, {row(durand, uaiA, QStringLiteral("DURAND"), 1)}, {}, day(2)),
               QStringLiteral("a1"));
    const RosterImportSummary second =
        import(exportOf(uaiA, {row(durand, uaiA, QStringLiteral("DURAND"), 2)}, {}, day(3)),
               QStringLiteral("a2"));
    auto refused = ledger().undoRosterImport(first.importId);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Conflict);
    EXPECT_TRUE(refused.error().message.contains(QString::number(second.importId)));
    EXPECT_EQ(candidate(durand).row.version, 2);
    ASSERT_TRUE(ledger().undoRosterImport(second.importId).ok());
    ASSERT_TRUE(ledger().undoRosterImport(first.importId).ok());
    auto all = ledger().candidates();
    ASSERT_TRUE(all.ok());
    EXPECT_TRUE(all->isEmpty());
    EXPECT_FALSE(ledger().undoRosterImport(first.importId).ok()); // already undone
}

struct GuardCase
{
    const char *name;
    int listedBefore;
    int listedAfter;
    bool moveOne;
    bool stops;
};

class ImportGuard : public LedgerTest, public ::testing::WithParamInterface<GuardCase>
{
};

TEST_P(ImportGuard, StopsBeforeWritingUnlessAccepted)
{
    const GuardCase &c = GetParam();
    QList<RosterRow> rows;
    for (int i = 0; i < c.listedBefore; ++i)
        rows.append(row(QStringLiteral("0123456%1").arg(i, 4, 10, QLatin1Char('0')), uaiA,
                        QStringLiteral("NOM")));
    import(exportOf(uaiA, rows), QStringLiteral("before"));
    import(exportOf(uaiB, {row(martin, uaiB, QStringLiteral("MARTIN"))}), QStringLiteral("b"));
    const QString before = rosterDump(*this);

    QList<RosterRow> after = rows.mid(0, c.listedAfter);
    if (c.moveOne)
        after.append(row(martin, uaiA, QStringLiteral("MARTIN")));
    const RosterExport next = exportOf(uaiA, after, {}, day(6));
    auto refused = ledger().importRoster(next, QStringLiteral("after"));
    if (!c.stops) {
        EXPECT_TRUE(refused.ok());
        return;
    }
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::NeedsConfirmation);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("--accept-withdrawals")));
    EXPECT_EQ(rosterDump(*this), before);

    ImportPolicy accept;
    accept.acceptWithdrawals = true;
    auto accepted = ledger().importRoster(next, QStringLiteral("after"), accept);
    ASSERT_TRUE(accepted.ok());
    EXPECT_NE(rosterDump(*this), before);
    auto journal = ledger().journal(1);
    ASSERT_TRUE(journal.ok());
    EXPECT_TRUE(journal->first().detail.contains(QStringLiteral("acceptés explicitement")));
}

INSTANTIATE_TEST_SUITE_P(
    Merges, ImportGuard,
    ::testing::Values(GuardCase{"EmptyExportOfAWholeSchool", 5, 0, false, true},
                      GuardCase{"ExportCutAtALineBoundary", 10, 7, false, true},
                      GuardCase{"OneWithdrawalInASmallSchool", 3, 2, false, false},
                      GuardCase{"FewWithdrawalsInALargeSchool", 40, 36, false, false},
                      GuardCase{"CandidateOfAnotherSchool", 5, 5, true, true}),
    [](const ::testing::TestParamInfo<GuardCase> &info) { return std::string(info.param.name); });
