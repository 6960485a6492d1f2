// The PDF letter a school receives: rectorat letterhead, summary counts, then one table per
// kind of missing item (confirmation, pieces, late, stale) grouped by specialty in the order
// schools file their dossiers, what to do next, and the signature block. Complete schools get
// a one-page acknowledgement. A4, paginated with repeated table headers and "Page n / N".
// Thread-safety: reentrant; needs a QGuiApplication to exist (fonts).
#pragma once

#include "pointage/ReportSettings.h"
#include "pointage/SchoolReminder.h"

#include <QByteArray>
#include <QDate>

namespace pointage {

QByteArray schoolLetterPdf(const SchoolReminder &reminder, const ReturnWindowInfo &window,
                           const ReportSettings &settings);

// The date the letter asks the school to answer by: the closing date, or after it the day of
// the letter plus ReportSettings::relanceDelayDays.
QDate letterReplyBy(const ReturnWindowInfo &window, const ReportSettings &settings);

} // namespace pointage
