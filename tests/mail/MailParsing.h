// Reads back the e-mails Pointage writes (and the SMTP test server receives), independently of
// the writer: headers unfolded, RFC 2047 words decoded, parts split at the boundary, bodies
// decoded from base64 or quoted-printable, RFC 2231 file names decoded.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace pointage::testkit {

struct ParsedPart
{
    QMap<QByteArray, QByteArray> headers; // lower-case name -> unfolded raw value
    QByteArray body;                      // decoded bytes
    QString fileName;                     // from Content-Disposition filename*=, decoded
};

struct ParsedMail
{
    QMap<QByteArray, QByteArray> headers;
    QList<ParsedPart> parts;
    QString header(const char *name) const; // RFC 2047 decoded
};

ParsedMail parseMail(const QByteArray &eml);
QString decodeEncodedWords(const QByteArray &value);
QByteArray decodeQuotedPrintable(const QByteArray &text);

} // namespace pointage::testkit
