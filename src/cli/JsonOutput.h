// --json output shared by the listing commands: stable English keys, UTF-8, one document.
// Thread-safety: main thread only.
#pragma once

#include "pointage/Diagnostic.h"
#include "pointage/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace pointage::cli {

QJsonObject diagnosticJson(const Diagnostic &diagnostic);
QJsonObject errorJson(const Error &error);
void printJson(QTextStream &out, const QJsonArray &array);
void printJson(QTextStream &out, const QJsonObject &object);

} // namespace pointage::cli
