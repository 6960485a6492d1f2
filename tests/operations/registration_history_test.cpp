// A candidate's registration history: versions newest first, each with its import and what
// changed from the one before; an unchanged re-import records no version; an undone import's
// version is gone.
#include "OperationsFixtures.h"
#include "pointage/RegistrationHistory.h"

namespace pointage::testfixtures {
namespace {

using RegistrationHistoryTest = OperationsLedger;

TEST_F(RegistrationHistoryTest, NewestFirstWithTheImportAndWhatChanged)
{
    importRows({rosterRow(QStringLiteral("02270001001"), QStringLiteral("AUBERT"),
                          QStringLiteral("Léa"))});
    importRows({rosterRow(QStringLiteral("02270001001"), QStringLiteral("AUBERT"),
                          QStringLiteral("Léa"))}); // identical: no new version
    RosterRow changed = rosterRow(QStringLiteral("02270001001"), QStringLiteral("AUBERT-MARTIN"),
                                  QStringLiteral("Léa"), 2, QStringLiteral("INDIVIDUEL CAP"));
    importRows({changed});

    auto history = registrationHistory(*m_ledger, QStringLiteral("2270001001"));
    ASSERT_TRUE(history.ok()) << history.error().message.toStdString();
    ASSERT_EQ(history->size(), 2);
    const RegistrationVersion &newest = history->at(0);
    EXPECT_FALSE(newest.first);
    EXPECT_EQ(newest.version.row.version, 2);
    EXPECT_EQ(newest.version.file, QStringLiteral("export.csv"));
    EXPECT_TRUE(newest.version.importedAt.isValid());
    EXPECT_GT(newest.version.importId, history->at(1).version.importId);
    QStringList fields;
    for (const RegistrationChange &c : newest.changes)
        fields.append(c.field);
    EXPECT_EQ(fields, (QStringList{QStringLiteral("Inscription"), QStringLiteral("Nom de famille"),
                                   QStringLiteral("Catégorie")}));
    EXPECT_EQ(newest.changes[0].before, QStringLiteral("107 version 1"));
    EXPECT_EQ(newest.changes[0].after, QStringLiteral("107 version 2"));
    EXPECT_TRUE(history->at(1).first);
    EXPECT_TRUE(history->at(1).changes.isEmpty());

    // Undoing the last import takes its version away.
    ASSERT_TRUE(m_ledger->undoRosterImport(newest.version.importId).ok());
    auto after = registrationHistory(*m_ledger, QStringLiteral("02270001001"));
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->size(), 1);
}

TEST(RegistrationChanges, ComparesUnknownColumnsToo)
{
    RosterRow a =
        rosterRow(QStringLiteral("02270001001"), QStringLiteral("A"), QStringLiteral("B"));
    RosterRow b = a;
    b.extra.insert(QStringLiteral("Enseignements"), QStringLiteral("LV1 anglais"));
    const QList<RegistrationChange> changes = registrationChanges(a, b);
    ASSERT_EQ(changes.size(), 1);
    EXPECT_EQ(changes[0].field, QStringLiteral("Enseignements"));
    EXPECT_TRUE(changes[0].before.isEmpty());
    EXPECT_TRUE(registrationChanges(a, a).isEmpty());
}

} // namespace
} // namespace pointage::testfixtures
