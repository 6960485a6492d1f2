// The académie dashboard for the DIEC manager: totals, progress per day against the return
// window (inline SVG), the schools to chase first, the open exception queue and a per-school
// table. One self-contained HTML file: inline CSS, no script, no external resource or URL, so
// it opens from a USB key or a mail attachment. Every value from the data is HTML-escaped.
// Thread-safety: pure functions (writeDashboard writes one file).
#pragma once

#include "pointage/ReportSettings.h"
#include "pointage/Result.h"
#include "pointage/StatusTypes.h"

#include <QString>

namespace pointage {

QString dashboardHtml(const AcademieStatus &status, const ReportSettings &settings);

// Writes dashboardHtml() as UTF-8 to `path`, readable by its owner only, atomically and
// without following a symbolic link found there. Returns notes (a replaced link) on success.
Result<Diagnostics> writeDashboard(const AcademieStatus &status, const ReportSettings &settings,
                                   const QString &path);

} // namespace pointage
