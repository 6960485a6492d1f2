#include "cli/JsonOutput.h"

#include <QJsonDocument>

namespace pointage::cli {

QJsonObject diagnosticJson(const Diagnostic &d)
{
    static const char *const severities[] = {"info", "warning", "error"};
    return {{QStringLiteral("severity"), QLatin1String(severities[int(d.severity)])},
            {QStringLiteral("file"), d.file},
            {QStringLiteral("line"), d.line},
            {QStringLiteral("page"), d.page},
            {QStringLiteral("message"), d.message}};
}

QJsonObject errorJson(const Error &e)
{
    return {{QStringLiteral("error"), e.message},
            {QStringLiteral("file"), e.file},
            {QStringLiteral("line"), e.line},
            {QStringLiteral("page"), e.page}};
}

void printJson(QTextStream &out, const QJsonArray &array)
{
    out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void printJson(QTextStream &out, const QJsonObject &object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace pointage::cli
