// Calendar dates typed by people: every front end accepts JJ/MM/AAAA (the French habit) and
// AAAA-MM-JJ (what scanners name folders with), through this one parser.
// Thread-safety: pure functions.
#pragma once

#include "pointage/Result.h"

#include <QDate>
#include <QString>

namespace pointage {

// "09/12/2026", "9/12/2026" or "2026-12-09" (surrounding spaces ignored); a null date otherwise,
// including for days that do not exist (31/11/2026).
QDate parseDate(const QString &text);

// parseDate() with a French message naming the value and both accepted forms when it fails.
Result<QDate> parseDateArgument(const QString &text);

} // namespace pointage
