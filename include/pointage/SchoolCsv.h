// The CSV twin of a school's letter: one row per missing item (a confirmation, a piece, a late
// or stale dossier), in the letter's order, for schools that track their returns in a
// spreadsheet. UTF-8 with BOM, ';' separator, CRLF, cells safe against formula injection,
// candidate numbers and specialty codes kept as text (leading zeros), the received date of each
// dossier and the as-of date on every row.
// Thread-safety: pure function.
#pragma once

#include "pointage/SchoolReminder.h"

#include <QByteArray>
#include <QDate>
#include <QStringList>

namespace pointage {

QStringList schoolCsvHeader();
// The rows under that header for one school, in the letter's order; and, for a spreadsheet
// writer, the columns holding digit codes that must stay text (specialty code, candidate number).
QList<QStringList> missingItemRows(const SchoolReminder &reminder, const QDate &asOf);
QList<int> missingItemTextColumns();
// Header + rows as the CSV file (BOM, ';', CRLF, safe cells).
QByteArray missingItemsCsv(const QList<QStringList> &rows);
// `asOf`: the day the status was computed, stated on every row ("État au").
QByteArray schoolCsv(const SchoolReminder &reminder, const QDate &asOf);

} // namespace pointage
