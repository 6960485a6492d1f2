// A file is imported only when it is positively a Cyclades export: the "Listes simples"
// preamble, or an académie extraction's columns. Anything else is refused before any write.
#include "RosterFixtures.h"
#include "pointage/CycladesReader.h"
#include "pointage/SchoolCsv.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace Qt::StringLiterals;

namespace {

QByteArray lines(const QStringList &rows)
{
    return rows.join(u"\r\n"_s).toUtf8() + "\r\n";
}

// What `pointage report` writes for a school: it has "N° candidat", "Nom", "Prénom(s)" and a
// UAI column, so a reader mapping columns by name alone took it for an académie extraction.
QByteArray pointageReportCsv()
{
    return lines({schoolCsvHeader().join(u';'),
                  u"0131234W;LP LES ALPILLES;50022;CUISINE;02270001005;ÉTIENNE;Inès;"
                  "Confirmation d'inscription non reçue;Confirmation d'inscription signée;"_s});
}

} // namespace

TEST(CycladesRecognition, RefusesPointagesOwnReportCsv)
{
    const Result<RosterExport> read = readCycladesExport(pointageReportCsv(), u"relance.csv"_s);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::NotCycladesExport);
    EXPECT_EQ(read.error().file, u"relance.csv"_s);
    EXPECT_TRUE(read.error().message.contains(u"n'est pas un export Cyclades"_s));
}

TEST(CycladesRecognition, RefusesASpreadsheetWithANumberColumnAndNoPreamble)
{
    const QByteArray bytes = lines(
        {u"N° Candidat;Nom de famille;Prénom(s);UAI"_s, u"02270001001;AUBERT;Léa;0131234W"_s});
    const Result<RosterExport> read = readCycladesExport(bytes, u"liste.csv"_s);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::NotCycladesExport);
}

TEST(CycladesRecognition, RefusesAPreambleThatIsNotAListesSimplesOne)
{
    const QByteArray bytes = lines({u"Mon tableau de suivi;;;"_s,
                                    u"N° Candidat;Nom de famille;Prénom(s);Date de Naissance"_s,
                                    u"02270001001;AUBERT;Léa;14/03/2009"_s});
    const Result<RosterExport> read = readCycladesExport(bytes, u"suivi.csv"_s);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::NotCycladesExport);
}

TEST(CycladesRecognition, AcceptsAnAcademieExtractionWithoutPreamble)
{
    const QByteArray bytes = lines(
        {u"UAI;N° Candidat;N° Inscription;Nom de famille;Nom d'usage;Prénom(s);Date de Naissance;"
         "Catégorie Candidat;Code Spécialité;Spécialité;Etat"_s,
         u"0131234W;02270001001;101 Version 1;AUBERT; -;Léa;14/03/2009;"
         "SCOLAIRE CAP EN 2 ANS (122);50022;'CUISINE';Inscrit"_s});
    const Result<RosterExport> read = readCycladesExport(bytes, u"academie.csv"_s);
    ASSERT_TRUE(read.ok()) << read.error().located().toStdString();
    ASSERT_EQ(read->rows.size(), 1);
    EXPECT_EQ(read->rows.at(0).uai, u"0131234W"_s);
}

TEST(CycladesRecognition, AcceptsEveryGeneratedListesSimplesExport)
{
    for (const testkit::RosterScope scope :
         {testkit::RosterScope::Establishment, testkit::RosterScope::AcademyUaiColumn,
          testkit::RosterScope::AcademyEstablishmentColumn}) {
        testkit::RosterGeneratorOptions options;
        options.scope = scope;
        options.rowCount = 5;
        const Result<RosterExport> read =
            readCycladesExport(testkit::generateRoster(options).bytes, u"export.csv"_s);
        EXPECT_TRUE(read.ok()) << int(scope);
    }
}
