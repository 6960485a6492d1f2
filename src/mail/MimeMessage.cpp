#include "MimeMessage.h"

#include <QRandomGenerator>
#include <QTimeZone>

namespace pointage {

namespace {

const QByteArray crlf = QByteArrayLiteral("\r\n");

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::global()->bounded(256));
    return raw.toHex();
}

bool plainHeaderText(const QString &text, int maxLength)
{
    if (text.size() > maxLength || text.contains(QLatin1String("=?")))
        return false;
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

// Splits text into UTF-8 chunks of at most `maxBytes`, never inside a character (RFC 2047
// forbids splitting a multi-byte character across two encoded words).
QList<QByteArray> utf8Chunks(const QString &text, int maxBytes)
{
    QList<QByteArray> chunks;
    QByteArray current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray character = text.mid(i, length).toUtf8();
        i += length - 1;
        if (current.size() + character.size() > maxBytes) {
            chunks.append(current);
            current.clear();
        }
        current += character;
    }
    if (!current.isEmpty())
        chunks.append(current);
    return chunks;
}

QByteArray quotedString(const QString &text)
{
    QByteArray out = text.toLatin1();
    out.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + out + '"';
}

} // namespace

QByteArray encodedWords(const QString &text, int headerLength)
{
    if (plainHeaderText(text, 76 - headerLength))
        return text.toLatin1();
    // 39 bytes -> 52 base64 characters -> a 64-character word: with "Subject: " the first
    // line stays under 78 characters, and so does every folded one.
    QList<QByteArray> words;
    for (const QByteArray &chunk : utf8Chunks(text, 39))
        words.append("=?UTF-8?B?" + chunk.toBase64() + "?=");
    return words.join("\r\n ");
}

QByteArray formattedAddress(const MailAddress &address, int headerLength)
{
    const QByteArray addr = '<' + address.address.toLatin1() + '>';
    if (address.name.isEmpty())
        return addr;
    if (plainHeaderText(address.name, 60))
        return quotedString(address.name) + ' ' + addr;
    return encodedWords(address.name, headerLength) + "\r\n " + addr;
}

QByteArray rfc2231Parameter(const QByteArray &name, const QString &value)
{
    // attribute-char of RFC 2231: ASCII printable except space, *, ', %, and tspecials.
    static const QByteArray keep = QByteArrayLiteral("!#$&+-.^_`|~");
    QByteArray out = name + "*=UTF-8''";
    for (char c : value.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
            keep.contains(c))
            out += c;
        else
            out += '%' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
    }
    return out;
}

QByteArray quotedPrintable(const QByteArray &utf8Text)
{
    QByteArray out;
    const QList<QByteArray> lines = utf8Text.split('\n');
    for (qsizetype l = 0; l < lines.size(); ++l) {
        QByteArray line = lines.at(l);
        if (line.endsWith('\r'))
            line.chop(1);
        QByteArray encoded;
        int column = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto u = static_cast<unsigned char>(line.at(i));
            const bool last = i == line.size() - 1;
            QByteArray piece;
            // A space or tab at the end of a line would be eaten by mail transport.
            if ((u >= 33 && u <= 126 && u != '=') || ((u == ' ' || u == '\t') && !last))
                piece = QByteArray(1, char(u));
            else
                piece = '=' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
            // A line starting with '.' is dot-stuffed by SMTP anyway; encoding it keeps the
            // file identical to what arrives.
            if (column == 0 && u == '.')
                piece = QByteArrayLiteral("=2E");
            if (column + piece.size() > 75) {
                encoded += "=\r\n";
                column = 0;
            }
            encoded += piece;
            column += int(piece.size());
        }
        out += encoded;
        if (l + 1 < lines.size())
            out += crlf;
    }
    return out;
}

QByteArray base64Lines(const QByteArray &bytes)
{
    const QByteArray encoded = bytes.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + crlf;
    return out;
}

QByteArray rfc5322Date(const QDateTime &date)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int offset = date.offsetFromUtc() / 60;
    const QByteArray zone = QByteArray(offset < 0 ? "-" : "+") +
                            QByteArray::number(qAbs(offset) / 60).rightJustified(2, '0') +
                            QByteArray::number(qAbs(offset) % 60).rightJustified(2, '0');
    const QDate d = date.date();
    return QByteArray(days[d.dayOfWeek() - 1]) + ", " + QByteArray::number(d.day()) + ' ' +
           months[d.month() - 1] + ' ' + QByteArray::number(d.year()) + ' ' +
           date.time().toString(QStringLiteral("HH:mm:ss")).toLatin1() + ' ' + zone;
}

QByteArray newMessageId(const QString &fromAddress)
{
    QString domain = fromAddress.section(QLatin1Char('@'), 1);
    if (domain.isEmpty())
        domain = QStringLiteral("pointage.invalid");
    return '<' +
           QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() +
           '.' + randomHex(8) + ".pointage@" + domain.toLatin1() + '>';
}

QByteArray composeMime(const MailMessage &message)
{
    const QByteArray boundary = "=_pointage_" + randomHex(12);
    QByteArray out;
    out += "From: " + formattedAddress(message.from, 6) + crlf;
    out += "To: " + formattedAddress(message.to, 4) + crlf;
    out += "Subject: " + encodedWords(message.subject, 9) + crlf;
    out += "Date: " + rfc5322Date(message.date) + crlf;
    out += "Message-ID: " + message.messageId + crlf;
    out += "MIME-Version: 1.0" + crlf;
    for (const auto &[name, value] : message.extraHeaders)
        out += name + ": " + value + crlf;
    out += "Content-Type: multipart/mixed;" + crlf + " boundary=\"" + boundary + '"' + crlf;
    out += crlf;
    out += "--" + boundary + crlf;
    out += "Content-Type: text/plain; charset=UTF-8" + crlf;
    out += "Content-Transfer-Encoding: quoted-printable" + crlf + crlf;
    out += quotedPrintable(message.body.toUtf8()) + crlf;
    for (const MailAttachment &attachment : message.attachments) {
        out += "--" + boundary + crlf;
        out += "Content-Type: " + attachment.mimeType + crlf;
        out += "Content-Transfer-Encoding: base64" + crlf;
        out += "Content-Disposition: attachment;" + crlf + ' ' +
               rfc2231Parameter("filename", attachment.fileName) + crlf + crlf;
        out += base64Lines(attachment.bytes);
    }
    out += "--" + boundary + "--" + crlf;
    return out;
}

} // namespace pointage
