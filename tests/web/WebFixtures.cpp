#include "WebFixtures.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>

namespace pointage::webtest {

QByteArray HttpReply::header(const QByteArray &name) const
{
    return headers.value(name.toLower()).value(0);
}

QByteArray HttpReply::setCookie(const QByteArray &name) const
{
    for (const QByteArray &line : headers.value("set-cookie")) {
        if (line.startsWith(QByteArray(name + "=")))
            return line;
    }
    return {};
}

HttpReply httpRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                      const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body,
                      const QByteArray &host)
{
    HttpReply reply;
    QTcpSocket socket;
    socket.connectToHost(QString::fromLatin1(host), port);
    if (!socket.waitForConnected(5000))
        return reply;
    QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: " + host + ':' +
                         QByteArray::number(port) + "\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;
    socket.write(request);
    QByteArray raw;
    QElapsedTimer clock;
    clock.start();
    // Read until the whole body (Content-Length) has arrived or the server closes.
    while (clock.elapsed() < 30000) {
        if (socket.waitForReadyRead(500))
            raw += socket.readAll();
        const qsizetype end = raw.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QRegularExpression lengthRe(QStringLiteral("(?i)content-length:\\s*(\\d+)"));
            const auto m = lengthRe.match(QString::fromLatin1(raw.left(end)));
            if (m.hasMatch() && raw.size() - end - 4 >= m.captured(1).toLongLong())
                break;
        }
        if (socket.state() != QAbstractSocket::ConnectedState) {
            raw += socket.readAll();
            break;
        }
    }
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return reply;
    const QList<QByteArray> lines = raw.left(end).split('\n');
    reply.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            reply.headers[line.left(colon).trimmed().toLower()].append(
                line.mid(colon + 1).trimmed());
    }
    reply.body = raw.mid(end + 4);
    return reply;
}

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(POINTAGE_SOURCE_DIR)).filePath(relative);
}

static QProcessEnvironment environmentFor(const QString &ledger)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("POINTAGE_DB"), ledger);
    env.insert(QStringLiteral("POINTAGE_CONFIG"),
               sourcePath(QStringLiteral("config/pointage.json")));
    env.insert(QStringLiteral("CI"), QStringLiteral("true"));
    return env;
}

