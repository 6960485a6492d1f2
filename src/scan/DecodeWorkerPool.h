// Private to the scan layer: a pool of decode worker processes driven from one thread with
// poll(). A worker that dies or overruns its time limit is killed and replaced; the request it
// held comes back as failed, so the caller can record that one page as an exception.
// Thread-safety: one thread (the ingest's).
#pragma once

#include "scan/DecodeProtocol.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <optional>
#include <vector>

namespace pointage {

class DecodeWorkerPool
{
public:
    // Why a request got no answer.
    enum class Failure {
        None,
        Crashed,     // the worker died (a decoder crashed or aborted)
        OutOfMemory, // the worker hit its memory cap (decodeWorkerMemoryLimit())
        TimedOut,    // the page took longer than the time limit
    };

    struct Completion
    {
        int worker = -1;
        quint64 ticket = 0;
        std::optional<QByteArray> line; // absent: see `failure`
        Failure failure = Failure::None;
        QString failureText; // French, when `line` is absent
    };

    DecodeWorkerPool(QString program, QStringList arguments, int size, int timeoutMs);
    ~DecodeWorkerPool();
    DecodeWorkerPool(const DecodeWorkerPool &) = delete;
    DecodeWorkerPool &operator=(const DecodeWorkerPool &) = delete;

    // `name` set to `value` in the workers' environment unless this process has it set (a
    // person's own setting wins). Before start().
    void setEnvironmentDefault(const QByteArray &name, const QByteArray &value);
    // Starts the workers; an error when none can be started (program missing…).
    Result<Ok> start();
    int size() const { return int(m_workers.size()); }

    // An idle worker's index, or -1.
    int idleWorker() const;
    bool busy() const;
    int liveWorkers() const;
    // Sends a request to an idle worker; `ticket` identifies it in the completion.
    void submit(int worker, const decode::Request &request, quint64 ticket);
    // The same for workers that speak another line protocol (the page-image worker).
    void submitLine(int worker, const QByteArray &line, quint64 ticket);
    // Waits for at least one completion (or returns at once if none is pending).
    std::vector<Completion> wait(int maxWaitMs);
    void stopAll();

private:
    struct Worker
    {
        int pid = -1;
        int toChild = -1;
        int fromChild = -1;
        QByteArray pending; // bytes read, not yet a full line
        bool busy = false;
        quint64 ticket = 0;
        qint64 deadline = 0;
    };

    bool spawn(Worker &worker);
    // Kills the worker if still alive and reaps it; how it ended.
    Failure kill(Worker &worker);
    Completion failed(int index, Failure failure);

    QString m_program;
    QStringList m_arguments;
    QList<QByteArray> m_environmentDefaults; // "NAME=value"
    int m_timeoutMs;
    std::vector<Worker> m_workers;
};

} // namespace pointage
