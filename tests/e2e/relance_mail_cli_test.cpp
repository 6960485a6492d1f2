// The relance day from the command line: `pointage report --eml` in a session folder, then
// `pointage send --dry-run`, and `pointage send` refusing to go without a server configured.
#include "SessionFolderRun.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using pointage::e2e::pointageIn;

TEST(RelanceMailCli, ReportEmlThenDryRunListsEverySchool)
{
    QTemporaryDir dir;
    ASSERT_EQ(pointageIn(dir.path(), {QStringLiteral("init"), QStringLiteral("cap")}).exitCode, 0);
    const QString session = dir.filePath(QStringLiteral("cap"));
    QFile config(QDir(session).filePath(QStringLiteral("config/pointage.json")));
    ASSERT_TRUE(config.open(QIODevice::ReadOnly));
    QByteArray json = config.readAll();
    config.close();
    json.replace("\"from\": \"\"", "\"from\": \"ce.diec@ac-aix-marseille.fr\"");
    ASSERT_TRUE(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(json);
    config.close();

    const QDir samples(QStringLiteral(POINTAGE_SOURCE_DIR "/samples/cyclades"));
    QStringList import{QStringLiteral("import")};
    for (const QString &name : samples.entryList({QStringLiteral("*.csv")}, QDir::Files))
        import.append(samples.filePath(name));
    ASSERT_EQ(pointageIn(session, import).exitCode, 0);

    const pointage::e2e::FolderRun report =
        pointageIn(session, {QStringLiteral("report"), QStringLiteral("--eml"),
                             QStringLiteral("--as-of"), QStringLiteral("2026-12-23")});
    ASSERT_TRUE(report.exitCode == 0 || report.exitCode == 3) << report.err.toStdString();
    const QStringList emls = QDir(QDir(session).filePath(QStringLiteral("reports")))
                                 .entryList({QStringLiteral("*.eml")}, QDir::Files);
    ASSERT_FALSE(emls.isEmpty()) << report.out.toStdString();
    EXPECT_TRUE(report.out.contains(QStringLiteral("%1 courriel(s)").arg(emls.size())))
        << report.out.toStdString();

    const pointage::e2e::FolderRun dry =
        pointageIn(session, {QStringLiteral("send"), QStringLiteral("--dry-run")});
    EXPECT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_EQ(dry.out.count(QStringLiteral("serait envoyé")), emls.size()) << dry.out.toStdString();
    EXPECT_TRUE(dry.out.contains(QStringLiteral("@ac-aix-marseille.fr")));

    const pointage::e2e::FolderRun send = pointageIn(session, {QStringLiteral("send")});
    EXPECT_EQ(send.exitCode, 1);
    EXPECT_TRUE(send.err.contains(QStringLiteral("serveur d'envoi n'est pas réglé")))
        << send.err.toStdString();
}