CommandRun runPointage(const QString &ledger, const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.setProcessEnvironment(environmentFor(ledger));
    process.setWorkingDirectory(QFileInfo(ledger).absolutePath());
    process.start(QStringLiteral(POINTAGE_BINARY), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(300000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

bool buildSampleLedger(const QString &ledger, QString *error)
{
    QStringList files{QStringLiteral("import")};
    const QDir dir(sourcePath(QStringLiteral("samples/cyclades")));
    for (const QString &name : dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    const CommandRun imported = runPointage(ledger, files);
    const CommandRun ingested =
        runPointage(ledger, {QStringLiteral("ingest"), sourcePath(QStringLiteral("scans"))});
    if (imported.exitCode != 0 || ingested.exitCode != 0) {
        *error = QString::fromUtf8(imported.err + ingested.err);
        return false;
    }
    return true;
}

QByteArray exportWithSchoolName(const QString &schoolName)
{
    const QString text =
        QStringLiteral("Session 2027;;;\r\nCERTIFICAT D'APTITUDE PROFESSIONNEL;;;\r\n"
                       "Listes simples;;;\r\n%1  (0139999Y);;;\r\n"
                       "Type d'édition : Liste simple;;;\r\nEdité le 02/12/2026 10:00;;;\r\n"
                       "Critères de recherche : Aucun;;;\r\n"
                       "N° Candidat;N° Inscription;Nom de famille;Nom d'usage;Prénom(s);"
                       "Date de Naissance;INE;Catégorie Candidat;Code Spécialité;Spécialité;"
                       "Etat\r\n"
                       "02279999001;901 Version 1;<B>ONMOUSEOVER;-;Zoé \"<i>\";01/02/2008;"
                       "0123456999K;SCOLAIRE CAP EN 2 ANS (122);50022;CUISINE;Inscrit\r\n")
            .arg(schoolName);
    return text.toUtf8();
}

ServedDesk::ServedDesk(const QString &ledger, const QStringList &extraArguments)
    : m_process(std::make_unique<QProcess>())
{
    m_process->setProcessEnvironment(environmentFor(ledger));
    m_process->setWorkingDirectory(QFileInfo(ledger).absolutePath());
    m_process->start(QStringLiteral(POINTAGE_BINARY),
                     QStringList{QStringLiteral("serve"), QStringLiteral("--port"),
                                 QStringLiteral("0"), QStringLiteral("--as-of"),
                                 QStringLiteral("2026-12-23")} +
                         extraArguments);
    const QRegularExpression url(
        QStringLiteral("http://[^:]+:(\\d+)/(\\?jeton=([A-Za-z0-9_-]+))?"));
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30000 && m_process->state() != QProcess::NotRunning) {
        m_process->waitForReadyRead(200);
        m_output += QString::fromUtf8(m_process->readAllStandardOutput());
        const auto m = url.match(m_output);
        if (m.hasMatch() && m_output.contains(QStringLiteral("Ctrl-C"))) {
            m_port = quint16(m.captured(1).toUInt());
            m_token = m.captured(3).toLatin1();
            return;
        }
    }
    m_output += QString::fromUtf8(m_process->readAllStandardError());
}

ServedDesk::~ServedDesk()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
}

QPair<QByteArray, QByteArray> multipartBody(const QList<MultipartField> &fields)
{
    const QByteArray boundary = "----PointageTestBoundary7MA4YWxkTrZu0gW";
    QByteArray body;
    for (const MultipartField &f : fields) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.name + '"';
        if (!f.fileName.isEmpty())
            body += "; filename=\"" + f.fileName + "\"\r\nContent-Type: application/octet-stream";
        body += "\r\n\r\n" + f.data + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return {"multipart/form-data; boundary=" + boundary, body};
}

QList<qint64> childProcesses(qint64 parent, const QByteArray &marker)
{
    QList<qint64> pids;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(proc.filePath(entry + QStringLiteral("/stat")));
        QFile cmdline(proc.filePath(entry + QStringLiteral("/cmdline")));
        if (!stat.open(QIODevice::ReadOnly) || !cmdline.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> rest = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (rest.value(1).toLongLong() == parent && cmdline.readAll().contains(marker))
            pids.append(pid);
    }
    return pids;
}

QByteArray csrfIn(const QString &html)
{
    const QRegularExpression re(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\""));
    return re.match(html).captured(1).toLatin1();
}

QByteArray cookieValue(const QByteArray &setCookie)
{
    return setCookie.split(';').value(0).trimmed();
}

SampleDeskSession::SampleDeskSession(
    const QStringList &serveArguments,
    const std::function<QString(const SampleDeskSession &)> &prepare)
{
    if (!m_dir.isValid()) {
        m_problem = QStringLiteral("no temporary folder");
        return;
    }
    if (!buildSampleLedger(ledger(), &m_problem))
        return;
    if (prepare && !(m_problem = prepare(*this)).isEmpty())
        return;
    m_desk = std::make_unique<ServedDesk>(ledger(), serveArguments);
    if (!m_desk->ok()) {
        m_problem = m_desk->output();
        return;
    }
    const HttpReply entry = httpRequest(m_desk->port(), "GET", "/?jeton=" + m_desk->token());
    m_cookie = cookieValue(entry.setCookie("pointage_session"));
    if (m_cookie.isEmpty())
        m_problem = QStringLiteral("the token link gave no session cookie");
}

HttpReply SampleDeskSession::get(const QByteArray &target,
                                 QList<QPair<QByteArray, QByteArray>> extra) const
{
    extra.append({"Cookie", m_cookie});
    return httpRequest(m_desk->port(), "GET", target, extra);
}

HttpReply SampleDeskSession::postForm(const QByteArray &target, const QByteArray &form) const
{
    return httpRequest(
        m_desk->port(), "POST", target,
        {{"Cookie", m_cookie}, {"Content-Type", "application/x-www-form-urlencoded"}}, form);
}

} // namespace pointage::webtest
