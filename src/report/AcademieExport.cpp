#include "pointage/AcademieExport.h"

#include "OwnerOnlyFile.h"
#include "pointage/SchoolCsv.h"
#include "pointage/SchoolReminder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <xlsxwriter.h>

namespace pointage {

namespace {

QList<QStringList> academieRows(const AcademieStatus &status)
{
    QList<SchoolReminder> reminders = schoolReminders(status);
    std::stable_sort(reminders.begin(), reminders.end(),
                     [](const SchoolReminder &a, const SchoolReminder &b) {
                         return a.school.uai < b.school.uai;
                     });
    QList<QStringList> rows;
    for (const SchoolReminder &reminder : std::as_const(reminders))
        rows += missingItemRows(reminder, status.window.asOf);
    return rows;
}

Error workbookError(const QString &path, const QString &what)
{
    return makeError(ErrorCode::FileUnreadable,
                     QStringLiteral("le classeur n'a pas pu être écrit (%1) : vérifiez le dossier "
                                    "et vos droits d'écriture.")
                         .arg(what),
                     path);
}

} // namespace

QByteArray academieMissingCsv(const AcademieStatus &status)
{
    return missingItemsCsv(academieRows(status));
}

Result<QByteArray> academieMissingXlsx(const AcademieStatus &status)
{
    const QList<QStringList> rows = academieRows(status);
    const QStringList header = schoolCsvHeader();
    // libxlsxwriter writes to a file: a private folder of our own, read back, so that the
    // workbook reaches the reports folder through the same link-safe writer as every report.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return workbookError(QString(), QStringLiteral("dossier temporaire indisponible"));
    const QString path = scratch.filePath(QStringLiteral("academie.xlsx"));
    lxw_workbook *workbook = workbook_new(QFile::encodeName(path).constData());
    if (!workbook)
        return workbookError(path, QStringLiteral("création impossible"));
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Manquants");
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    // Cells are written as strings: candidate numbers and specialty codes keep their zeros.
    for (int c = 0; c < header.size(); ++c)
        worksheet_write_string(sheet, 0, lxw_col_t(c), header.at(c).toUtf8().constData(), bold);
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        for (int c = 0; c < row.size(); ++c)
            worksheet_write_string(sheet, lxw_row_t(r + 1), lxw_col_t(c),
                                   row.at(c).toUtf8().constData(), nullptr);
    }
    const double widths[] = {11, 36, 10, 24, 14, 22, 18, 44, 40, 11, 11, 11};
    for (int c = 0; c < header.size() && c < int(std::size(widths)); ++c)
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);
    worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows.size()), lxw_col_t(header.size() - 1));
    worksheet_freeze_panes(sheet, 1, 0);
    if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR)
        return workbookError(path, QString::fromUtf8(lxw_strerror(error)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return workbookError(path, QStringLiteral("relecture impossible"));
    return file.readAll();
}

Result<WrittenReports> writeAcademieExport(const AcademieStatus &status, const QString &directory)
{
    QDir dir(directory);
    if (!dir.mkpath(QStringLiteral("."))) {
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("Impossible de créer le dossier de sortie. Vérifiez le "
                                        "chemin et vos droits d'écriture."),
                         directory);
    }
    auto workbook = academieMissingXlsx(status);
    if (!workbook)
        return workbook.error();
    WrittenReports written;
    const std::pair<const char *, QByteArray> files[] = {
        {"academie-manquants.csv", academieMissingCsv(status)},
        {"academie-manquants.xlsx", workbook.value()}};
    for (const auto &[name, bytes] : files) {
        const QString path = dir.absoluteFilePath(QString::fromLatin1(name));
        auto notes = writeOwnerOnlyFile(path, bytes);
        if (!notes)
            return notes.error();
        written.files.append(path);
        written.diagnostics += notes.value();
    }
    return written;
}

} // namespace pointage
