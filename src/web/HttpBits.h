// Small HTTP helpers for the web desk: reading headers, cookies and url-encoded forms from a
// QHttpServerRequest, and building responses that always carry the security headers
// (Content-Security-Policy default-src 'self', nosniff, no framing, no referrer).
// Thread-safety: pure functions.
#pragma once

#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QString>

namespace pointage::web {

QByteArray header(const QHttpServerRequest &request, const QByteArray &name);
QByteArray cookie(const QHttpServerRequest &request, const QByteArray &name);
// application/x-www-form-urlencoded body ('+' is a space), at most the first 200 fields.
QHash<QString, QString> formFields(const QByteArray &body);

QHttpServerResponse withSecurityHeaders(QHttpServerResponse response);
QHttpServerResponse
htmlResponse(const QString &html,
             QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok);
QHttpServerResponse redirect(const QString &location, const QByteArray &setCookie = {});
// A French error page: what happened, where to go; never a stack trace or SQL.
QHttpServerResponse errorPage(QHttpServerResponse::StatusCode status, const QString &text);
// Only same-site absolute paths ("/x", not "//host" nor "http:"): no open redirect.
QString safeReturnPath(const QString &candidate, const QString &fallback);
QByteArray sessionCookie(const QByteArray &name, const QByteArray &value, bool secure,
                         int maxAgeSeconds = -1);

} // namespace pointage::web
