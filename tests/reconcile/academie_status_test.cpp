// Per-school and académie figures, and the filing order of the candidate list.
#include "ReconcileFixtures.h"
#include "SnapshotBuilder.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testfixtures;
using pointage::testkit::SnapshotBuilder;

namespace {

const QString kLycee = QStringLiteral("0130001X");
const QString kCfa = QStringLiteral("0840002Y");

QString number(int n)
{
    return QStringLiteral("013%1").arg(n, 8, 10, QLatin1Char('0'));
}

} // namespace

TEST(AcademieStatus, CountsPerSchoolAndForTheAcademie)
{
    SnapshotBuilder builder;
    builder.nameEstablishment(kLycee, QStringLiteral("LYCÉE PROFESSIONNEL LE CORBUSIER"));
    for (int n = 1; n <= 4; ++n)
        builder.addCandidate(number(n), QStringLiteral("LYCEE"), kLycee);
    builder.addCandidate(number(5), QStringLiteral("LYCEE"), kLycee).categoryLabel =
        QStringLiteral("INDIVIDUEL");
    builder.addCandidate(number(6), QStringLiteral("RETIRE"), kLycee);
    builder.withdraw(number(6));
    builder.addCandidate(number(7), QStringLiteral("CFA"), kCfa);
    builder.addCandidate(number(8), QStringLiteral("CFA"), kCfa);

    builder.beginFile(QStringLiteral("lot-du-3.pdf"), december(3));
    builder.addCodes({number(1)});
    builder.addCodes({number(2)});
    builder.addCodes({number(6)});
    builder.beginFile(QStringLiteral("lot-du-7.pdf"), december(7));
    builder.addCodes({number(5)});
    builder.addCodes({QStringLiteral("01399999999")});

    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));
    EXPECT_EQ(status.window.daysLeft, 12);
    EXPECT_EQ(status.candidates, 7);
    EXPECT_EQ(status.complete, 2);
    EXPECT_EQ(status.incomplete, 1);
    EXPECT_EQ(status.notReceived, 4);
    EXPECT_EQ(status.withdrawnReceived, 1);
    EXPECT_EQ(status.openExceptions, 2); // withdrawn candidate's page + unknown number
    EXPECT_NEAR(status.percentReceived(), 300.0 / 7, 1e-9);

    ASSERT_EQ(status.schools.size(), 2);
    const SchoolStatus &lycee = status.schools.at(0);
    EXPECT_EQ(lycee.uai, kLycee);
    EXPECT_EQ(lycee.name, QStringLiteral("LYCÉE PROFESSIONNEL LE CORBUSIER"));
    EXPECT_EQ(lycee.candidates, 5);
    EXPECT_EQ(lycee.complete, 2);
    EXPECT_EQ(lycee.incomplete, 1);
    EXPECT_EQ(lycee.notReceived, 2);
    EXPECT_EQ(lycee.withdrawnReceived, 1);
    EXPECT_EQ(lycee.openExceptions, 1);
    EXPECT_EQ(lycee.lastReceipt, december(7));
    EXPECT_DOUBLE_EQ(lycee.percentReceived(), 60.0);
    EXPECT_FALSE(lycee.nothingReceived());

    const SchoolStatus &cfa = status.schools.at(1);
    EXPECT_EQ(cfa.uai, kCfa);
    EXPECT_EQ(cfa.candidates, 2);
    EXPECT_TRUE(cfa.nothingReceived());
    EXPECT_FALSE(cfa.lastReceipt.isValid());
    ASSERT_EQ(status.silentSchools().size(), 1);
    EXPECT_EQ(status.silentSchools().at(0).uai, kCfa);

    const QList<QPair<QDate, int>> perDay{{december(3), 2}, {december(7), 1}};
    EXPECT_EQ(status.receiptsPerDay, perDay);
}

TEST(AcademieStatus, CandidatesAreListedBySpecialtyThenInFrenchAlphabeticalOrder)
{
    SnapshotBuilder builder;
    const struct
    {
        const char *specialty;
        const char *lastName;
        const char *firstNames;
    } roster[] = {
        {"CUISINE", "ZOLA", "Émile"},      {"CUISINE", "ÉMERY", "Lucie"},
        {"CUISINE", "de la Tour", "Anne"}, {"CUISINE", "DUPONT", "Zoé"},
        {"CUISINE", "DUPONT", "Élise"},    {"BOULANGER", "YVON", "Marc"},
        {"CUISINE", "EMERY", "Paul"},      {"BOULANGER", "ARNAUD", "Léa"},
        {"CUISINE", "DUPONTEL", "Anne"},
    };
    int n = 0;
    for (const auto &row : roster) {
        RosterRow &added = builder.addCandidate(number(++n), QString::fromUtf8(row.lastName));
        added.firstNames = QString::fromUtf8(row.firstNames);
        added.specialtyLabel = QString::fromUtf8(row.specialty);
        added.specialtyCode = added.specialtyLabel == QLatin1String("CUISINE")
                                  ? QStringLiteral("31224")
                                  : QStringLiteral("50022"); // code order is not label order
    }
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));
    QStringList order;
    for (const CandidateStatus &candidate : status.candidateStatus)
        order.append(candidate.candidate.lastName + QLatin1Char(' ') +
                     candidate.candidate.firstNames);
    const QStringList expected{
        QStringLiteral("ARNAUD Léa"),      QStringLiteral("YVON Marc"),
        QStringLiteral("de la Tour Anne"), QStringLiteral("DUPONT Élise"),
        QStringLiteral("DUPONT Zoé"),      QStringLiteral("DUPONTEL Anne"),
        QStringLiteral("ÉMERY Lucie"),     QStringLiteral("EMERY Paul"),
        QStringLiteral("ZOLA Émile"),
    };
    EXPECT_EQ(order, expected);
}
