// Dates and session names as French administrative letters write them: "1er décembre 2027",
// "22 décembre 2027", "session 2027".
// Thread-safety: pure functions.
#pragma once

#include <QDate>
#include <QString>

namespace pointage {

QString frenchLongDate(const QDate &date);   // "1er décembre 2027"; "date inconnue" when null
QString frenchShortDate(const QDate &date);  // "01/12/2027"; empty when null
QString sessionYear(const QString &session); // "Session 2027" or "2027" -> "2027"

} // namespace pointage
