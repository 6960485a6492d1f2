// The small parsers behind the Cyclades reader: header keys, cell values, criteria, UAIs.
#include "RosterFixtures.h"
#include "roster/CycladesColumns.h"
#include "roster/CycladesPreamble.h"
#include "roster/CycladesValues.h"

namespace pointage {
namespace {

using namespace Qt::StringLiterals;

TEST(CycladesColumns, NormalisesHeaderSpellings)
{
    const struct
    {
        QString written;
        QString key;
    } cases[] = {
        {u"N° Candidat"_s, u"n candidat"_s},
        {u"Nº Candidat"_s, u"n candidat"_s},
        {u"No candidat"_s, u"n candidat"_s},
        {u"NUMÉRO CANDIDAT"_s, u"n candidat"_s},
        {u"Prénom(s)"_s, u"prenom s"_s},
        {u"Nom d'usage"_s, u"nom d usage"_s},
        {u"Catégorie Candidat"_s, u"categorie candidat"_s},
        {u"  Date de Naissance "_s, u"date de naissance"_s},
        {u"N° Océan"_s, u"n ocean"_s},
        {u"Nombre"_s, u"nombre"_s},
    };
    for (const auto &c : cases)
        EXPECT_EQ(headerKey(c.written), c.key) << c.written.toStdString();
}

TEST(CycladesColumns, MapsRepeatedUnknownAndEmptyHeaders)
{
    const CycladesColumns columns =
        mapCycladesColumns({u"Division de classe"_s, u"N° Candidat"_s, u"Division de classe"_s,
                            u"Aménagements"_s, u""_s});
    using C = CycladesColumn;
    EXPECT_EQ(columns.kinds,
              QList<C>({C::Division, C::CandidateNumber, C::Division, C::Extra, C::Ignored}));
    EXPECT_EQ(columns.names.at(3), u"Aménagements"_s);
    EXPECT_EQ(columns.missingRequired().size(), 2);
}

TEST(CycladesValues, ReadsDashAsEmpty)
{
    EXPECT_EQ(cellValue(u" -"_s), QString());
    EXPECT_EQ(cellValue(u"  -  "_s), QString());
    EXPECT_EQ(cellValue(u"-X"_s), u"-X"_s);
    EXPECT_EQ(cellValue(u"  DUPONT-MOREAU "_s), u"DUPONT-MOREAU"_s);
}

TEST(CycladesValues, SplitsInscriptionNumberAndVersion)
{
    const struct
    {
        QString written;
        bool ok;
        QString number;
        int version;
    } cases[] = {
        {u"482 Version 3"_s, true, u"482"_s, 3}, {u"482 version 12"_s, true, u"482"_s, 12},
        {u"482Version1"_s, true, u"482"_s, 1},   {u"482"_s, true, u"482"_s, 0},
        {u"Version 3"_s, false, {}, 0},          {u"482 V3"_s, false, {}, 0},
        {u"482 Version"_s, false, {}, 0},        {u"482 Version 3b"_s, false, {}, 0},
    };
    for (const auto &c : cases) {
        const std::optional<Inscription> inscription = parseInscription(c.written);
        ASSERT_EQ(inscription.has_value(), c.ok) << c.written.toStdString();
        if (c.ok) {
            EXPECT_EQ(inscription->number, c.number);
            EXPECT_EQ(inscription->version, c.version);
        }
    }
}

TEST(CycladesValues, SplitsLabelAndCode)
{
    const struct
    {
        QString written;
        QString label;
        QString code;
    } cases[] = {
        {u"SCOLAIRE CAP EN 2 ANS (122)"_s, u"SCOLAIRE CAP EN 2 ANS"_s, u"122"_s},
        {u"LYCEE X  (0131234A)"_s, u"LYCEE X"_s, u"0131234A"_s},
        {u"APPRENTI"_s, u"APPRENTI"_s, {}},
        {u"A (B) C"_s, u"A (B) C"_s, {}},
    };
    for (const auto &c : cases) {
        const LabelAndCode split = splitLabelAndCode(c.written);
        EXPECT_EQ(split.label, c.label);
        EXPECT_EQ(split.code, c.code);
    }
}

TEST(CycladesValues, ParsesFrenchDates)
{
    EXPECT_EQ(parseFrenchDate(u"05/03/2009"), QDate(2009, 3, 5));
    EXPECT_EQ(parseFrenchDate(u"5/3/2009"), QDate(2009, 3, 5));
    EXPECT_EQ(parseFrenchDate(u"29/02/2008"), QDate(2008, 2, 29));
    for (const QString &bad : {u"29/02/2009"_s, u"2009-03-05"_s, u"05/03/09"_s,
                               u"05/03/2009 10:00"_s, u"05-03-2009"_s, u""_s})
        EXPECT_FALSE(parseFrenchDate(bad).isValid()) << bad.toStdString();
}

TEST(CycladesPreamble, NormalisesCriteria)
{
    EXPECT_EQ(normaliseCriteria(u" Etat = Inscrit ;; Spécialité\u00a0=  50022 ;"_s),
              u"Etat = Inscrit; Spécialité = 50022"_s);
    for (const QString &none : {u""_s, u"-"_s, u"Aucun"_s, u"AUCUNE"_s, u"Néant"_s})
        EXPECT_EQ(normaliseCriteria(none), QString()) << none.toStdString();
}

TEST(CycladesPreamble, JoinsCriteriaSpreadOverSeveralLines)
{
    const auto lines = readCsv(u"2027;;\nListes simples;;\nCritères de recherche :;;\n"
                               u"Spécialité = 50022;;\nEtat = Inscrit;;\n"
                               u"Critères de tri : Nom;;\nIgnoré;;\n"_s);
    ASSERT_TRUE(lines.ok());
    Diagnostics diagnostics;
    const CycladesPreamble preamble =
        parseCycladesPreamble(lines.value(), u"liste.csv"_s, diagnostics);
    EXPECT_EQ(preamble.criteria, u"Spécialité = 50022; Etat = Inscrit"_s);
    EXPECT_EQ(preamble.session, u"2027"_s);
    EXPECT_TRUE(preamble.diplomaFamily.isEmpty());
    EXPECT_TRUE(diagnostics.isEmpty());
}

TEST(RosterGenerator, MakesUaisWithValidChecksums)
{
    for (const QString &digits : {u"0130001"_s, u"0442286"_s, u"0840099"_s, u"0050001"_s}) {
        const QString uai = testkit::uaiWithChecksum(digits);
        EXPECT_TRUE(isValidUai(uai)) << uai.toStdString();
        EXPECT_TRUE(uai.startsWith(digits));
    }
    EXPECT_EQ(testkit::uaiWithChecksum(u"0442286"_s), u"0442286W"_s); // the design's example
}

} // namespace
} // namespace pointage
