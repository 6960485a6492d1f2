// Runs the real `pointage` binary from inside a session folder, as a clerk would: no option
// and no environment variable pointing at the configuration or the ledger, quiet as in CI.
// Thread-safety: one call per thread.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace pointage::e2e {

struct FolderRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline FolderRun pointageIn(const QString &folder, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("POINTAGE_CONFIG"));
    env.remove(QStringLiteral("POINTAGE_DB"));
    env.insert(QStringLiteral("CI"), QStringLiteral("true"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(folder);
    process.start(QStringLiteral(POINTAGE_BINARY), arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace pointage::e2e
