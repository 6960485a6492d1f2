// Every missing item of the académie in one list, for the manager: the rows of every school's
// CSV (same columns, same order within a school, schools by UAI), as a CSV and as a real .xlsx
// workbook with filters on the header, the header frozen, and codes kept as text.
// Thread-safety: pure functions over plain values; the workbook writer touches only its file.
#pragma once

#include "pointage/Result.h"
#include "pointage/SchoolReports.h"
#include "pointage/StatusTypes.h"

#include <QByteArray>
#include <QString>

namespace pointage {

QByteArray academieMissingCsv(const AcademieStatus &status);

// The workbook's bytes.
Result<QByteArray> academieMissingXlsx(const AcademieStatus &status);

// Both files into `directory` (owner-only, link-safe, see SchoolReports):
// academie-manquants.csv and academie-manquants.xlsx.
Result<WrittenReports> writeAcademieExport(const AcademieStatus &status, const QString &directory);

} // namespace pointage
