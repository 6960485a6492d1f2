// From an empty folder to a session: `pointage init`, then every command run from inside the
// folder finds its configuration and its ledger, with no option and no environment variable.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun pointage(const QStringList &arguments, const QString &workingDirectory)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("POINTAGE_CONFIG"));
    env.remove(QStringLiteral("POINTAGE_DB"));
    env.insert(QStringLiteral("CI"), QStringLiteral("true"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(POINTAGE_BINARY), arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

TEST(SessionFolderEndToEnd, InitThenImportFromInsideTheFolder)
{
    QTemporaryDir dir;
    const CliRun init =
        pointage({QStringLiteral("init"), QStringLiteral("cap-2027"), QStringLiteral("--session"),
                  QStringLiteral("2027"), QStringLiteral("--closes"), QStringLiteral("20/12/2026")},
                 dir.path());
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    const QString session = QDir(dir.path()).filePath(QStringLiteral("cap-2027"));

    const CliRun config = pointage({QStringLiteral("config")}, session);
    ASSERT_EQ(config.exitCode, 0) << config.err.toStdString();
    EXPECT_TRUE(config.out.contains(QStringLiteral("dossier courant")));
    EXPECT_TRUE(config.out.contains(QStringLiteral("du 01/12/2026 au 20/12/2026")));
    EXPECT_TRUE(config.out.contains(QStringLiteral("signataire : (à renseigner)")));

    QDir source(QStringLiteral(POINTAGE_SOURCE_DIR "/samples/cyclades"));
    const QString exportFile = source.filePath(QStringLiteral("01-lp-les-alpilles.csv"));
    const CliRun imported = pointage({QStringLiteral("import"), exportFile}, session);
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(QFileInfo::exists(QDir(session).filePath(QStringLiteral("pointage.sqlite"))));

    // A second init over the same folder changes nothing.
    EXPECT_EQ(pointage({QStringLiteral("init"), QStringLiteral("cap-2027")}, dir.path()).exitCode,
              1);
}

TEST(SessionFolderEndToEnd, VersionNamesTheLibraries)
{
    const CliRun version = pointage({QStringLiteral("--version")}, QDir::tempPath());
    EXPECT_EQ(version.exitCode, 0);
    for (const char *library : {"pointage ", "Qt 6.", "Poppler ", "zxing-cpp 1.4"})
        EXPECT_TRUE(version.out.contains(QString::fromLatin1(library))) << library;
}
