#include "web/HttpBits.h"

#include "web/Html.h"

#include <QUrl>

namespace pointage::web {

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray cookie(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const QByteArray &part : header(request, "Cookie").split(';')) {
        const QByteArray item = part.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq > 0 && item.left(eq) == name)
            return item.mid(eq + 1);
    }
    return {};
}

QHash<QString, QString> formFields(const QByteArray &body)
{
    QHash<QString, QString> fields;
    int count = 0;
    for (QByteArray pair : body.split('&')) {
        if (pair.isEmpty() || ++count > 200)
            continue;
        pair.replace('+', ' ');
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        fields.insert(QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value));
    }
    return fields;
}

QHttpServerResponse withSecurityHeaders(QHttpServerResponse response)
{
    response.setHeader("Content-Security-Policy",
                       "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
                       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (!response.hasHeader("Cache-Control"))
        response.setHeader("Cache-Control", "no-store");
    return response;
}

QHttpServerResponse htmlResponse(const QString &html, QHttpServerResponse::StatusCode status)
{
    return withSecurityHeaders(
        QHttpServerResponse("text/html; charset=utf-8", html.toUtf8(), status));
}

QHttpServerResponse redirect(const QString &location, const QByteArray &setCookie)
{
    QHttpServerResponse response("text/plain; charset=utf-8", QByteArray(),
                                 QHttpServerResponse::StatusCode::SeeOther);
    response.setHeader("Location", location.toUtf8());
    if (!setCookie.isEmpty())
        response.addHeader("Set-Cookie", setCookie);
    return withSecurityHeaders(std::move(response));
}

QHttpServerResponse errorPage(QHttpServerResponse::StatusCode status, const QString &text)
{
    const QString html =
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                       "<title>Pointage</title><link rel=\"stylesheet\" "
                       "href=\"/static/desk.css\"></head><body><main><h1>Pointage</h1>%1"
                       "<p><a href=\"/\">Retour au tableau de bord</a></p></main></body></html>\n")
            .arg(message(text, true));
    return htmlResponse(html, status);
}

QString safeReturnPath(const QString &candidate, const QString &fallback)
{
    if (candidate.startsWith(QLatin1Char('/')) && !candidate.startsWith(QStringLiteral("//")) &&
        !candidate.contains(QLatin1Char('\\')) && !candidate.contains(QLatin1Char('\n')) &&
        !candidate.contains(QLatin1Char('\r')))
        return candidate;
    return fallback;
}

QByteArray sessionCookie(const QByteArray &name, const QByteArray &value, bool secure,
                         int maxAgeSeconds)
{
    QByteArray c = name + '=' + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (secure)
        c += "; Secure";
    if (maxAgeSeconds >= 0)
        c += "; Max-Age=" + QByteArray::number(maxAgeSeconds);
    return c;
}

} // namespace pointage::web
