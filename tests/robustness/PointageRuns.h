// Drives the real `pointage` binary for the crash and concurrency tests: runs a command to its
// end, or starts it and kills it (SIGKILL) after a given time; writes the generated inputs
// (two Cyclades exports, a folder of scanner PDFs); and dumps a ledger's facts canonically —
// candidates, establishments, files, pages, codes, decisions — without ids or timestamps, so two
// ledgers reached by different histories compare equal when they hold the same facts.
// Thread-safety: main thread (QProcess, text drawing).
#pragma once

#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>

namespace pointage::robustness {

struct CommandRun
{
    int exitCode = -1;
    bool killed = false; // stopped by SIGKILL before it ended
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

// One `pointage` process with POINTAGE_DB and POINTAGE_CONFIG set, run in `workDir`.
class PointageProcess
{
public:
    PointageProcess(const QString &workDir, const QString &ledger);
    void start(const QStringList &arguments);
    bool running() const;
    CommandRun finish(int timeoutMs = 300000);
    // Waits up to `afterMs`; kills the process with SIGKILL if it is still running then.
    CommandRun killAfter(int afterMs);

private:
    CommandRun collect(bool killed);
    std::unique_ptr<QProcess> m_process;
    qint64 m_startedAt = 0;
};

CommandRun runPointage(const QString &workDir, const QString &ledger, const QStringList &arguments);

struct Inputs
{
    QStringList exports;        // two establishments' exports, distinct candidates
    QString scans;              // folder of scanner PDFs
    QMap<QString, int> pagesOf; // PDF file name -> page count
};

// Writes the inputs under `dir`; `rowsPerExport` rows per export, `files` PDFs of `pages` pages.
Inputs writeInputs(const QString &dir, int rowsPerExport, int files, int pages);

// The ledger's facts, one sorted line each; an empty list with `error` set if it cannot be read.
QStringList canonicalDump(const QString &ledgerPath, QString *error = nullptr);
// SQLite's integrity check through the ledger: "" when fine, else what is wrong.
QString integrityProblem(const QString &ledgerPath);

} // namespace pointage::robustness
