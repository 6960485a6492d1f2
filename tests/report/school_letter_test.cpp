#include "ReportFixtures.h"
#include "pointage/SchoolLetter.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testkit;

namespace {

ReportSettings settings()
{
    ReportSettings s;
    s.addressLines = {QStringLiteral("Place Lucien Paye"), QStringLiteral("13621 Aix-en-Provence")};
    s.contact = QStringLiteral("ce.diec@ac-aix-marseille.fr");
    s.signatoryName = QStringLiteral("La cheffe de la DIEC");
    return s;
}

QStringList letterPages(const AcademieStatus &status, int school)
{
    const SchoolReminder reminder = schoolReminders(status).at(school);
    return pdfPageTexts(schoolLetterPdf(reminder, status.window, settings()));
}

} // namespace

TEST(SchoolLetter, AddressesTheSchoolAndListsItsMissingItems)
{
    const QStringList pages = letterPages(twoSchoolsSharingAName(), 0);
    ASSERT_FALSE(pages.isEmpty());
    const QString text = pages.join(u'\n').simplified();
    for (const QString &expected :
         {QStringLiteral("Madame, Monsieur le chef d'établissement"), schoolA,
          QStringLiteral("Lycée professionnel Le Châtelier"), QStringLiteral("10 décembre 2027"),
          QStringLiteral("session 2027"), QStringLiteral("02700000001"), QStringLiteral("BERNARD"),
          QStringLiteral("Pièce d'identité"), QStringLiteral("Copie du diplôme"),
          QStringLiteral("ÉTIENNE"), QStringLiteral("MARTIN"), QStringLiteral("ZOLA"),
          QStringLiteral("22 décembre 2027"), QStringLiteral("Académie d'Aix-Marseille"),
          QStringLiteral("La cheffe de la DIEC"), QStringLiteral("Page 1 / ")}) {
        EXPECT_TRUE(text.contains(expected)) << expected.toStdString();
    }
    EXPECT_FALSE(text.contains(QStringLiteral("FABRE"))) << "complete candidate listed";
    EXPECT_FALSE(text.contains(QStringLiteral("ABANDON"))) << "withdrawn candidate listed";
}

TEST(SchoolLetter, NeverShowsAnotherSchoolsCandidate)
{
    const AcademieStatus status = twoSchoolsSharingAName();
    const QString textB = letterPages(status, 1).join(u'\n');
    EXPECT_TRUE(textB.contains(QStringLiteral("02700000102")));  // school B's MARTIN Jean
    EXPECT_FALSE(textB.contains(QStringLiteral("02700000004"))); // school A's MARTIN Jean
    for (const char *foreign : {"BERNARD", "ÉTIENNE", "ZOLA", "Châtelier"})
        EXPECT_FALSE(textB.contains(QString::fromUtf8(foreign))) << foreign;
    const QString textA = letterPages(status, 0).join(u'\n');
    EXPECT_FALSE(textA.contains(QStringLiteral("02700000102")));
    EXPECT_FALSE(textA.contains(QStringLiteral("DURAND")));
}

TEST(SchoolLetter, AsksForMissingPiecesBeforeTheClosingDate)
{
    const QString open = letterPages(twoSchoolsSharingAName(QDate(2027, 12, 10)), 1).join(u' ');
    EXPECT_TRUE(open.simplified().contains(QStringLiteral("avant le 22 décembre 2027")));
    const QString past = letterPages(twoSchoolsSharingAName(QDate(2027, 12, 28)), 1).join(u' ');
    EXPECT_TRUE(past.simplified().contains(QStringLiteral("dans les meilleurs délais")));
    EXPECT_FALSE(past.simplified().contains(QStringLiteral("avant le 22 décembre 2027")));
}

TEST(SchoolLetter, PaginatesLongListsWithRepeatedHeaders)
{
    const int count = 150;
    const QStringList pages = letterPages(oneSchoolNothingReceived(count), 0);
    ASSERT_GE(pages.size(), 3);
    for (int p = 0; p < pages.size(); ++p) {
        const QString marker = QStringLiteral("Page %1 / %2").arg(p + 1).arg(pages.size());
        EXPECT_TRUE(pages.at(p).contains(marker)) << marker.toStdString();
    }
    EXPECT_TRUE(pages.at(1).contains(QStringLiteral("N° candidat")));
    EXPECT_TRUE(pages.at(1).contains(QStringLiteral("Pièces justificatives à joindre")));
    EXPECT_TRUE(pages.at(1).contains(QStringLiteral("Spécialité 50022")));
    const QString all = pages.join(u'\n');
    for (int i = 0; i < count; ++i) {
        const QString number = QStringLiteral("0270000%1").arg(i, 4, 10, QLatin1Char('0'));
        EXPECT_EQ(all.count(number), 1) << number.toStdString();
    }
}

TEST(SchoolLetter, KeepsTheFilingOrderOfTheStatus)
{
    const AcademieStatus status = oneSchoolNothingReceived(150);
    const QString all = letterPages(status, 0).join(u'\n');
    qsizetype previous = -1;
    for (const CandidateStatus &c : status.candidateStatus) {
        const qsizetype at = all.indexOf(c.candidate.candidateNumber);
        ASSERT_GT(at, previous) << c.candidate.candidateNumber.toStdString();
        previous = at;
    }
}

TEST(SchoolLetter, KeepsFrenchAlphabeticalOrderOfAccentedNames)
{
    AcademieStatusBuilder builder(decemberWindow(QDate(2027, 12, 10)));
    builder.addSchool(schoolA, QStringLiteral("Lycée"));
    // French order, as the reconciliation sorts: É files with E, before F and Z.
    int index = 0;
    for (const char *name : {"DUBOIS", "ÉTIENNE", "EVRARD", "FABRE", "ZOLA"})
        builder.addCandidate(candidateAt(schoolA, QStringLiteral("Lycée"),
                                         QStringLiteral("0270000000%1").arg(++index),
                                         QString::fromUtf8(name), QStringLiteral("Prénom")));
    const AcademieStatus status = builder.build();
    const QString text = letterPages(status, 0).join(u'\n');
    qsizetype previous = -1;
    for (const char *name : {"DUBOIS", "ÉTIENNE", "EVRARD", "FABRE", "ZOLA"}) {
        const qsizetype at = text.indexOf(QString::fromUtf8(name));
        EXPECT_GT(at, previous) << name;
        previous = at;
    }
}

TEST(SchoolLetter, AcknowledgesCompleteSchoolsOnOnePage)
{
    AcademieStatusBuilder builder(decemberWindow(QDate(2027, 12, 10)));
    builder.addSchool(schoolA, QStringLiteral("GRETA Provence"));
    CandidateStatus c =
        candidateAt(schoolA, QStringLiteral("GRETA Provence"), QStringLiteral("02700000001"),
                    QStringLiteral("FABRE"), QStringLiteral("Zoé"));
    receive(c, QDate(2027, 12, 2));
    builder.addCandidate(c);
    const QStringList pages = letterPages(builder.build(), 0);
    ASSERT_EQ(pages.size(), 1);
    const QString text = pages.at(0).simplified();
    EXPECT_TRUE(text.contains(QStringLiteral("accusé de réception")));
    EXPECT_TRUE(text.contains(QStringLiteral("aucun élément manquant")));
    EXPECT_FALSE(text.contains(QStringLiteral("FABRE")));
}
