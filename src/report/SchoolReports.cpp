#include "pointage/SchoolReports.h"

#include "OwnerOnlyFile.h"
#include "pointage/ReportFileName.h"
#include "pointage/SchoolCsv.h"
#include "pointage/SchoolLetter.h"
#include "pointage/SchoolReminder.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentMap>

namespace pointage {

namespace {

struct SchoolOutcome
{
    QStringList files;
    Diagnostics diagnostics;
};

SchoolOutcome writeOne(const SchoolReminder &reminder, const ReturnWindowInfo &window,
                       const ReportSettings &settings, const QDir &directory,
                       const SchoolExtraFiles &extraFiles)
{
    SchoolOutcome outcome;
    if (reminder.nothingMissing() && !settings.acknowledgeComplete)
        return outcome;
    if (reminder.nothingMissing() && reminder.school.candidates == 0) {
        outcome.diagnostics.append({Diagnostic::Severity::Info, reminder.school.uai, 0, 0,
                                    QStringLiteral("aucun candidat inscrit : pas de courrier "
                                                   "pour cet établissement.")});
        return outcome;
    }
    const QString stem = schoolFileStem(reminder.school.uai, reminder.school.name);
    const QByteArray pdf = schoolLetterPdf(reminder, window, settings);
    const QByteArray csv = schoolCsv(reminder, window.asOf);
    QList<QPair<QString, QByteArray>> files{{stem + QStringLiteral(".pdf"), pdf},
                                            {stem + QStringLiteral(".csv"), csv}};
    if (extraFiles) {
        for (const ExtraReportFile &extra : extraFiles(reminder, stem, pdf, csv))
            files.append({extra.name, extra.bytes});
    }
    for (const auto &[name, bytes] : files) {
        const QString path = directory.absoluteFilePath(name);
        const auto written = writeOwnerOnlyFile(path, bytes);
        if (written.ok()) {
            outcome.files.append(path);
            outcome.diagnostics += written.value();
        } else {
            outcome.diagnostics.append(
                {Diagnostic::Severity::Error, written.error().file, 0, 0, written.error().message});
        }
    }
    return outcome;
}

} // namespace

Result<WrittenReports> writeSchoolReports(const AcademieStatus &status,
                                          const ReportSettings &settings,
                                          const QString &outputDirectory, const QString &onlyUai,
                                          const SchoolExtraFiles &extraFiles)
{
    // Scoping the reminders, not the status: a status cut down to one school would leave the
    // other schools' candidates without a school, and each would get an empty letter.
    QList<SchoolReminder> reminders = schoolReminders(status);
    if (!onlyUai.isEmpty()) {
        const QString uai = onlyUai.trimmed().toUpper();
        reminders.removeIf([&uai](const SchoolReminder &r) { return r.school.uai != uai; });
        if (reminders.isEmpty()) {
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("aucun candidat importé pour l'établissement « %1 » : "
                                            "vérifiez l'UAI (pointage candidates --school UAI).")
                                 .arg(uai));
        }
    }
    QDir directory(outputDirectory);
    if (!directory.mkpath(QStringLiteral("."))) {
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("Impossible de créer le dossier de sortie. Vérifiez le "
                                        "chemin et vos droits d'écriture."),
                         outputDirectory);
    }
    const QList<SchoolOutcome> outcomes =
        QtConcurrent::blockingMapped(reminders, [&](const SchoolReminder &reminder) {
            return writeOne(reminder, status.window, settings, directory, extraFiles);
        });
    WrittenReports written;
    for (const SchoolOutcome &outcome : outcomes) {
        written.files += outcome.files;
        written.diagnostics += outcome.diagnostics;
    }
    return written;
}

} // namespace pointage
