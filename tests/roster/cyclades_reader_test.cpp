// Format points of the Cyclades "Listes simples" reader, checked against the generator's intent.
#include "RosterFixtures.h"
#include "pointage/CycladesReader.h"

#include <QTemporaryDir>

namespace pointage {
namespace {

using namespace Qt::StringLiterals;
using testkit::GeneratedRoster;
using testkit::generateRoster;
using testkit::RosterGeneratorOptions;
using testkit::RosterScope;
using testkit::TextEncoding;

RosterExport parsed(const QByteArray &bytes)
{
    Result<RosterExport> result = readCycladesExport(bytes, u"liste.csv"_s);
    EXPECT_TRUE(result.ok()) << result.error().located().toStdString();
    return result.ok() ? result.value() : RosterExport{};
}

RosterExport parsed(const GeneratedRoster &roster)
{
    return parsed(roster.bytes);
}

TEST(CycladesReader, ReadsEveryRowTheGeneratorWrote)
{
    RosterGeneratorOptions options;
    options.rowCount = 500;
    const GeneratedRoster roster = generateRoster(options);
    const RosterExport result = parsed(roster);
    EXPECT_EQ(result.rowsRead, 500);
    EXPECT_TRUE(result.diagnostics.isEmpty());
    testkit::expectSameRows(result.rows, roster.rows);
}

struct EncodingCase
{
    const char *name;
    TextEncoding encoding;
    bool crlf;
    const char *expected;
};
void PrintTo(const EncodingCase &c, std::ostream *out)
{
    *out << c.name;
}

class CycladesReaderEncoding : public testing::TestWithParam<EncodingCase>
{
};

TEST_P(CycladesReaderEncoding, ReadsTheSameRows)
{
    RosterGeneratorOptions options;
    options.rowCount = 200;
    options.encoding = GetParam().encoding;
    options.crlf = GetParam().crlf;
    options.quoting = true;
    const GeneratedRoster roster = generateRoster(options);
    const RosterExport result = parsed(roster);
    EXPECT_EQ(result.encoding, QString::fromLatin1(GetParam().expected));
    EXPECT_EQ(result.establishmentName, options.establishmentName);
    testkit::expectSameRows(result.rows, roster.rows);
}

INSTANTIATE_TEST_SUITE_P(
    EncodingsAndLineEnds, CycladesReaderEncoding,
    testing::Values(
        EncodingCase{"Utf8Crlf", TextEncoding::Utf8, true, "UTF-8"},
        EncodingCase{"Utf8Lf", TextEncoding::Utf8, false, "UTF-8"},
        EncodingCase{"Utf8BomCrlf", TextEncoding::Utf8WithBom, true, "UTF-8"},
        EncodingCase{"Utf8BomLf", TextEncoding::Utf8WithBom, false, "UTF-8"},
        EncodingCase{"Windows1252Crlf", TextEncoding::Windows1252, true, "Windows-1252"},
        EncodingCase{"Windows1252Lf", TextEncoding::Windows1252, false, "Windows-1252"}),
    [](const testing::TestParamInfo<EncodingCase> &info) { return std::string(info.param.name); });

TEST(CycladesReader, AcceptsWindows1252Export)
{
    RosterGeneratorOptions options;
    options.encoding = TextEncoding::Windows1252;
    const GeneratedRoster roster = generateRoster(options);
    ASSERT_TRUE(roster.bytes.contains("\x8C")); // Œ of SACRÉ-CŒUR, a byte Latin-1 lacks
    const RosterExport result = parsed(roster);
    EXPECT_EQ(result.encoding, u"Windows-1252"_s);
    EXPECT_EQ(result.establishmentName, u"LYCEE PROFESSIONNEL DU SACRÉ-CŒUR"_s);
    testkit::expectSameRows(result.rows, roster.rows);
}

TEST(CycladesReader, RestoresLeadingZeroOfTenDigitNumber)
{
    RosterGeneratorOptions options;
    options.tenDigitEvery = 3;
    const GeneratedRoster roster = generateRoster(options);
    ASSERT_FALSE(
        roster.bytes.contains(QByteArray(roster.rows.at(0).candidateNumber.toUtf8() + ';')));
    const RosterExport result = parsed(roster);
    ASSERT_EQ(result.rows.size(), roster.rows.size());
    for (const RosterRow &row : result.rows)
        EXPECT_EQ(row.candidateNumber.size(), 11);
    testkit::expectSameRows(result.rows, roster.rows);
}

TEST(CycladesReader, KeepsApostropheInName)
{
    RosterGeneratorOptions options;
    options.rowCount = 300;
    options.quoting = true;
    const GeneratedRoster roster = generateRoster(options);
    const RosterExport result = parsed(roster);
    ASSERT_EQ(result.rows.size(), roster.rows.size());
    int withApostrophe = 0;
    for (qsizetype i = 0; i < result.rows.size(); ++i) {
        const QString &expected = roster.rows.at(i).lastName;
        if (!expected.contains(u'\''))
            continue;
        ++withApostrophe;
        EXPECT_EQ(result.rows.at(i).lastName, expected);
    }
    EXPECT_GT(withApostrophe, 10);
}

TEST(CycladesReader, ReadsQuotedValuesAndLineBreaks)
{
    RosterGeneratorOptions options;
    options.rowCount = 60;
    options.quoting = true;
    options.extraColumns = {u"Observations"_s};
    const GeneratedRoster roster = generateRoster(options);
    ASSERT_TRUE(roster.bytes.contains("'TEPC'"));
    ASSERT_TRUE(roster.bytes.contains("\"DUPONT; fils\""));
    const RosterExport result = parsed(roster);
    testkit::expectSameRows(result.rows, roster.rows);
    // A value on two lines shifts every following line number.
    EXPECT_GT(result.rows.last().sourceLine, roster.headerLine + options.rowCount);
}

TEST(CycladesReader, KeepsUnknownColumnsForTheRules)
{
    RosterGeneratorOptions options;
    options.extraColumns = {u"Aménagements"_s, u"Dispense EG"_s};
    const GeneratedRoster roster = generateRoster(options);
    const RosterExport result = parsed(roster);
    ASSERT_FALSE(result.rows.isEmpty());
    const QStringList keys = result.rows.first().extra.keys();
    for (const QString &name :
         {u"Aménagements"_s, u"Dispense EG"_s, u"N° Océan"_s, u"Enseignements"_s})
        EXPECT_TRUE(keys.contains(name)) << name.toStdString();
    testkit::expectSameRows(result.rows, roster.rows);
}

class CycladesReaderOmitted : public testing::TestWithParam<QString>
{
};

TEST_P(CycladesReaderOmitted, ToleratesMissingOptionalColumn)
{
    RosterGeneratorOptions options;
    options.omittedColumns = {GetParam()};
    const GeneratedRoster roster = generateRoster(options);
    const RosterExport result = parsed(roster);
    EXPECT_TRUE(result.diagnostics.isEmpty());
    testkit::expectSameRows(result.rows, roster.rows);
}

INSTANTIATE_TEST_SUITE_P(OptionalColumns, CycladesReaderOmitted,
                         testing::Values(u"Division de classe"_s, u"N° Inscription"_s,
                                         u"N° Océan"_s, u"Nom d'usage"_s, u"Date de Naissance"_s,
                                         u"INE"_s, u"Catégorie Candidat"_s, u"Code Spécialité"_s,
                                         u"Spécialité"_s, u"Etat"_s, u"Enseignements"_s),
                         [](const testing::TestParamInfo<QString> &info) {
                             return std::to_string(info.index);
                         });

class CycladesReaderHeaderSpelling : public testing::TestWithParam<QString>
{
};

TEST_P(CycladesReaderHeaderSpelling, FindsTheCandidateNumberColumn)
{
    const GeneratedRoster roster = generateRoster({});
    QString text = QString::fromUtf8(roster.bytes);
    text.replace(u"N° Candidat"_s, GetParam());
    const RosterExport result = parsed(text.toUtf8());
    testkit::expectSameRows(result.rows, roster.rows);
}

INSTANTIATE_TEST_SUITE_P(Spellings, CycladesReaderHeaderSpelling,
                         testing::Values(u"N° Candidat"_s, u"No Candidat"_s, u"Nº candidat"_s,
                                         u"N°Candidat"_s, u"n° CANDIDAT"_s, u"Numéro candidat"_s,
                                         u" N° Candidat "_s, u"N° de candidat"_s),
                         [](const testing::TestParamInfo<QString> &info) {
                             return std::to_string(info.index);
                         });

TEST(CycladesReader, MatchesOtherHeadersWithoutAccents)
{
    const GeneratedRoster roster = generateRoster({});
    QString text = QString::fromUtf8(roster.bytes);
    text.replace(u"Prénom(s)"_s, u"PRENOMS"_s)
        .replace(u"Catégorie Candidat"_s, u"Categorie candidat"_s)
        .replace(u"Code Spécialité"_s, u"CODE SPECIALITE"_s)
        .replace(u"Date de Naissance"_s, u"date de naissance"_s);
    const RosterExport result = parsed(text.toUtf8());
    testkit::expectSameRows(result.rows, roster.rows);
}

TEST(CycladesReader, ReadsThePreamble)
{
    RosterGeneratorOptions options;
    options.criteria = u"Spécialité = 50022 - CAP Cuisine"_s;
    const RosterExport result = parsed(generateRoster(options));
    EXPECT_EQ(result.fileName, u"liste.csv"_s);
    EXPECT_EQ(result.session, options.session);
    EXPECT_EQ(result.diplomaFamily, options.diplomaFamily);
    EXPECT_EQ(result.establishmentName, options.establishmentName);
    EXPECT_EQ(result.uai, options.uai);
    EXPECT_EQ(result.editedAt, options.editedAt);
    EXPECT_EQ(result.criteria, options.criteria);
    EXPECT_EQ(result.scopeKey(), options.uai + u"|" + options.criteria);
}

TEST(CycladesReader, ReadsAShorterPreambleWithoutDiplomaFamily)
{
    RosterGeneratorOptions options;
    options.diplomaFamily.clear();
    options.session = u"2027"_s;
    const GeneratedRoster roster = generateRoster(options);
    const RosterExport result = parsed(roster);
    EXPECT_EQ(result.session, u"2027"_s);
    EXPECT_TRUE(result.diplomaFamily.isEmpty());
    EXPECT_EQ(result.uai, options.uai);
    EXPECT_TRUE(result.criteria.isEmpty());
    testkit::expectSameRows(result.rows, roster.rows);
}

TEST(CycladesReader, GivesTheSameCriteriaForTheSameFilter)
{
    const QStringList spellings = {u"Spécialité = 50022; Etat = Inscrit"_s,
                                   u"Spécialité = 50022 ;  Etat = Inscrit ;"_s,
                                   u"  Spécialité  =  50022;Etat = Inscrit"_s};
    for (const QString &spelling : spellings) {
        RosterGeneratorOptions options;
        options.criteria = spelling;
        const RosterExport result = parsed(generateRoster(options));
        EXPECT_EQ(result.criteria, spellings.first()) << spelling.toStdString();
    }
    for (const QString &none : {u"Aucun"_s, u" - "_s, u"aucun critère"_s}) {
        RosterGeneratorOptions options;
        options.criteria = none;
        EXPECT_EQ(parsed(generateRoster(options)).criteria, QString()) << none.toStdString();
    }
}

class CycladesReaderAcademy : public testing::TestWithParam<QString>
{
};

TEST_P(CycladesReaderAcademy, TakesEachRowsUaiFromItsColumn)
{
    RosterGeneratorOptions options;
    options.scope = RosterScope::AcademyUaiColumn;
    options.uaiColumnHeader = GetParam();
    options.establishmentCount = 7;
    const GeneratedRoster roster = generateRoster(options);
    const RosterExport result = parsed(roster);
    EXPECT_TRUE(result.uai.isEmpty());
    EXPECT_TRUE(result.establishmentName.isEmpty());
    EXPECT_TRUE(result.diagnostics.isEmpty());
    testkit::expectSameRows(result.rows, roster.rows);
}

INSTANTIATE_TEST_SUITE_P(UaiColumns, CycladesReaderAcademy,
                         testing::Values(u"UAI"_s, u"Code UAI"_s, u"UAI établissement"_s),
                         [](const testing::TestParamInfo<QString> &info) {
                             return std::to_string(info.index);
                         });

TEST(CycladesReader, SplitsEstablishmentColumnIntoNameAndUai)
{
    RosterGeneratorOptions options;
    options.scope = RosterScope::AcademyEstablishmentColumn;
    options.establishmentCount = 12;
    options.rowCount = 40;
    const GeneratedRoster roster = generateRoster(options);
    const RosterExport result = parsed(roster);
    EXPECT_TRUE(result.diagnostics.isEmpty());
    testkit::expectSameRows(result.rows, roster.rows);
}

TEST(CycladesReader, ReadsAFileFromDisk)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const GeneratedRoster roster = generateRoster({});
    const QString path = dir.filePath(u"export_0130001.csv"_s);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(roster.bytes);
    file.close();
    const Result<RosterExport> result = readCycladesFile(path);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->fileName, u"export_0130001.csv"_s);
    testkit::expectSameRows(result->rows, roster.rows);
}

} // namespace
} // namespace pointage
