// What the Cyclades reader refuses outright, and what it rejects row by row while keeping the rest.
#include "RosterFixtures.h"
#include "pointage/CycladesReader.h"

#include <QStringEncoder>
#include <QTemporaryDir>

namespace pointage {
namespace {

using namespace Qt::StringLiterals;
using testkit::GeneratedRoster;
using testkit::generateRoster;
using testkit::RosterGeneratorOptions;
using testkit::RosterScope;
using testkit::withCell;

GeneratedRoster plainRoster(int rows = 10, RosterScope scope = RosterScope::Establishment)
{
    RosterGeneratorOptions options;
    options.rowCount = rows;
    options.scope = scope;
    return generateRoster(options);
}

QByteArray withoutColumn(const QString &header)
{
    RosterGeneratorOptions options;
    options.omittedColumns = {header};
    return generateRoster(options).bytes;
}

// The generated export cut in the middle of its last row, without a final line break.
QByteArray cutInLastRow()
{
    const QByteArray bytes = plainRoster().bytes;
    const qsizetype lastRowStart = bytes.lastIndexOf('\n', bytes.size() - 2) + 1;
    return bytes.left(lastRowStart + 30);
}

struct RefusedCase
{
    const char *name;
    QByteArray bytes;
    ErrorCode code;
    int line; // expected Error::line, 0 when the whole file is at fault
};
void PrintTo(const RefusedCase &c, std::ostream *out)
{
    *out << c.name;
}

class CycladesReaderRefuses : public testing::TestWithParam<RefusedCase>
{
};

TEST_P(CycladesReaderRefuses, TheWholeFileNamingIt)
{
    const Result<RosterExport> result = readCycladesExport(GetParam().bytes, u"liste.csv"_s);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, GetParam().code);
    EXPECT_EQ(result.error().file, u"liste.csv"_s);
    EXPECT_EQ(result.error().line, GetParam().line);
    EXPECT_FALSE(result.error().message.isEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    BadFiles, CycladesReaderRefuses,
    testing::Values(
        RefusedCase{"EmptyFile", QByteArray(), ErrorCode::EmptyFile, 0},
        RefusedCase{"BlankFile", QByteArray(" \r\n\r\n"), ErrorCode::EmptyFile, 0},
        RefusedCase{"ByteOrderMarkOnly", QByteArray("\xEF\xBB\xBF\r\n"), ErrorCode::EmptyFile, 0},
        RefusedCase{"BinaryFile", QByteArray("%PDF-1.4\n\0\0\x01\x02", 14), ErrorCode::Encoding, 0},
        RefusedCase{"NoHeaderRow", QByteArray("Session 2027;;\r\nListes simples;;\r\na;b;c\r\n"),
                    ErrorCode::Format, 0},
        RefusedCase{"MissingCandidateNumberColumn", withoutColumn(u"N° Candidat"_s),
                    ErrorCode::Format, 0},
        RefusedCase{"MissingLastNameColumn", withoutColumn(u"Nom de famille"_s),
                    ErrorCode::MissingColumn, 9},
        RefusedCase{"MissingFirstNamesColumn", withoutColumn(u"Prénom(s)"_s),
                    ErrorCode::MissingColumn, 9},
        RefusedCase{"UnterminatedQuoteAtEnd",
                    plainRoster().bytes + "5CAP;02999999999;1 Version 1;\"COUPÉ;",
                    ErrorCode::Format, 20},
        RefusedCase{"LastRowCutShort", cutInLastRow(), ErrorCode::Format, 19}),
    [](const testing::TestParamInfo<RefusedCase> &info) { return std::string(info.param.name); });

TEST(CycladesReader, NamesTheMissingRequiredColumns)
{
    const Result<RosterExport> result =
        readCycladesExport(withoutColumn(u"Prénom(s)"_s), u"liste.csv"_s);
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().message.contains(u"« Prénom(s) »"_s));
    EXPECT_FALSE(result.error().message.contains(u"Nom de famille"_s));
}

TEST(CycladesReader, ReportsMissingAndUnreadableFiles)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString missing = dir.filePath(u"absent.csv"_s);
    const Result<RosterExport> notFound = readCycladesFile(missing);
    ASSERT_FALSE(notFound.ok());
    EXPECT_EQ(notFound.error().code, ErrorCode::FileNotFound);
    EXPECT_TRUE(notFound.error().located().contains(u"absent.csv"_s));

