// From an empty folder to a session: `pointage init`, then every command run from inside the
// folder finds its configuration and its ledger, with no option and no environment variable.
#include "SessionFolderRun.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {

// Arguments first, folder last: reads like the command line it stands for.
pointage::e2e::FolderRun runFromFolder(const QStringList &arguments, const QString &folder)
{
    return pointage::e2e::pointageIn(folder, arguments);
}

} // namespace

TEST(SessionFolderEndToEnd, InitThenImportFromInsideTheFolder)
{
    QTemporaryDir dir;
    const pointage::e2e::FolderRun init = runFromFolder(
        {QStringLiteral("init"), QStringLiteral("cap-2027"), QStringLiteral("--session"),
         QStringLiteral("2027"), QStringLiteral("--closes"), QStringLiteral("20/12/2026")},
        dir.path());
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    const QString session = QDir(dir.path()).filePath(QStringLiteral("cap-2027"));

    const pointage::e2e::FolderRun config = runFromFolder({QStringLiteral("config")}, session);
    ASSERT_EQ(config.exitCode, 0) << config.err.toStdString();
    EXPECT_TRUE(config.out.contains(QStringLiteral("dossier courant")));
    EXPECT_TRUE(config.out.contains(QStringLiteral("du 01/12/2026 au 20/12/2026")));
    EXPECT_TRUE(config.out.contains(QStringLiteral("signataire : (à renseigner)")));
    EXPECT_TRUE(config.out.contains(QStringLiteral("Signatures : signature du candidat")))
        << config.out.toStdString();
    EXPECT_TRUE(config.out.contains(QStringLiteral("cachet accepté")));

    QDir source(QStringLiteral(POINTAGE_SOURCE_DIR "/samples/cyclades"));
    const QString exportFile = source.filePath(QStringLiteral("01-lp-les-alpilles.csv"));
    const pointage::e2e::FolderRun imported =
        runFromFolder({QStringLiteral("import"), exportFile}, session);
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(QFileInfo::exists(QDir(session).filePath(QStringLiteral("pointage.sqlite"))));

    // A second init over the same folder changes nothing.
    EXPECT_EQ(
        runFromFolder({QStringLiteral("init"), QStringLiteral("cap-2027")}, dir.path()).exitCode,
        1);
}

TEST(SessionFolderEndToEnd, VersionNamesTheLibraries)
{
    const pointage::e2e::FolderRun version =
        runFromFolder({QStringLiteral("--version")}, QDir::tempPath());
    EXPECT_EQ(version.exitCode, 0);
    for (const char *library : {"pointage ", "Qt 6.", "Poppler ", "zxing-cpp 1.4"})
        EXPECT_TRUE(version.out.contains(QString::fromLatin1(library))) << library;
}
