#include "ReportFixtures.h"
#include "pointage/CsvReader.h"
#include "pointage/SchoolCsv.h"
#include "report/CsvCell.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testkit;

namespace {

QList<QStringList> readBack(const QByteArray &csv)
{
    const QString text = QString::fromUtf8(csv.mid(3));
    auto records = readCsv(text, CsvDialect{QLatin1Char(';'), false});
    QList<QStringList> rows;
    if (!records)
        return rows;
    for (const CsvRecord &record : records.value())
        rows.append(record.fields);
    return rows;
}

// How a spreadsheet-safe digit code reads back from the CSV: the formula ="…" Excel shows as text.
QString textCode(const char *digits)
{
    return QStringLiteral("=\"%1\"").arg(QString::fromLatin1(digits));
}

QByteArray csvOfSchool(const AcademieStatus &status, int index)
{
    return schoolCsv(schoolReminders(status).at(index), status.window.asOf);
}

struct CellCase
{
    const char *value;
    const char *expected;
};

const CellCase cellCases[] = {
    {"MARTIN", "MARTIN"},
    {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
    {"+33 6 12", "'+33 6 12"},
    {"-2+3", "'-2+3"},
    {"@SUM(A1)", "'@SUM(A1)"},
    {"\tTAB", "'\tTAB"},
    {"\rCR", "\"'\rCR\""},
    {"A;B", "\"A;B\""},
    {"dit \"le grand\"", "\"dit \"\"le grand\"\"\""},
    {"D'ALMEIDA", "D'ALMEIDA"},
    {"DUPONT-MOREAU", "DUPONT-MOREAU"},
    {"", ""},
};

} // namespace

TEST(SchoolCsv, StartsWithBomAndEndsRowsWithCrlf)
{
    const QByteArray csv = csvOfSchool(twoSchoolsSharingAName(), 0);
    ASSERT_TRUE(csv.startsWith("\xEF\xBB\xBF"));
    EXPECT_TRUE(csv.endsWith("\r\n"));
    EXPECT_EQ(csv.count("\r\n"), csv.count('\n'));
    EXPECT_TRUE(csv.mid(3).startsWith("UAI;"));
}

TEST(SchoolCsv, WritesOneRowPerMissingItem)
{
    const QList<QStringList> rows = readBack(csvOfSchool(twoSchoolsSharingAName(), 0));
    ASSERT_FALSE(rows.isEmpty());
    EXPECT_EQ(rows.at(0), schoolCsvHeader());
    // BERNARD: confirmation + ID; ÉTIENNE: DIPLOME; MARTIN: late; ZOLA: stale.
    ASSERT_EQ(rows.size(), 1 + 5);
    const int number = int(schoolCsvHeader().indexOf(QStringLiteral("N° candidat")));
    const int piece = int(schoolCsvHeader().indexOf(QStringLiteral("Code pièce")));
    EXPECT_EQ(rows.at(1).at(number), textCode("02700000001"));
    EXPECT_EQ(rows.at(2).at(piece), QStringLiteral("ID"));
    EXPECT_EQ(rows.at(3).at(number), textCode("02700000002"));
    EXPECT_EQ(rows.at(3).at(piece), QStringLiteral("DIPLOME"));
    EXPECT_EQ(rows.at(4).at(number), textCode("02700000004"));
    EXPECT_EQ(rows.at(5).at(number), textCode("02700000005"));
    for (const QStringList &row : rows)
        EXPECT_EQ(row.size(), schoolCsvHeader().size());
}

TEST(SchoolCsv, ListsOnlyItsOwnSchoolsCandidates)
{
    const AcademieStatus status = twoSchoolsSharingAName();
    const int uai = 0;
    const int number = int(schoolCsvHeader().indexOf(QStringLiteral("N° candidat")));
    const QList<QStringList> rowsB = readBack(csvOfSchool(status, 1));
    ASSERT_EQ(rowsB.size(), 1 + 2);
    for (const QStringList &row : rowsB.mid(1)) {
        EXPECT_EQ(row.at(uai), schoolB);
        EXPECT_NE(row.at(number), textCode("02700000004")) << "school A's MARTIN Jean";
    }
}

TEST(SchoolCsv, NeutralisesFormulasInCells)
{
    for (const CellCase &c : cellCases) {
        SCOPED_TRACE(c.value);
        EXPECT_EQ(spreadsheetSafeCell(QString::fromUtf8(c.value)), QString::fromUtf8(c.expected));
    }
}

TEST(SchoolCsv, FormulaInANameReadsBackAsText)
{
    AcademieStatus status = twoSchoolsSharingAName();
    status.schools[1].name = QStringLiteral("=HYPERLINK(\"http://x\";\"clic\")");
    status.candidateStatus[6].candidate.lastName = QStringLiteral("=cmd|' /C calc'!A0");
    status.candidateStatus[6].candidate.firstNames = QStringLiteral("@SUM(1;2)");
    const QList<QStringList> rows = readBack(csvOfSchool(status, 1));
    ASSERT_EQ(rows.size(), 3);
    const QStringList &row = rows.at(1);
    EXPECT_EQ(row.at(1), QStringLiteral("'=HYPERLINK(\"http://x\";\"clic\")"));
    EXPECT_EQ(row.at(5), QStringLiteral("'=cmd|' /C calc'!A0"));
    EXPECT_EQ(row.at(6), QStringLiteral("'@SUM(1;2)"));
}

TEST(SchoolCsv, KeepsLeadingZerosAndStatesReceivedAndAsOfDates)
{
    const AcademieStatus status = twoSchoolsSharingAName();
    const QList<QStringList> rows = readBack(csvOfSchool(status, 0));
    ASSERT_GT(rows.size(), 1);
    const QStringList header = schoolCsvHeader();
    const int specialty = int(header.indexOf(QStringLiteral("Code spécialité")));
    const int received = int(header.indexOf(QStringLiteral("Reçu le")));
    const int asOf = int(header.indexOf(QStringLiteral("État au")));
    ASSERT_GE(received, 0);
    ASSERT_GE(asOf, 0);
    for (const QStringList &row : rows.mid(1)) {
        EXPECT_TRUE(row.at(specialty).startsWith(QStringLiteral("=\"")))
            << row.join(u'|').toStdString();
        EXPECT_EQ(row.at(asOf), status.window.asOf.toString(QStringLiteral("dd/MM/yyyy")));
    }
    // MARTIN came late: the row says when.
    const int number = int(header.indexOf(QStringLiteral("N° candidat")));
    for (const QStringList &row : rows.mid(1)) {
        if (row.at(number) == textCode("02700000004"))
            EXPECT_FALSE(row.at(received).isEmpty());
    }
}

TEST(SchoolCsv, OnlyDigitCodesBecomeTextFormulas)
{
    EXPECT_EQ(spreadsheetTextCode(QStringLiteral("02270001001")),
              QStringLiteral("\"=\"\"02270001001\"\"\""));
    EXPECT_EQ(spreadsheetTextCode(QStringLiteral("=1+1")), QStringLiteral("'=1+1"));
    EXPECT_EQ(spreadsheetTextCode(QString()), QString());
}
