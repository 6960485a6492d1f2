// Symbolic links planted in the output folder under a report's name, through the real binary:
// `pointage report` and `pointage separators` replace the link itself (and say so), never write
// through it — an existing target keeps its bytes, a dangling one is not created.
#include "PointageRuns.h"
#include "QtPrinters.h"
#include "RosterGenerator.h"
#include "pointage/ReportFileName.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::robustness;

namespace {

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

class OutputLinks : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(QDir(m_dir.path()).mkpath(QStringLiteral("reports")));
        ASSERT_TRUE(QDir(m_dir.path()).mkpath(QStringLiteral("elsewhere")));
        testkit::RosterGeneratorOptions options;
        options.rowCount = 12;
        m_uai = options.uai;
        m_school = options.establishmentName;
        const QString csv = m_dir.filePath(QStringLiteral("export.csv"));
        ASSERT_TRUE(writeFile(csv, testkit::generateRoster(options).bytes));
        const CommandRun imported = run({QStringLiteral("import"), csv});
        ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    }

    CommandRun run(const QStringList &arguments)
    {
        return runPointage(m_dir.path(), m_dir.filePath(QStringLiteral("ledger.sqlite")),
                           arguments);
    }
    QString reports(const QString &name) const
    {
        return m_dir.filePath(QStringLiteral("reports/") + name);
    }
    QString elsewhere(const QString &name) const
    {
        return m_dir.filePath(QStringLiteral("elsewhere/") + name);
    }

    QTemporaryDir m_dir;
    QString m_uai;
    QString m_school;
};

} // namespace

TEST_F(OutputLinks, ReportReplacesPlantedLinksAndLeavesTheirTargetsAlone)
{
    ASSERT_TRUE(writeFile(elsewhere(QStringLiteral("index.html")), "not a dashboard"));
    ASSERT_TRUE(QFile::link(elsewhere(QStringLiteral("index.html")),
                            reports(QStringLiteral("tableau-de-bord.html"))));
    const QString csvName = schoolFileStem(m_uai, m_school) + QStringLiteral(".csv");
    ASSERT_TRUE(QFile::link(elsewhere(QStringLiteral("dropped.csv")), reports(csvName)));

    const CommandRun report =
        run({QStringLiteral("report"), QStringLiteral("--out"), reports(QString()),
             QStringLiteral("--as-of"), QStringLiteral("2026-12-23")});
    EXPECT_TRUE(report.exitCode == 0 || report.exitCode == 3) << report.err.toStdString();

    EXPECT_EQ(contentOf(elsewhere(QStringLiteral("index.html"))), QByteArray("not a dashboard"));
    EXPECT_FALSE(QFileInfo::exists(elsewhere(QStringLiteral("dropped.csv"))));
    for (const QString &name : {QStringLiteral("tableau-de-bord.html"), csvName}) {
        const QFileInfo written(reports(name));
        EXPECT_FALSE(written.isSymLink()) << name.toStdString();
        EXPECT_GT(written.size(), 0) << name.toStdString();
        EXPECT_TRUE(
            QString::fromUtf8(report.err).contains(name + QStringLiteral(" : un lien symbolique")))
            << report.err.toStdString();
    }
}

TEST_F(OutputLinks, SeparatorSheetsReplaceALinkNamedLikeTheirFile)
{
    ASSERT_TRUE(writeFile(elsewhere(QStringLiteral("contract.pdf")), "%PDF-1.4 precious"));
    ASSERT_TRUE(QFile::link(elsewhere(QStringLiteral("contract.pdf")),
                            reports(QStringLiteral("intercalaires.pdf"))));

    const CommandRun sheets = run({QStringLiteral("separators"), QStringLiteral("--out"),
                                   reports(QStringLiteral("intercalaires.pdf"))});
    EXPECT_EQ(sheets.exitCode, 0) << sheets.err.toStdString();
    EXPECT_EQ(contentOf(elsewhere(QStringLiteral("contract.pdf"))),
              QByteArray("%PDF-1.4 precious"));
    const QFileInfo written(reports(QStringLiteral("intercalaires.pdf")));
    EXPECT_FALSE(written.isSymLink());
    EXPECT_TRUE(contentOf(written.filePath()).startsWith("%PDF"));
    EXPECT_TRUE(QString::fromUtf8(sheets.err).contains(QStringLiteral("lien symbolique")));
}
