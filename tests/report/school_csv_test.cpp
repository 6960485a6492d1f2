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

QByteArray csvOfSchool(const AcademieStatus &status, int index)
{
    return schoolCsv(schoolReminders(status).at(index));
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
    EXPECT_EQ(rows.at(1).at(number), QStringLiteral("02700000001"));
    EXPECT_EQ(rows.at(2).at(piece), QStringLiteral("ID"));
    EXPECT_EQ(rows.at(3).at(number), QStringLiteral("02700000002"));
    EXPECT_EQ(rows.at(3).at(piece), QStringLiteral("DIPLOME"));
    EXPECT_EQ(rows.at(4).at(number), QStringLiteral("02700000004"));
    EXPECT_EQ(rows.at(5).at(number), QStringLiteral("02700000005"));
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
        EXPECT_NE(row.at(number), QStringLiteral("02700000004")) << "school A's MARTIN Jean";
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
