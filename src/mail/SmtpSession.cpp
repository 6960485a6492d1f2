#include "SmtpSession.h"

#include <QHostInfo>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

namespace pointage {

namespace {

QString where(const SmtpSettings &settings)
{
    return QStringLiteral("%1:%2").arg(settings.host).arg(settings.port);
}

QByteArray dotStuffed(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + 64);
    qsizetype start = 0;
    while (start < message.size()) {
        qsizetype end = message.indexOf('\n', start);
        end = end < 0 ? message.size() : end + 1;
        if (message.at(start) == '.')
            out += '.';
        out += QByteArrayView(message).sliced(start, end - start);
        start = end;
    }
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

} // namespace

SmtpSession::SmtpSession(const SmtpSettings &settings)
    : m_settings(settings), m_socket(std::make_unique<QSslSocket>())
{}

SmtpSession::~SmtpSession() = default;

Error SmtpSession::networkError(const QString &message) const
{
    return makeError(
        ErrorCode::Network,
        QStringLiteral("serveur de messagerie %1 : %2").arg(where(m_settings), message));
}

bool SmtpSession::encrypted() const
{
    return m_socket->isEncrypted();
}

Result<std::unique_ptr<SmtpSession>> SmtpSession::open(const SmtpSettings &settings,
                                                       const QString &password)
{
    if (settings.host.isEmpty()) {
        return makeError(ErrorCode::Config,
                         QStringLiteral("le serveur d'envoi n'est pas réglé : indiquez "
                                        "\"mail\": { \"smtp\": { \"host\": …, \"port\": … } } dans "
                                        "la configuration."));
    }
    if (settings.security != SmtpSettings::Security::None && !QSslSocket::supportsSsl()) {
        return makeError(ErrorCode::Network,
                         QStringLiteral("TLS est indisponible sur cette machine (bibliothèque "
                                        "OpenSSL de Qt introuvable) : le courrier ne peut pas "
                                        "partir chiffré."));
    }
    std::unique_ptr<SmtpSession> session(new SmtpSession(settings));
    QSslSocket &socket = *session->m_socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!settings.caFile.isEmpty()) {
        const QList<QSslCertificate> authorities =
            QSslCertificate::fromPath(settings.caFile, QSsl::Pem);
        if (authorities.isEmpty()) {
            return makeError(ErrorCode::Config,
                             QStringLiteral("aucun certificat lisible dans ce fichier (réglage "
                                            "mail.smtp.caFile, format PEM attendu)."),
                             settings.caFile);
        }
        tls.addCaCertificates(authorities);
    }
    socket.setSslConfiguration(tls);
    const int timeout = settings.timeoutSeconds * 1000;
    if (settings.security == SmtpSettings::Security::ImplicitTls) {
        socket.connectToHostEncrypted(settings.host, quint16(settings.port));
        if (!socket.waitForEncrypted(timeout))
            return session->networkError(
                QStringLiteral("connexion chiffrée impossible (%1).").arg(socket.errorString()));
    } else {
        socket.connectToHost(settings.host, quint16(settings.port));
        if (!socket.waitForConnected(timeout))
            return session->networkError(
                QStringLiteral("connexion impossible (%1). Vérifiez le serveur et le port dans "
                               "la configuration.")
                    .arg(socket.errorString()));
    }
    if (Status s = session->greet(true); !s)
        return s.error();
    if (settings.security == SmtpSettings::Security::StartTls) {
        if (Status s = session->startTls(); !s)
            return s.error();
    }
    if (!settings.login.isEmpty()) {
        if (Status s = session->authenticate(password); !s)
            return s.error();
    }
    return session;
}

Result<SmtpSession::Reply> SmtpSession::readReply()
{
    Reply reply;
    const int timeout = m_settings.timeoutSeconds * 1000;
    for (;;) {
        qsizetype end = m_buffer.indexOf("\r\n");
        while (end < 0) {
            if (!m_socket->waitForReadyRead(timeout))
                return networkError(
                    QStringLiteral("pas de réponse (%1).").arg(m_socket->errorString()));
            m_buffer += m_socket->readAll();
            end = m_buffer.indexOf("\r\n");
        }
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        if (line.size() < 3)
            return networkError(QStringLiteral("réponse incompréhensible."));
        reply.code = line.left(3).toInt();
        reply.lines.append(QString::fromUtf8(line.mid(4)));
        if (line.size() == 3 || line.at(3) != '-')
            return reply;
    }
}

Result<SmtpSession::Reply> SmtpSession::command(const QByteArray &line, bool secret)
{
    Q_UNUSED(secret) // nothing is logged here; the flag documents the call sites
    m_socket->write(line + "\r\n");
    if (!m_socket->waitForBytesWritten(m_settings.timeoutSeconds * 1000))
        return networkError(QStringLiteral("envoi interrompu (%1).").arg(m_socket->errorString()));
    return readReply();
}

Status SmtpSession::expect(const Result<Reply> &reply, int wanted, const QString &what)
{
    if (!reply)
        return reply.error();
    if (reply->code / 100 != wanted / 100)
        return networkError(
            QStringLiteral("%1 refusé (%2 %3).").arg(what).arg(reply->code).arg(reply->text()));
    return Ok{};
}

