// The web desk's scan reading: one ingest at a time, run by the core's ScanIngest on its own
// thread with its own ledger connection (the server's ledger thread stays free for the
// screens), reporting its progress — pages done, rate, time left — for the page to poll.
// Thread-safety: start(), progress() and the destructor may be called from any thread.
#pragma once

#include "pointage/ScanIngest.h"
#include "pointage/SessionConfig.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QThread>
#include <functional>
#include <memory>
#include <mutex>

namespace pointage::web {

struct IngestJobProgress
{
    enum class State { Idle, Running, Finished };
    State state = State::Idle;
    QString startedBy;
    QDateTime startedAt;
    QString file; // the file being read (name only)
    int pagesDone = 0;
    int pagesTotal = 0;
    double pagesPerSecond = 0;
    int secondsLeft = -1; // -1 while unknown
    QStringList lines;    // when finished: what was read, in French
    bool failed = false;  // when finished: something was not recorded
};

class IngestJob
{
public:
    // `workerProgram` runs the decode workers (`pointage __decode-worker`).
    IngestJob(QString ledgerPath, QString workerProgram);
    ~IngestJob();

    // False, starting nothing, while another ingest runs. `afterRun` is called on the job's
    // thread once the files are recorded, before the progress says finished (the desk rebuilds
    // its view there, so a finished job's batches are already on the screens).
    // `config` gives the return window the received dates are checked against.
    bool start(IngestOptions options, const QString &user, const SessionConfig &config,
               std::function<void()> afterRun);
    IngestJobProgress progress() const;

private:
    void run(IngestOptions options, const SessionConfig &config, std::function<void()> afterRun);

    QString m_ledgerPath;
    QString m_workerProgram;
    mutable std::mutex m_mutex;
    IngestJobProgress m_progress;
    ScanIngest *m_ingest = nullptr; // while running, to stop it on shutdown
    std::unique_ptr<QThread> m_thread;
};

} // namespace pointage::web
