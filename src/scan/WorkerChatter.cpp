#include "scan/WorkerChatter.h"

#include <fcntl.h>
#include <unistd.h>

namespace pointage {

namespace {

void handleQtMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    WorkerChatter::instance().note(message);
}

} // namespace

WorkerChatter &WorkerChatter::instance()
{
    static WorkerChatter chatter;
    return chatter;
}

void WorkerChatter::install()
{
    qInstallMessageHandler(&handleQtMessage);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_UNDEFINED__)
    if (m_stderrPipe >= 0)
        return;
    // Non-blocking at both ends: the pipe is drained between pages, never by a thread, and a
    // library that says more than the pipe holds (64 KiB) loses its words instead of blocking
    // the worker on its own stderr.
    int fds[2];
    if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0)
        return;
    if (::dup2(fds[1], STDERR_FILENO) < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return;
    }
    ::close(fds[1]);
    m_stderrPipe = fds[0];
#endif
}

void WorkerChatter::note(const QString &message)
{
    QMutexLocker lock(&m_mutex);
    keep(message);
}

// A hostile page can make a library repeat itself thousands of times: keep the first few.
void WorkerChatter::keep(const QString &message)
{
    const QString text = message.trimmed().left(200);
    if (!text.isEmpty() && m_messages.size() < 4 && !m_messages.contains(text))
        m_messages.append(text);
}

void WorkerChatter::drainStderr()
{
    if (m_stderrPipe < 0)
        return;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(m_stderrPipe, buffer, sizeof buffer)) > 0)
        m_partialLine.append(buffer, n);
    qsizetype end;
    while ((end = m_partialLine.indexOf('\n')) >= 0) {
        keep(QString::fromLocal8Bit(m_partialLine.left(end)));
        m_partialLine.remove(0, end + 1);
    }
    if (!m_partialLine.isEmpty()) { // what was said without a newline is a message too
        keep(QString::fromLocal8Bit(m_partialLine));
        m_partialLine.clear();
    }
}

QString WorkerChatter::take()
{
    QMutexLocker lock(&m_mutex);
    drainStderr();
    QString detail;
    if (!m_messages.isEmpty())
        detail =
            QStringLiteral(" (détail technique : %1)").arg(m_messages.join(QStringLiteral(" ; ")));
    m_messages.clear();
    return detail;
}

} // namespace pointage