Status SmtpSession::greet(bool readBanner)
{
    if (readBanner) {
        if (Status s = expect(readReply(), 220, QStringLiteral("accueil")); !s)
            return s;
    }
    QString name = QHostInfo::localHostName();
    if (name.isEmpty() || name.contains(QLatin1Char(' ')))
        name = QStringLiteral("pointage.localdomain");
    auto reply = command("EHLO " + name.toLatin1());
    if (Status s = expect(reply, 250, QStringLiteral("EHLO")); !s)
        return s;
    m_extensions.clear();
    for (const QString &line : reply->lines.mid(1))
        m_extensions.append(line.toUpper());
    return Ok{};
}

Status SmtpSession::startTls()
{
    if (!m_extensions.contains(QStringLiteral("STARTTLS")))
        return networkError(QStringLiteral("le serveur ne propose pas STARTTLS : rien n'est "
                                           "envoyé en clair. Vérifiez le port (587) ou réglez "
                                           "mail.smtp.security."));
    if (Status s = expect(command("STARTTLS"), 220, QStringLiteral("STARTTLS")); !s)
        return s;
    m_socket->startClientEncryption();
    if (!m_socket->waitForEncrypted(m_settings.timeoutSeconds * 1000)) {
        QStringList reasons;
        for (const QSslError &e : m_socket->sslHandshakeErrors())
            reasons.append(e.errorString());
        if (reasons.isEmpty())
            reasons.append(m_socket->errorString());
        return networkError(QStringLiteral("chiffrement TLS impossible (%1). Si le serveur a un "
                                           "certificat interne, indiquez son autorité dans "
                                           "mail.smtp.caFile.")
                                .arg(reasons.join(QStringLiteral(" ; "))));
    }
    return greet(false); // the extensions may change once encrypted (AUTH often appears only now)
}

Status SmtpSession::authenticate(const QString &password)
{
    if (!m_socket->isEncrypted() && !m_settings.allowPlainAuthWithoutTls)
        return networkError(QStringLiteral("refus d'envoyer l'identifiant et le mot de passe sans "
                                           "chiffrement. Utilisez STARTTLS ou TLS, ou, pour un "
                                           "relais sur cette machine seulement, "
                                           "\"allowPlainAuthWithoutTls\": true."));
    if (password.isEmpty())
        return makeError(ErrorCode::Config,
                         QStringLiteral("mot de passe du serveur d'envoi absent : exportez la "
                                        "variable d'environnement %1 avant « pointage send ».")
                             .arg(m_settings.passwordVariable));
    QString mechanisms;
    for (const QString &line : std::as_const(m_extensions)) {
        if (line.startsWith(QLatin1String("AUTH ")) || line.startsWith(QLatin1String("AUTH=")))
            mechanisms += line.mid(5) + QLatin1Char(' ');
    }
    const QByteArray login = m_settings.login.toUtf8();
    const QByteArray secret = password.toUtf8();
    Result<Reply> reply = Reply{};
    if (mechanisms.split(QLatin1Char(' ')).contains(QStringLiteral("PLAIN"))) {
        QByteArray plain;
        plain.append('\0').append(login).append('\0').append(secret);
        reply = command("AUTH PLAIN " + plain.toBase64(), true);
    } else if (mechanisms.split(QLatin1Char(' ')).contains(QStringLiteral("LOGIN"))) {
        if (Status s = expect(command("AUTH LOGIN"), 334, QStringLiteral("AUTH LOGIN")); !s)
            return s;
        if (Status s = expect(command(login.toBase64(), true), 334, QStringLiteral("identifiant"));
            !s)
            return s;
        reply = command(secret.toBase64(), true);
    } else {
        return networkError(QStringLiteral("le serveur ne propose ni AUTH PLAIN ni AUTH LOGIN."));
    }
    if (!reply)
        return reply.error();
    if (reply->code != 235)
        return networkError(QStringLiteral("identifiant ou mot de passe refusé (%1 %2). Vérifiez "
                                           "mail.smtp.login et la variable %3.")
                                .arg(reply->code)
                                .arg(reply->text(), m_settings.passwordVariable));
    return Ok{};
}

Status SmtpSession::send(const QString &from, const QString &to, const QByteArray &message)
{
    auto refused = [&](const QString &what, const Reply &reply) {
        // The next message starts clean, whatever this one left; a failure here shows at the
        // next command.
        (void)command("RSET");
        return makeError(ErrorCode::MailRefused, QStringLiteral("%1 refusé par le serveur (%2 %3).")
                                                     .arg(what)
                                                     .arg(reply.code)
                                                     .arg(reply.text()));
    };
    auto reply = command("MAIL FROM:<" + from.toUtf8() + ">");
    if (!reply)
        return reply.error();
    if (reply->code != 250)
        return refused(QStringLiteral("expéditeur <%1>").arg(from), reply.value());
    reply = command("RCPT TO:<" + to.toUtf8() + ">");
    if (!reply)
        return reply.error();
    if (reply->code != 250 && reply->code != 251)
        return refused(QStringLiteral("destinataire <%1>").arg(to), reply.value());
    reply = command("DATA");
    if (!reply)
        return reply.error();
    if (reply->code != 354)
        return refused(QStringLiteral("message"), reply.value());
    reply = command(dotStuffed(message) + ".");
    if (!reply)
        return reply.error();
    if (reply->code != 250)
        return refused(QStringLiteral("message"), reply.value());
    return Ok{};
}

void SmtpSession::quit()
{
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        (void)command("QUIT"); // the messages are delivered: a lost goodbye changes nothing
        m_socket->disconnectFromHost();
    }
}

} // namespace pointage
