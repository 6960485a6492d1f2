#include "ReportFixtures.h"
#include "pointage/SchoolLetter.h"

#include <gtest/gtest.h>
#include <poppler-qt6.h>

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
    // After the deadline the letter gives a new date (the letter's day + relanceDelayDays).
    const QString past = letterPages(twoSchoolsSharingAName(QDate(2027, 12, 28)), 1).join(u' ');
    EXPECT_TRUE(past.simplified().contains(QStringLiteral("au plus tard le 5 janvier 2028")));
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

TEST(SchoolLetter, CarriesTheBlocMarqueAndStatesTheDeadlineFirst)
{
    ReportSettings withContact = settings();
    withContact.caseOfficer = QStringLiteral("Mme LEROY");
    withContact.phone = QStringLiteral("04 42 91 70 00");
    withContact.email = QStringLiteral("diec-cap@ac-aix-marseille.fr");
    withContact.reference = QStringLiteral("DIEC/CAP/2027-114");
    const AcademieStatus status = twoSchoolsSharingAName();
    const QString text =
        pdfPageTexts(schoolLetterPdf(schoolReminders(status).at(0), status.window, withContact))
            .join(u'\n')
            .simplified();
    for (const QString &expected :
         {QStringLiteral("Affaire suivie par : Mme LEROY"), QStringLiteral("Tél. : 04 42 91 70 00"),
          QStringLiteral("Mél : diec-cap@ac-aix-marseille.fr"),
          QStringLiteral("N/Réf. : DIEC/CAP/2027-114"), QStringLiteral("Objet : CAP, session 2027"),
          QStringLiteral("Date limite de retour : 22 décembre 2027")})
        EXPECT_TRUE(text.contains(expected)) << expected.toStdString();
    EXPECT_LT(text.indexOf(QStringLiteral("Date limite de retour")),
              text.indexOf(QStringLiteral("N° candidat")));
    EXPECT_FALSE(text.contains(QStringLiteral("aucune")));
}

// Whatever the length of the lists, the closing formula and the signature share their page
// with the letter's last paragraph.
TEST(SchoolLetter, ClosingFormulaNeverStandsAloneOnAPage)
{
    for (int count = 1; count <= 60; count += 3) {
        SCOPED_TRACE(count);
        const QStringList pages = letterPages(oneSchoolNothingReceived(count), 0);
        const QString last = pages.last().simplified();
        ASSERT_TRUE(last.contains(QStringLiteral("Je vous prie d'agréer")));
        EXPECT_TRUE(last.contains(QStringLiteral("Pour toute question"))) << last.toStdString();
    }
}

TEST(SchoolLetter, LongSchoolNamesWrapClearOfThePageNumber)
{
    AcademieStatus status = oneSchoolNothingReceived(80);
    status.schools[0].name = QStringLiteral(
        "LYCÉE D'ENSEIGNEMENT GÉNÉRAL ET TECHNOLOGIQUE AGRICOLE ET LYCÉE PROFESSIONNEL "
        "AGRICOLE DES MÉTIERS DE LA NATURE, DU PAYSAGE ET DE L'ENVIRONNEMENT");
    const QByteArray pdf =
        schoolLetterPdf(schoolReminders(status).at(0), status.window, settings());
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
    ASSERT_TRUE(doc);
    ASSERT_GE(doc->numPages(), 2);
    for (int p = 0; p < doc->numPages(); ++p) {
        std::unique_ptr<Poppler::Page> page = doc->page(p);
        QRectF pageNumber;
        for (const std::unique_ptr<Poppler::TextBox> &box : page->textList()) {
            if (box->text() == QStringLiteral("Page"))
                pageNumber = box->boundingBox();
        }
        ASSERT_FALSE(pageNumber.isNull());
        // Every word of the footer's school name (words with letters; "n / N" are digits) stays
        // clear of the "Page n / N" line.
        const QRectF pageNumberLine = pageNumber.adjusted(-2, 0, 60, 0);
        for (const std::unique_ptr<Poppler::TextBox> &box : page->textList()) {
            const QString word = box->text();
            const bool hasLetter =
                std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetter(); });
            if (hasLetter && word != QStringLiteral("Page"))
                EXPECT_FALSE(box->boundingBox().intersects(pageNumberLine))
                    << "page " << p + 1 << ": " << word.toStdString();
        }
    }
}
