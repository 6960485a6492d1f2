// A conversation with an SMTP server, synchronous (blocking reads with a timeout): connect,
// EHLO, STARTTLS (or TLS from the start), EHLO again, AUTH PLAIN or LOGIN, then any number of
// messages, then QUIT. A login never travels unencrypted unless the settings explicitly allow it.
// Errors are French and typed: ErrorCode::Network for the connection, TLS and login,
// ErrorCode::MailRefused when the server refuses a recipient or a message (the session goes on).
// Thread-safety: one session per thread; it owns its socket.
#pragma once

#include "pointage/MailSettings.h"
#include "pointage/Result.h"

#include <QByteArray>
#include <QStringList>
#include <memory>

class QSslSocket;

namespace pointage {

class SmtpSession
{
public:
    // `password` is used only when settings.login is set.
    static Result<std::unique_ptr<SmtpSession>> open(const SmtpSettings &settings,
                                                     const QString &password);
    ~SmtpSession();

    // `message` is the RFC 5322 text (CRLF); dot-stuffing is done here.
    Status send(const QString &from, const QString &to, const QByteArray &message);
    void quit();

    bool encrypted() const;

private:
    explicit SmtpSession(const SmtpSettings &settings);

    struct Reply
    {
        int code = 0;
        QStringList lines;
        QString text() const { return lines.join(QLatin1Char(' ')); }
    };
    Result<Reply> readReply();
    Result<Reply> command(const QByteArray &line, bool secret = false);
    Status expect(const Result<Reply> &reply, int wanted, const QString &what);
    Status greet(bool readBanner);
    Status startTls();
    Status authenticate(const QString &password);
    Error networkError(const QString &message) const;

    SmtpSettings m_settings;
    std::unique_ptr<QSslSocket> m_socket;
    QStringList m_extensions; // EHLO lines after the greeting, upper-case
    QByteArray m_buffer;
};

} // namespace pointage
