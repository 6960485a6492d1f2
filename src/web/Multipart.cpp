#include "web/Multipart.h"

#include <QRegularExpression>

namespace pointage::web {

namespace {

// name="x" / filename="y" in a Content-Disposition header (quoted form, as browsers send it).
QString dispositionValue(const QByteArray &header, const char *key)
{
    const QRegularExpression re(
        QStringLiteral("(?:^|;)\\s*%1=\"([^\"]*)\"").arg(QLatin1String(key)),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(QString::fromUtf8(header)).captured(1);
}

// Browsers send a bare name; old ones sent the whole client path: keep the last segment.
QString baseName(QString name)
{
    name.replace(QLatin1Char('\\'), QLatin1Char('/'));
    return name.section(QLatin1Char('/'), -1).trimmed();
}

} // namespace

QByteArray multipartBoundary(const QByteArray &contentType)
{
    const QByteArray lower = contentType.trimmed().toLower();
    if (!lower.startsWith("multipart/form-data"))
        return {};
    const qsizetype at = lower.indexOf("boundary=");
    if (at < 0)
        return {};
    QByteArray boundary = contentType.mid(at + 9);
    const qsizetype end = boundary.indexOf(';');
    if (end >= 0)
        boundary.truncate(end);
    boundary = boundary.trimmed();
    if (boundary.size() >= 2 && boundary.startsWith('"') && boundary.endsWith('"'))
        boundary = boundary.mid(1, boundary.size() - 2);
    if (boundary.isEmpty() || boundary.size() > 70)
        return {};
    return boundary;
}

QList<FormPart> multipartParts(const QByteArray &body, const QByteArray &boundary, int maxParts)
{
    QList<FormPart> parts;
    if (boundary.isEmpty())
        return parts;
    const QByteArray delimiter = "--" + boundary;
    const QByteArray nextDelimiter = "\r\n" + delimiter;
    qsizetype at = body.indexOf(delimiter);
    if (at != 0 && at >= 0 && body.mid(at - 2, 2) != "\r\n")
        return {};
    while (at >= 0) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            return parts; // the closing delimiter
        if (body.mid(at, 2) != "\r\n" || parts.size() >= maxParts)
            return {};
        at += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", at);
        if (headersEnd < 0)
            return {};
        const qsizetype next = body.indexOf(nextDelimiter, headersEnd + 4);
        if (next < 0)
            return {};
        FormPart part;
        for (const QByteArray &line : body.mid(at, headersEnd - at).split('\n')) {
            const QByteArray h = line.trimmed();
            if (h.toLower().startsWith("content-disposition:")) {
                part.name = dispositionValue(h.mid(20), "name");
                part.fileName = baseName(dispositionValue(h.mid(20), "filename"));
            }
        }
        part.data = body.mid(headersEnd + 4, next - headersEnd - 4);
        parts.append(part);
        at = next + 2;
    }
    return {};
}

} // namespace pointage::web