    const Result<RosterExport> directory = readCycladesFile(dir.path());
    ASSERT_FALSE(directory.ok());
    EXPECT_EQ(directory.error().code, ErrorCode::FileUnreadable);
}

struct BadRowCase
{
    const char *name;
    RosterScope scope;
    QString header; // the cell to spoil, in generated row 4
    QString value;
    Diagnostic::Severity severity;
    bool rowKept;
};
void PrintTo(const BadRowCase &c, std::ostream *out)
{
    *out << c.name;
}

class CycladesReaderBadRow : public testing::TestWithParam<BadRowCase>
{
};

TEST_P(CycladesReaderBadRow, IsReportedWithoutStoppingTheOthers)
{
    const BadRowCase &bad = GetParam();
    constexpr int spoiled = 4;
    const GeneratedRoster roster = plainRoster(10, bad.scope);
    const Result<RosterExport> result =
        readCycladesExport(withCell(roster, spoiled, bad.header, bad.value), u"liste.csv"_s);
    ASSERT_TRUE(result.ok()) << result.error().located().toStdString();

    EXPECT_EQ(result->rowsRead, 10);
    ASSERT_EQ(result->diagnostics.size(), 1);
    const Diagnostic &diagnostic = result->diagnostics.first();
    EXPECT_EQ(diagnostic.severity, bad.severity);
    EXPECT_EQ(diagnostic.file, u"liste.csv"_s);
    EXPECT_EQ(diagnostic.line, roster.rows.at(spoiled).sourceLine);
    const QString lastName = roster.rows.at(spoiled).lastName;
    EXPECT_FALSE(diagnostic.message.contains(lastName)) << "a message names a person";

    QList<RosterRow> expected = roster.rows;
    if (bad.rowKept)
        EXPECT_EQ(result->rows.size(), 10);
    else
        expected.removeAt(spoiled);
    ASSERT_EQ(result->rows.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        if (expected.at(i).sourceLine != roster.rows.at(spoiled).sourceLine)
            testkit::expectSameRow(result->rows.at(i), expected.at(i));
    }
}

constexpr auto error = Diagnostic::Severity::Error;
constexpr auto warning = Diagnostic::Severity::Warning;

INSTANTIATE_TEST_SUITE_P(
    BadRows, CycladesReaderBadRow,
    testing::Values(
        BadRowCase{"ShortCandidateNumber", RosterScope::Establishment, u"N° Candidat"_s,
                   u"123456"_s, error, false},
        BadRowCase{"LettersInCandidateNumber", RosterScope::Establishment, u"N° Candidat"_s,
                   u"0221D547358"_s, error, false},
        BadRowCase{"SpreadsheetScientificNumber", RosterScope::Establishment, u"N° Candidat"_s,
                   u"2,21E+09"_s, error, false},
        BadRowCase{"NoCandidateNumber", RosterScope::Establishment, u"N° Candidat"_s, u" -"_s,
                   error, false},
        BadRowCase{"NoLastName", RosterScope::Establishment, u"Nom de famille"_s, u" -"_s, error,
                   false},
        BadRowCase{"UaiWithWrongChecksum", RosterScope::AcademyUaiColumn, u"UAI"_s, u"0130001A"_s,
                   error, false},
        BadRowCase{"NoUai", RosterScope::AcademyUaiColumn, u"UAI"_s, u" -"_s, error, false},
        BadRowCase{"EstablishmentWithoutUai", RosterScope::AcademyEstablishmentColumn,
                   u"Etablissement"_s, u"GRETA PROVENCE"_s, error, false},
        BadRowCase{"ImpossibleBirthDate", RosterScope::Establishment, u"Date de Naissance"_s,
                   u"31/02/2009"_s, warning, true},
        BadRowCase{"IsoBirthDate", RosterScope::Establishment, u"Date de Naissance"_s,
                   u"2009-02-03"_s, warning, true},
        BadRowCase{"UnreadableInscription", RosterScope::Establishment, u"N° Inscription"_s,
                   u"1004 Vers. 2"_s, warning, true},
        BadRowCase{"LongSpecialtyCode", RosterScope::Establishment, u"Code Spécialité"_s,
                   u"500221"_s, warning, true},
        BadRowCase{"ShortIne", RosterScope::Establishment, u"INE"_s, u"12345"_s, warning, true}),
    [](const testing::TestParamInfo<BadRowCase> &info) { return std::string(info.param.name); });

