// What the libraries say while a worker process reads or renders a page: Qt's messages
// (qUncompress on a corrupt stream, image plugins on a damaged JPEG) and whatever C libraries
// print on stderr themselves (libpng, Poppler's core, libjpeg). None of it may reach the person's
// terminal: it is collected, attached to the page's error when the page fails, and dropped when
// the page is read anyway (it was noise).
//
// One per worker process (the process's stderr is taken over). Thread-safe.
#pragma once

#include <QByteArray>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace pointage {

class WorkerChatter
{
public:
    static WorkerChatter &instance();

    // Routes Qt's message handler and file descriptor 2 here. Sanitized builds keep stderr:
    // ASan and UBSan report there, and their reports must stay visible.
    void install();

    // The messages since the last call, as one French-labelled technical detail, or empty.
    QString take();

    // For Qt's message handler and tests: one message, as if a library had said it.
    void note(const QString &message);

private:
    WorkerChatter() = default;
    void keep(const QString &message);
    void drainStderr();

    QMutex m_mutex;
    QStringList m_messages;
    QByteArray m_partialLine;
    int m_stderrPipe = -1;
};

} // namespace pointage
