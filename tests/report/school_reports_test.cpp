#include "ReportFixtures.h"
#include "pointage/SchoolReports.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testkit;

TEST(SchoolReports, WritesOnePdfAndOneCsvPerSchool)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto written = writeSchoolReports(twoSchoolsSharingAName(), ReportSettings(),
                                            dir.filePath(QStringLiteral("relances")));
    ASSERT_TRUE(written.ok()) << written.error().located().toStdString();
    QStringList names;
    for (const QString &path : written->files)
        names.append(QFileInfo(path).fileName());
    EXPECT_EQ(names, (QStringList{schoolA + QStringLiteral("_LYCEE_PROFESSIONNEL_LE_CHATELIER.pdf"),
                                  schoolA + QStringLiteral("_LYCEE_PROFESSIONNEL_LE_CHATELIER.csv"),
                                  schoolB + QStringLiteral("_CFA_DES_METIERS_DE_LA_TABLE.pdf"),
                                  schoolB + QStringLiteral("_CFA_DES_METIERS_DE_LA_TABLE.csv")}));
    EXPECT_TRUE(written->diagnostics.isEmpty());
    for (const QString &path : written->files) {
        EXPECT_TRUE(QFileInfo(path).isAbsolute());
        EXPECT_GT(QFileInfo(path).size(), 0) << path.toStdString();
    }
}

TEST(SchoolReports, CreatesFilesReadableByTheOwnerOnly)
{
    QTemporaryDir dir;
    const auto written = writeSchoolReports(twoSchoolsSharingAName(), ReportSettings(), dir.path());
    ASSERT_TRUE(written.ok());
    ASSERT_FALSE(written->files.isEmpty());
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther;
    for (const QString &path : written->files) {
        const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
        EXPECT_TRUE(permissions & QFileDevice::ReadOwner) << path.toStdString();
        EXPECT_FALSE(permissions & others) << path.toStdString();
    }
}

TEST(SchoolReports, SkipsCompleteSchoolsWhenNoAcknowledgementIsWanted)
{
    AcademieStatusBuilder builder(decemberWindow(QDate(2027, 12, 10)));
    builder.addSchool(schoolA, QStringLiteral("GRETA Provence"));
    CandidateStatus c =
        candidateAt(schoolA, QStringLiteral("GRETA Provence"), QStringLiteral("02700000001"),
                    QStringLiteral("FABRE"), QStringLiteral("Zoé"));
    receive(c, QDate(2027, 12, 2));
    builder.addCandidate(c);
    ReportSettings settings;
    settings.acknowledgeComplete = false;
    QTemporaryDir dir;
    const auto none = writeSchoolReports(builder.build(), settings, dir.path());
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->files.isEmpty());
    settings.acknowledgeComplete = true;
    const auto acknowledged = writeSchoolReports(builder.build(), settings, dir.path());
    ASSERT_TRUE(acknowledged.ok());
    EXPECT_EQ(acknowledged->files.size(), 2);
}

TEST(SchoolReports, FailsInFrenchWhenTheDirectoryCannotBeCreated)
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("fichier")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const auto written = writeSchoolReports(twoSchoolsSharingAName(), ReportSettings(),
                                            blocker.fileName() + QStringLiteral("/sous-dossier"));
    ASSERT_FALSE(written.ok());
    EXPECT_TRUE(written.error().message.contains(QStringLiteral("dossier de sortie")));
}

// A clerk re-prints one school's letter after a full run: the other school's files must stay
// as they were (they used to be rewritten as "0 candidat" letters).
TEST(SchoolReports, ScopedRunWritesOnlyThatSchoolAndLeavesTheOthersUntouched)
{
    QTemporaryDir dir;
    const auto all = writeSchoolReports(twoSchoolsSharingAName(), ReportSettings(), dir.path());
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->files.size(), 4);
    QHash<QString, QByteArray> before;
    for (const QString &path : all->files) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        before.insert(path, file.readAll());
    }
    const auto scoped =
        writeSchoolReports(twoSchoolsSharingAName(), ReportSettings(), dir.path(), schoolB);
    ASSERT_TRUE(scoped.ok()) << scoped.error().located().toStdString();
    ASSERT_EQ(scoped->files.size(), 2);
    for (const QString &path : scoped->files)
        EXPECT_TRUE(QFileInfo(path).fileName().startsWith(schoolB)) << path.toStdString();
    for (const QString &path : all->files) {
        if (QFileInfo(path).fileName().startsWith(schoolB))
            continue;
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_EQ(file.readAll(), before.value(path)) << path.toStdString();
    }
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 4);
}

TEST(SchoolReports, ScopedRunOnAnUnknownSchoolFailsAndWritesNothing)
{
    QTemporaryDir dir;
    const auto scoped = writeSchoolReports(twoSchoolsSharingAName(), ReportSettings(), dir.path(),
                                           QStringLiteral("0139999X"));
    ASSERT_FALSE(scoped.ok());
    EXPECT_EQ(scoped.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

TEST(SchoolReports, LinkPlantedUnderALetterNameIsReplacedNotFollowed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("out")));
    const QString target = dir.filePath(QStringLiteral("outside.csv"));
    {
        QFile f(target);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("outside");
    }
    const QString csvName = schoolA + QStringLiteral("_LYCEE_PROFESSIONNEL_LE_CHATELIER.csv");
    const QString link = dir.filePath(QStringLiteral("out/") + csvName);
    ASSERT_TRUE(QFile::link(target, link));

    const auto written = writeSchoolReports(twoSchoolsSharingAName(), ReportSettings(),
                                            dir.filePath(QStringLiteral("out")));
    ASSERT_TRUE(written.ok());
    QFile outside(target);
    ASSERT_TRUE(outside.open(QIODevice::ReadOnly));
    EXPECT_EQ(outside.readAll(), QByteArray("outside"));
    EXPECT_FALSE(QFileInfo(link).isSymLink());
    EXPECT_GT(QFileInfo(link).size(), 0);
    ASSERT_EQ(written->diagnostics.size(), 1);
    EXPECT_EQ(written->diagnostics.first().severity, Diagnostic::Severity::Warning);
    EXPECT_EQ(written->diagnostics.first().file, csvName);
}