TEST(CycladesReader, RejectsTheLaterDuplicateNamingTheEarlierLine)
{
    const GeneratedRoster roster = plainRoster();
    const RosterRow &first = roster.rows.at(2);
    const QByteArray bytes =
        withCell(roster, 7, u"N° Candidat"_s, first.candidateNumber.mid(1)); // 10-digit form
    const Result<RosterExport> result = readCycladesExport(bytes, u"liste.csv"_s);
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result->diagnostics.size(), 1);
    const Diagnostic &diagnostic = result->diagnostics.first();
    EXPECT_EQ(diagnostic.line, roster.rows.at(7).sourceLine);
    EXPECT_TRUE(diagnostic.message.contains(u"ligne %1"_s.arg(first.sourceLine)))
        << diagnostic.message.toStdString();
    EXPECT_EQ(result->rows.size(), roster.rows.size() - 1);
    EXPECT_EQ(result->rows.at(2).lastName, first.lastName);
}

TEST(CycladesReader, RestoresLeadingZerosOfSpecialtyCode)
{
    const GeneratedRoster roster = plainRoster();
    const Result<RosterExport> result =
        readCycladesExport(withCell(roster, 3, u"Code Spécialité"_s, u"1224"_s), u"l.csv"_s);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->diagnostics.isEmpty());
    EXPECT_EQ(result->rows.at(3).specialtyCode, u"01224"_s);
}

TEST(CycladesReader, WarnsAboutPreambleUaiWithWrongChecksumButKeepsRows)
{
    RosterGeneratorOptions options;
    options.uai = u"0130001A"_s;
    const GeneratedRoster roster = generateRoster(options);
    const Result<RosterExport> result = readCycladesExport(roster.bytes, u"liste.csv"_s);
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result->diagnostics.size(), 1);
    EXPECT_EQ(result->diagnostics.first().severity, Diagnostic::Severity::Warning);
    EXPECT_EQ(result->uai, options.uai);
    testkit::expectSameRows(result->rows, roster.rows);
}

TEST(CycladesReader, WarnsWhenNoEstablishmentIsNamed)
{
    QString text = QString::fromUtf8(plainRoster().bytes);
    text.replace(u"LYCEE PROFESSIONNEL DU SACRÉ-CŒUR  (0130001"_s, u"ACADÉMIE (à voir"_s);
    const Result<RosterExport> result = readCycladesExport(text.toUtf8(), u"liste.csv"_s);
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result->diagnostics.size(), 1);
    EXPECT_EQ(result->diagnostics.first().severity, Diagnostic::Severity::Warning);
    EXPECT_TRUE(result->uai.isEmpty());
    EXPECT_EQ(result->rows.size(), 10);
}

TEST(CycladesReader, SkipsBlankLinesWithoutCountingThem)
{
    QByteArray bytes = plainRoster().bytes;
    bytes.replace("\r\n", "\r\n;;;;\r\n");
    const Result<RosterExport> result = readCycladesExport(bytes, u"liste.csv"_s);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->rowsRead, 10);
    EXPECT_EQ(result->rows.size(), 10);
    EXPECT_TRUE(result->diagnostics.isEmpty());
}

} // namespace
} // namespace pointage
