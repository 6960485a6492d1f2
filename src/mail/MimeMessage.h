// An e-mail as RFC 5322 / MIME bytes, ready for any mail client or an SMTP server: multipart/mixed
// with a quoted-printable UTF-8 text part and base64 attachments; non-ASCII header text as
// RFC 2047 encoded words, attachment file names as RFC 2231 parameters; CRLF line ends.
// Thread-safety: pure functions (random boundaries and ids come from QRandomGenerator::global()).
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace pointage {

struct MailAddress
{
    QString name; // display name, any Unicode; may be empty
    QString address;
};

struct MailAttachment
{
    QString fileName;    // as the recipient will see it, accents allowed
    QByteArray mimeType; // "application/pdf"
    QByteArray bytes;
};

struct MailMessage
{
    MailAddress from;
    MailAddress to;
    QString subject;
    QString body; // plain text, lines separated by '\n'
    QList<MailAttachment> attachments;
    QDateTime date;
    QByteArray messageId;                              // "<…@…>"; see newMessageId()
    QList<QPair<QByteArray, QByteArray>> extraHeaders; // ASCII names and values ("X-…")
};

// The message as it goes on the wire (CRLF, lines of at most 78 characters).
QByteArray composeMime(const MailMessage &message);

// Building blocks, exposed for the tests.
// `headerLength`: characters already used on the line ("Subject: "), so that folded lines stay
// short. ASCII text without "=?" is returned as it is.
QByteArray encodedWords(const QString &text, int headerLength);
QByteArray formattedAddress(const MailAddress &address, int headerLength);
QByteArray rfc2231Parameter(const QByteArray &name, const QString &value); // filename*=UTF-8''…
QByteArray quotedPrintable(const QByteArray &utf8Text);                    // '\n' -> CRLF
QByteArray base64Lines(const QByteArray &bytes);                           // 76 per line, CRLF
QByteArray rfc5322Date(const QDateTime &date); // "Mon, 30 Nov 2026 10:10:08 +0100"
QByteArray newMessageId(const QString &fromAddress);

} // namespace pointage
