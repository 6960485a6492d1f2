// Test support for the web desk: a ledger built by the real CLI over the bundled sample, a
// `pointage serve` process on an ephemeral port, and a tiny blocking HTTP/1.1 client over
// QTcpSocket (so tests control every header: cookies, If-None-Match, raw paths).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace pointage::webtest {

struct HttpReply
{
    int status = 0;
    QHash<QByteArray, QList<QByteArray>> headers; // lower-case names
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    QString text() const { return QString::fromUtf8(body); }
    QByteArray setCookie(const QByteArray &name) const; // the Set-Cookie line for `name`
};

// One request on a fresh connection ("Connection: close").
HttpReply httpRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                      const QList<QPair<QByteArray, QByteArray>> &headers = {},
                      const QByteArray &body = {}, const QByteArray &host = "127.0.0.1");

struct CommandRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString sourcePath(const QString &relative);
// Runs the real `pointage` with POINTAGE_DB=`ledger` and the shipped configuration.
CommandRun runPointage(const QString &ledger, const QStringList &arguments,
                       const QByteArray &input = {});
// Imports the sample exports and ingests the sample scans into `ledger`.
bool buildSampleLedger(const QString &ledger, QString *error);
// A Cyclades export for one new school whose name is `schoolName`.
QByteArray exportWithSchoolName(const QString &schoolName);

// A running `pointage serve --port 0`; stops it on destruction.
class ServedDesk
{
public:
    ServedDesk(const QString &ledger, const QStringList &extraArguments);
    ~ServedDesk();
    bool ok() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QByteArray token() const { return m_token; }
    QString output() const { return m_output; }
    qint64 pid() const { return m_process->processId(); }
    bool running() const { return m_process->state() == QProcess::Running; }

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QByteArray m_token;
    QString m_output;
};

// The bundled sample's ledger in a temporary folder, served by a real `pointage serve`, and
// the session cookie of a clerk who came in by the token link: what a suite of HTTP tests
// shares. `prepare` runs before the server starts (another import, a scans folder); it
// returns an error text, empty when all went well.
class SampleDeskSession
{
public:
    SampleDeskSession(const QStringList &serveArguments,
                      const std::function<QString(const SampleDeskSession &)> &prepare = {});
    QString problem() const { return m_problem; } // empty when the desk is up and logged in
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString ledger() const { return path(QStringLiteral("ledger.sqlite")); }
    ServedDesk &desk() const { return *m_desk; }
    QByteArray cookie() const { return m_cookie; }
    HttpReply get(const QByteArray &target, QList<QPair<QByteArray, QByteArray>> extra = {}) const;
    HttpReply postForm(const QByteArray &target, const QByteArray &form) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServedDesk> m_desk;
    QByteArray m_cookie;
    QString m_problem;
};

// A multipart/form-data body as a browser sends it, and its Content-Type.
struct MultipartField
{
    QByteArray name;
    QByteArray fileName; // empty: a plain field
    QByteArray data;
};
QPair<QByteArray, QByteArray> multipartBody(const QList<MultipartField> &fields);
// The pids of `parent`'s children whose command line contains `marker` (Linux /proc).
QList<qint64> childProcesses(qint64 parent, const QByteArray &marker);

QByteArray csrfIn(const QString &html);              // the first csrf field's value
QByteArray cookieValue(const QByteArray &setCookie); // "a=b; Path=/" -> "a=b"

} // namespace pointage::webtest
