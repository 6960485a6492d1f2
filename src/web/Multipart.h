// Reads a multipart/form-data body (RFC 7578), the form encoding browsers use to upload files:
// the parts' field names, file names (the last path segment only, never used as a path) and
// bytes. Anything malformed yields no parts rather than a guess.
// Thread-safety: pure functions.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace pointage::web {

struct FormPart
{
    QString name;     // the form field
    QString fileName; // empty for plain fields
    QByteArray data;
};

// The boundary named in a Content-Type header; empty when it is not multipart/form-data.
QByteArray multipartBoundary(const QByteArray &contentType);
// At most `maxParts` parts; an empty list when the body does not follow the boundary.
QList<FormPart> multipartParts(const QByteArray &body, const QByteArray &boundary,
                               int maxParts = 50);

} // namespace pointage::web
