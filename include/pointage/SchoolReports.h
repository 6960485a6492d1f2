// Writes every school's relance into one output directory: a PDF letter and its CSV twin per
// school, named from the UAI and the folded school name, readable by their owner only. One
// school's failure is a diagnostic, never the end of the run.
// Thread-safety: call from one thread at a time per output directory; letters are drawn on
// worker threads internally. Needs a QGuiApplication to exist (fonts).
#pragma once

#include "pointage/Diagnostic.h"
#include "pointage/ReportSettings.h"
#include "pointage/Result.h"
#include "pointage/SchoolReminder.h"
#include "pointage/StatusTypes.h"

#include <QStringList>
#include <functional>

namespace pointage {

struct WrittenReports
{
    QStringList files; // absolute paths, in the order of AcademieStatus::schools
    Diagnostics diagnostics;
};

// One more file written beside a school's letter and CSV (its relance e-mail, say).
struct ExtraReportFile
{
    QString name; // file name inside the output directory
    QByteArray bytes;
};
// Called on worker threads (must be reentrant) with a school's reminder and the very bytes of
// its letter and CSV; what it returns is written owner-only like them.
using SchoolExtraFiles = std::function<QList<ExtraReportFile>(
    const SchoolReminder &, const QString &stem, const QByteArray &pdf, const QByteArray &csv)>;

// Fails when the output directory cannot be created, or when `onlyUai` names no school of
// `status`; per-school problems are diagnostics. With `onlyUai`, that school's files are the
// only ones written: the other schools' files in the directory are left untouched.
Result<WrittenReports> writeSchoolReports(const AcademieStatus &status,
                                          const ReportSettings &settings,
                                          const QString &outputDirectory,
                                          const QString &onlyUai = {},
                                          const SchoolExtraFiles &extraFiles = {});

} // namespace pointage
