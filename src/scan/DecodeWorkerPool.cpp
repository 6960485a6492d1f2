#include "scan/DecodeWorkerPool.h"

#include "core/FileDescriptorWrite.h"
#include "pointage/DecodeWorker.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace pointage {

namespace {

qint64 nowMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

} // namespace

DecodeWorkerPool::DecodeWorkerPool(QString program, QStringList arguments, int size, int timeoutMs)
    : m_program(std::move(program)), m_arguments(std::move(arguments)), m_timeoutMs(timeoutMs),
      m_workers(size_t(qMax(1, size)))
{
    // A worker dying mid-write must not kill the ingest with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
}

DecodeWorkerPool::~DecodeWorkerPool()
{
    stopAll();
}

Result<Ok> DecodeWorkerPool::start()
{
    for (Worker &w : m_workers) {
        if (!spawn(w)) {
            stopAll();
            return makeError(ErrorCode::Decode,
                             QStringLiteral("impossible de lancer le programme de lecture des "
                                            "pages (%1). Réinstallez Pointage.")
                                 .arg(m_program));
        }
    }
    return Ok{};
}

void DecodeWorkerPool::setEnvironmentDefault(const QByteArray &name, const QByteArray &value)
{
    if (!qEnvironmentVariableIsSet(name.constData()))
        m_environmentDefaults.append(name + '=' + value);
}

