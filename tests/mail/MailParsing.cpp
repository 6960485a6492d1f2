#include "MailParsing.h"

#include <QRegularExpression>

namespace pointage::testkit {

namespace {

QMap<QByteArray, QByteArray> parseHeaders(const QByteArray &block)
{
    QMap<QByteArray, QByteArray> headers;
    QByteArray name;
    for (const QByteArray &rawLine : block.split('\n')) {
        QByteArray line = rawLine;
        if (line.endsWith('\r'))
            line.chop(1);
        if ((line.startsWith(' ') || line.startsWith('\t')) && !name.isEmpty()) {
            headers[name] += "\r\n" + line; // keep the folding: decodeEncodedWords skips it
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        name = line.left(colon).trimmed().toLower();
        headers[name] = line.mid(colon + 1).trimmed();
    }
    return headers;
}

QPair<QByteArray, QByteArray> splitHead(const QByteArray &text)
{
    qsizetype end = text.indexOf("\r\n\r\n");
    qsizetype skip = 4;
    if (end < 0) {
        end = text.indexOf("\n\n");
        skip = 2;
    }
    return {text.left(end), text.mid(end + skip)};
}

QString rfc2231FileName(const QByteArray &disposition)
{
    static const QRegularExpression pattern(QStringLiteral("filename\\*=UTF-8''([^;\\s]+)"));
    const auto match = pattern.match(QString::fromLatin1(disposition));
    if (!match.hasMatch())
        return {};
    return QString::fromUtf8(QByteArray::fromPercentEncoding(match.captured(1).toLatin1()));
}

} // namespace

QByteArray decodeQuotedPrintable(const QByteArray &text)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c != '=') {
            out += c;
            continue;
        }
        if (text.mid(i + 1, 2) == "\r\n") {
            i += 2;
            continue;
        }
        out += char(text.mid(i + 1, 2).toInt(nullptr, 16));
        i += 2;
    }
    return out;
}

QString decodeEncodedWords(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral("=\\?UTF-8\\?B\\?([^?]*)\\?="),
                                         QRegularExpression::CaseInsensitiveOption);
    QString text = QString::fromLatin1(value);
    // White space between two encoded words is not part of the text (RFC 2047, 6.2).
    text.replace(QRegularExpression(QStringLiteral("\\?=\\s+=\\?")), QStringLiteral("?==?"));
    QString out;
    qsizetype last = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += QString::fromUtf8(QByteArray::fromBase64(m.captured(1).toLatin1()));
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out.replace(QStringLiteral("\r\n "), QStringLiteral(" "));
}

QString ParsedMail::header(const char *name) const
{
    return decodeEncodedWords(headers.value(QByteArray(name).toLower()));
}

ParsedMail parseMail(const QByteArray &eml)
{
    ParsedMail mail;
    const auto [head, body] = splitHead(eml);
    mail.headers = parseHeaders(head);
    static const QRegularExpression boundaryPattern(QStringLiteral("boundary=\"([^\"]+)\""));
    const QString boundary =
        boundaryPattern.match(QString::fromLatin1(mail.headers.value("content-type"))).captured(1);
    if (boundary.isEmpty())
        return mail;
    const QByteArray delimiter = "--" + boundary.toLatin1();
    const QList<QByteArray> chunks = body.split('\n');
    QList<QByteArray> current;
    bool inside = false;
    auto flush = [&] {
        if (!inside)
            return;
        QByteArray text = current.join('\n');
        const auto [partHead, partBody] = splitHead(text);
        ParsedPart part;
        part.headers = parseHeaders(partHead);
        QByteArray content = partBody;
        if (content.endsWith("\r\n"))
            content.chop(2);
        const QByteArray encoding = part.headers.value("content-transfer-encoding").toLower();
        if (encoding == "base64")
            part.body = QByteArray::fromBase64(content);
        else if (encoding == "quoted-printable")
            part.body = decodeQuotedPrintable(content);
        else
            part.body = content;
        part.fileName = rfc2231FileName(part.headers.value("content-disposition"));
        mail.parts.append(part);
    };
    for (const QByteArray &raw : chunks) {
        const QByteArray line = raw.endsWith('\r') ? raw.left(raw.size() - 1) : raw;
        if (line == delimiter || line == delimiter + "--") {
            flush();
            current.clear();
            inside = line == delimiter;
            continue;
        }
        current.append(raw);
    }
    return mail;
}

} // namespace pointage::testkit
