// The CSV twin of a school's letter: one row per missing item (a confirmation, a piece, a late
// or stale dossier), in the letter's order, for schools that track their returns in a
// spreadsheet. UTF-8 with BOM, ';' separator, CRLF, cells safe against formula injection.
// Thread-safety: pure function.
#pragma once

#include "pointage/SchoolReminder.h"

#include <QByteArray>
#include <QStringList>

namespace pointage {

QStringList schoolCsvHeader();
QByteArray schoolCsv(const SchoolReminder &reminder);

} // namespace pointage
