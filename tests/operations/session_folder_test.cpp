// `pointage init`: a session folder whose configuration loads with the dates asked for, and
// which never overwrites an existing session; and where commands look for their configuration.
#include "pointage/RequirementRules.h"
#include "pointage/SessionConfig.h"
#include "pointage/SessionFolder.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;

TEST(SessionFolder, CreatesALoadableConfigurationWithTheSessionsDates)
{
    QTemporaryDir dir;
    SessionFolderOptions options;
    options.sessionYear = 2028;
    options.closes = QDate(2027, 12, 20);
    const auto folder = createSessionFolder(dir.filePath(QStringLiteral("cap-2028")), options);
    ASSERT_TRUE(folder.ok()) << folder.error().located().toStdString();
    for (const char *expected : {"config/pointage.json", "config/rules.json", "exports", "scans",
                                 "reports", "LISEZMOI.txt"})
        EXPECT_TRUE(
            QFileInfo::exists(QDir(folder->directory).filePath(QString::fromLatin1(expected))))
            << expected;
    const auto config = SessionConfig::load(folder->configFile);
    ASSERT_TRUE(config.ok()) << config.error().located().toStdString();
    EXPECT_EQ(config->session, QStringLiteral("Session 2028"));
    EXPECT_EQ(config->window.opens(), QDate(2027, 12, 1));
    EXPECT_EQ(config->window.closes(), QDate(2027, 12, 20));
    EXPECT_TRUE(RequirementRules::load(config->rulesFile).ok());
    EXPECT_FALSE(QFileInfo(folder->configFile).permissions() & QFileDevice::ReadOther);
}

TEST(SessionFolder, NeverOverwritesAnExistingSession)
{
    QTemporaryDir dir;
    ASSERT_TRUE(createSessionFolder(dir.path(), {}).ok());
    QFile config(QDir(dir.path()).filePath(QStringLiteral("config/pointage.json")));
    ASSERT_TRUE(config.open(QIODevice::ReadOnly));
    const QByteArray before = config.readAll();
    config.close();
    const auto again = createSessionFolder(dir.path(), {});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    ASSERT_TRUE(config.open(QIODevice::ReadOnly));
    EXPECT_EQ(config.readAll(), before);
}

TEST(SessionFolder, RefusesAClosingDateBeforeTheOpening)
{
    QTemporaryDir dir;
    SessionFolderOptions options;
    options.opens = QDate(2026, 12, 10);
    options.closes = QDate(2026, 12, 1);
    EXPECT_FALSE(createSessionFolder(dir.path(), options).ok());
    EXPECT_TRUE(QDir(dir.path()).isEmpty());
}

TEST(ConfigLookup, FindsTheSessionFolderConfigurationFromInsideIt)
{
    QTemporaryDir dir;
    ASSERT_TRUE(createSessionFolder(dir.path(), {}).ok());
    const QString previous = QDir::currentPath();
    const QByteArray env = qgetenv("POINTAGE_CONFIG");
    qunsetenv("POINTAGE_CONFIG");
    QDir::setCurrent(dir.path());
    const auto found = locateSessionConfig({});
    QDir::setCurrent(previous);
    if (!env.isEmpty())
        qputenv("POINTAGE_CONFIG", env);
    ASSERT_TRUE(found.ok()) << found.error().message.toStdString();
    EXPECT_EQ(QFileInfo(found->path).canonicalFilePath(),
              QFileInfo(QDir(dir.path()).filePath(QStringLiteral("config/pointage.json")))
                  .canonicalFilePath());
    EXPECT_EQ(found->origin, QStringLiteral("dossier courant"));
}

TEST(ConfigLookup, AnExplicitFileWinsAndNothingFoundListsWhereItLooked)
{
    const auto given = locateSessionConfig(QStringLiteral("/srv/cap/pointage.json"));
    ASSERT_TRUE(given.ok());
    EXPECT_EQ(given->path, QStringLiteral("/srv/cap/pointage.json"));

    QTemporaryDir empty;
    const QString previous = QDir::currentPath();
    const QByteArray env = qgetenv("POINTAGE_CONFIG");
    const QByteArray xdg = qgetenv("XDG_CONFIG_HOME");
    qunsetenv("POINTAGE_CONFIG");
    qputenv("XDG_CONFIG_HOME", empty.path().toLocal8Bit());
    QDir::setCurrent(empty.path());
    const auto missing = locateSessionConfig({});
    QDir::setCurrent(previous);
    qputenv("POINTAGE_CONFIG", env);
    qputenv("XDG_CONFIG_HOME", xdg);
    if (QFileInfo::exists(QStringLiteral("/etc/pointage/pointage.json")))
        GTEST_SKIP() << "a system-wide configuration is installed on this machine";
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::FileNotFound);
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("pointage init")));
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("/etc/pointage/pointage.json")));
}
