// The académie-wide list of missing items: the same rows as the schools' CSVs, every school, and
// a real workbook (filters, frozen header, codes as text) that a spreadsheet opens.
#include "ReportFixtures.h"
#include "pointage/AcademieExport.h"
#include "pointage/SchoolCsv.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testkit;

namespace {

// One member of the .xlsx (a zip), read with Python's zipfile: an independent reader.
QString zipMember(const QString &archive, const QString &member)
{
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import sys, zipfile; "
                                 "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])"
                                 ".decode('utf-8'))"),
                  archive, member});
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        return {};
    return QString::fromUtf8(python.readAllStandardOutput());
}

} // namespace

TEST(AcademieExport, ListsEverySchoolsMissingItemsUnderTheSchoolCsvHeader)
{
    const AcademieStatus status = twoSchoolsSharingAName();
    const QString csv = QString::fromUtf8(academieMissingCsv(status));
    const QList<SchoolReminder> reminders = schoolReminders(status);
    qsizetype expectedRows = 0;
    for (const SchoolReminder &reminder : reminders)
        expectedRows += missingItemRows(reminder, status.window.asOf).size();
    EXPECT_EQ(csv.count(QStringLiteral("\r\n")), 1 + expectedRows);
    EXPECT_TRUE(csv.contains(schoolCsvHeader().join(u';')));
    // Schools in UAI order: every row of A before any row of B.
    EXPECT_LT(csv.lastIndexOf(schoolA), csv.indexOf(u'\n' + schoolB));
}

TEST(AcademieExport, WritesAWorkbookWithFiltersFrozenHeaderAndTextCodes)
{
    QTemporaryDir dir;
    const auto files = writeAcademieExport(twoSchoolsSharingAName(), dir.path());
    ASSERT_TRUE(files.ok()) << files.error().located().toStdString();
    ASSERT_EQ(files->files.size(), 2);
    const QString xlsx = files->files.at(1);
    EXPECT_TRUE(xlsx.endsWith(QStringLiteral(".xlsx")));
    EXPECT_FALSE(QFileInfo(xlsx).permissions() & QFileDevice::ReadOther);
    const QString sheet = zipMember(xlsx, QStringLiteral("xl/worksheets/sheet1.xml"));
    ASSERT_FALSE(sheet.isEmpty()) << "not a readable .xlsx";
    EXPECT_TRUE(sheet.contains(QStringLiteral("<autoFilter")));
    EXPECT_TRUE(sheet.contains(QStringLiteral("state=\"frozen\"")));
    const QString strings = zipMember(xlsx, QStringLiteral("xl/sharedStrings.xml"));
    EXPECT_TRUE(strings.contains(QStringLiteral(">02700000001<"))); // leading zero kept, as text
    EXPECT_TRUE(strings.contains(QStringLiteral("Pièce justificative non reçue")));
    EXPECT_FALSE(QFileInfo::exists(xlsx + QStringLiteral(".part")));
}