bool DecodeWorkerPool::spawn(Worker &w)
{
    int toChild[2];
    int fromChild[2];
    if (::pipe2(toChild, O_CLOEXEC) != 0)
        return false;
    if (::pipe2(fromChild, O_CLOEXEC) != 0) {
        ::close(toChild[0]);
        ::close(toChild[1]);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO);

    const QByteArray program = QFile::encodeName(m_program);
    QList<QByteArray> args{program};
    for (const QString &a : std::as_const(m_arguments))
        args.append(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<char *> environment;
    for (char **variable = environ; *variable; ++variable)
        environment.push_back(*variable);
    for (QByteArray &assignment : m_environmentDefaults)
        environment.push_back(assignment.data());
    environment.push_back(nullptr);

    pid_t pid = -1;
    const int rc =
        posix_spawn(&pid, program.constData(), &actions, nullptr, argv.data(), environment.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(toChild[0]);
    ::close(fromChild[1]);
    if (rc != 0) {
        ::close(toChild[1]);
        ::close(fromChild[0]);
        return false;
    }
    ::fcntl(fromChild[0], F_SETFL, ::fcntl(fromChild[0], F_GETFL) | O_NONBLOCK);
    w = Worker{};
    w.pid = pid;
    w.toChild = toChild[1];
    w.fromChild = fromChild[0];
    return true;
}

DecodeWorkerPool::Failure DecodeWorkerPool::kill(Worker &w)
{
    if (w.toChild >= 0)
        ::close(w.toChild);
    if (w.fromChild >= 0)
        ::close(w.fromChild);
    Failure failure = Failure::Crashed;
    if (w.pid > 0) {
        // A worker that already ended keeps its own status: SIGKILL does not overwrite it.
        ::kill(w.pid, SIGKILL);
        int status = 0;
        rusage usage{};
        if (::wait4(w.pid, &status, 0, &usage) == w.pid) {
            // Poppler's allocator aborts instead of throwing: a worker that died near its cap
            // ran out of memory too.
            const qint64 peak = qint64(usage.ru_maxrss) * 1024;
            if ((WIFEXITED(status) && WEXITSTATUS(status) == decode::kOutOfMemoryExit) ||
                peak >= decodeWorkerMemoryLimit() / 4 * 3)
                failure = Failure::OutOfMemory;
        }
    }
    w = Worker{};
    return failure;
}

DecodeWorkerPool::Completion DecodeWorkerPool::failed(int index, Failure failure)
{
    QString text;
    switch (failure) {
    case Failure::OutOfMemory:
        text = QStringLiteral("la lecture de cette page demandait plus de %1 Mo de mémoire et a "
                              "été abandonnée (PDF endommagé ou piégé ?)")
                   .arg(decodeWorkerMemoryLimit() >> 20);
        break;
    case Failure::TimedOut:
        text = QStringLiteral("la lecture de cette page a dépassé %1 s et a été abandonnée (PDF "
                              "endommagé ou piégé ?)")
                   .arg(QString::number(m_timeoutMs / 1000.0, 'f', m_timeoutMs % 1000 ? 1 : 0)
                            .replace(QLatin1Char('.'), QLatin1Char(',')));
        break;
    case Failure::Crashed:
    case Failure::None:
        text = QStringLiteral("le programme de lecture s'est arrêté brutalement sur cette page");
        break;
    }
    return {index, m_workers[size_t(index)].ticket, std::nullopt, failure, text};
}

void DecodeWorkerPool::stopAll()
{
    for (Worker &w : m_workers) {
        if (w.pid > 0 && !w.busy && w.toChild >= 0) {
            // An idle worker leaves on end of input; no need to kill it.
            ::close(w.toChild);
            w.toChild = -1;
            ::waitpid(w.pid, nullptr, 0);
            w.pid = -1;
        }
        kill(w);
    }
}

int DecodeWorkerPool::idleWorker() const
{
    for (size_t i = 0; i < m_workers.size(); ++i) {
        if (m_workers[i].pid > 0 && !m_workers[i].busy)
            return int(i);
    }
    return -1;
}

int DecodeWorkerPool::liveWorkers() const
{
    int live = 0;
    for (const Worker &w : m_workers)
        live += w.pid > 0 ? 1 : 0;
    return live;
}

bool DecodeWorkerPool::busy() const
{
    for (const Worker &w : m_workers) {
        if (w.busy)
            return true;
    }
    return false;
}

void DecodeWorkerPool::submit(int index, const decode::Request &request, quint64 ticket)
{
    submitLine(index, decode::encodeRequest(request), ticket);
}

void DecodeWorkerPool::submitLine(int index, const QByteArray &line, quint64 ticket)
{
    Worker &w = m_workers[size_t(index)];
    w.busy = true;
    w.ticket = ticket;
    w.deadline = nowMs() + m_timeoutMs;
    // A failed write means the worker is gone; wait() reports it through end of file.
    writeAllTo(w.toChild, line);
}

std::vector<DecodeWorkerPool::Completion> DecodeWorkerPool::wait(int maxWaitMs)
{
    std::vector<Completion> done;
    std::vector<pollfd> fds;
    std::vector<int> owners;
    qint64 nearestDeadline = nowMs() + maxWaitMs;
    for (size_t i = 0; i < m_workers.size(); ++i) {
        const Worker &w = m_workers[i];
        if (!w.busy)
            continue;
        fds.push_back({w.fromChild, POLLIN, 0});
        owners.push_back(int(i));
        nearestDeadline = qMin(nearestDeadline, w.deadline);
    }
    if (fds.empty())
        return done;
    const int timeout = int(qMax<qint64>(0, nearestDeadline - nowMs()));
    const int ready = ::poll(fds.data(), nfds_t(fds.size()), timeout);
    if (ready < 0 && errno != EINTR)
        return done;

    // Kills and replaces a worker (on failure to respawn the slot stays empty; liveWorkers()
    // tells the caller); how the old one ended.
    auto restart = [this](Worker &w) {
        const Failure ended = kill(w);
        spawn(w);
        return ended;
    };

    for (size_t k = 0; k < fds.size(); ++k) {
        const int index = owners[k];
        Worker &w = m_workers[size_t(index)];
        bool ended = false;
        if (fds[k].revents != 0) {
            char chunk[4096];
            for (;;) {
                const ssize_t n = ::read(w.fromChild, chunk, sizeof chunk);
                if (n > 0) {
                    w.pending.append(chunk, n);
                    continue;
                }
                if (n < 0 && errno == EINTR)
                    continue;
                ended = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
                break;
            }
        }
        if (const qsizetype eol = w.pending.indexOf('\n'); eol >= 0) {
            done.push_back({index, w.ticket, w.pending.left(eol), Failure::None, {}});
            w.pending.remove(0, eol + 1);
            w.busy = false;
            if (ended)
                restart(w); // answered, then left: a fresh worker for the next page
        } else if (ended) {
            const quint64 ticket = w.ticket;
            Completion completion = failed(index, restart(w));
            completion.ticket = ticket;
            done.push_back(completion);
        } else if (nowMs() >= w.deadline) {
            done.push_back(failed(index, Failure::TimedOut));
            restart(w);
        }
    }
    return done;
}

} // namespace pointage
