// Report files are written through a fresh owner-only temporary file renamed into place: a
// symbolic link planted in the output folder under a report's name is replaced, never
// followed, and nothing half-written is ever left under the report's name.
#include "QtPrinters.h"
#include "report/OwnerOnlyFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;

namespace {

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

class OwnerOnlyFileTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("out")));
        ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("elsewhere")));
    }
    QString out(const QString &name) const { return m_dir.filePath(QStringLiteral("out/") + name); }
    QString elsewhere(const QString &name) const
    {
        return m_dir.filePath(QStringLiteral("elsewhere/") + name);
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(OwnerOnlyFileTest, WritesTheBytesReadableByTheOwnerOnly)
{
    const auto written = writeOwnerOnlyFile(out(QStringLiteral("a.csv")), "un;deux\n");
    ASSERT_TRUE(written.ok());
    EXPECT_TRUE(written->isEmpty());
    EXPECT_EQ(contentOf(out(QStringLiteral("a.csv"))), QByteArray("un;deux\n"));
    EXPECT_EQ(QFileInfo(out(QStringLiteral("a.csv"))).permissions() &
                  0x7077, // owner, group, others (not "user")
              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

TEST_F(OwnerOnlyFileTest, LinkUnderTheReportNameIsReplacedAndItsTargetLeftAlone)
{
    const QString target = elsewhere(QStringLiteral("precious.txt"));
    {
        QFile f(target);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("do not touch");
    }
    ASSERT_TRUE(QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ReadOther));
    const QString link = out(QStringLiteral("tableau-de-bord.html"));
    ASSERT_TRUE(QFile::link(target, link));

    const auto written = writeOwnerOnlyFile(link, "<html>rapport</html>");
    ASSERT_TRUE(written.ok());

    EXPECT_EQ(contentOf(target), QByteArray("do not touch"));
    EXPECT_TRUE(QFileInfo(target).permissions() & QFileDevice::ReadOther);
    EXPECT_FALSE(QFileInfo(link).isSymLink());
    EXPECT_EQ(contentOf(link), QByteArray("<html>rapport</html>"));
    ASSERT_EQ(written->size(), 1);
    EXPECT_EQ(written->first().severity, Diagnostic::Severity::Warning);
    EXPECT_EQ(written->first().file, QStringLiteral("tableau-de-bord.html"));
    EXPECT_TRUE(written->first().message.contains(QStringLiteral("lien symbolique")));
}

TEST_F(OwnerOnlyFileTest, DanglingLinkCreatesNoFileOutsideTheFolder)
{
    const QString target = elsewhere(QStringLiteral("planted.pdf"));
    const QString link = out(QStringLiteral("0130001A-LYCEE.pdf"));
    ASSERT_TRUE(QFile::link(target, link));

    const auto written = writeOwnerOnlyFile(link, "%PDF-1.4");
    ASSERT_TRUE(written.ok());

    EXPECT_FALSE(QFileInfo::exists(target));
    EXPECT_TRUE(QDir(elsewhere(QString())).isEmpty());
    EXPECT_FALSE(QFileInfo(link).isSymLink());
    EXPECT_EQ(contentOf(link), QByteArray("%PDF-1.4"));
}

TEST_F(OwnerOnlyFileTest, ReplacingAnExistingReportLeavesNoTemporaryFileBehind)
{
    ASSERT_TRUE(writeOwnerOnlyFile(out(QStringLiteral("a.pdf")), "first").ok());
    ASSERT_TRUE(writeOwnerOnlyFile(out(QStringLiteral("a.pdf")), "second").ok());
    EXPECT_EQ(contentOf(out(QStringLiteral("a.pdf"))), QByteArray("second"));
    EXPECT_EQ(
        QDir(out(QString())).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList{QStringLiteral("a.pdf")});
}

TEST_F(OwnerOnlyFileTest, FolderUnderTheReportNameIsAnErrorNamingTheFile)
{
    ASSERT_TRUE(QDir(out(QString())).mkdir(QStringLiteral("b.csv")));
    const auto written = writeOwnerOnlyFile(out(QStringLiteral("b.csv")), "x");
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().file, QStringLiteral("b.csv"));
    EXPECT_TRUE(QFileInfo(out(QStringLiteral("b.csv"))).isDir());
    EXPECT_EQ(
        QDir(out(QString())).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList{QStringLiteral("b.csv")});
}

TEST_F(OwnerOnlyFileTest, MissingFolderIsAnError)
{
    const auto written = writeOwnerOnlyFile(out(QStringLiteral("absent/c.csv")), "x");
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().code, ErrorCode::FileUnreadable);
}
