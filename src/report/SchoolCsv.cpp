#include "pointage/SchoolCsv.h"

#include "CsvCell.h"

namespace pointage {

namespace {

struct CsvItem
{
    QString reason;
    QString pieceLabel;
    QString pieceCode;
};

QList<CsvItem> itemsFor(ReminderReason reason, const CandidateStatus &c)
{
    switch (reason) {
    case ReminderReason::MissingConfirmation: {
        QList<CsvItem> items{{QStringLiteral("Confirmation d'inscription non reçue"),
                              confirmationLabel(), QString()}};
        for (const PieceType &piece : c.missingPieces)
            items.append(
                {QStringLiteral("Pièce justificative non reçue"), piece.label, piece.code});
        return items;
    }
    case ReminderReason::WithoutConfirmation: {
        QList<CsvItem> items{
            {QStringLiteral("Dossier reçu le %1 sans la confirmation d'inscription signée")
                 .arg(c.dossierReceived.toString(QStringLiteral("dd/MM/yyyy"))),
             confirmationLabel(), QString()}};
        for (const PieceType &piece : c.missingPieces)
            items.append(
                {QStringLiteral("Pièce justificative non reçue"), piece.label, piece.code});
        return items;
    }
    case ReminderReason::UnsignedConfirmation: {
        QList<CsvItem> items{
            {QStringLiteral("Confirmation reçue le %1 non signée : à renvoyer "
                            "signée")
                 .arg(c.confirmationReceived.toString(QStringLiteral("dd/MM/yyyy"))),
             confirmationLabel(), QString()}};
        for (const PieceType &piece : c.missingPieces)
            items.append(
                {QStringLiteral("Pièce justificative non reçue"), piece.label, piece.code});
        return items;
    }
    case ReminderReason::MissingPieces: {
        QList<CsvItem> items;
        for (const PieceType &piece : c.missingPieces)
            items.append(
                {QStringLiteral("Pièce justificative non reçue"), piece.label, piece.code});
        return items;
    }
    case ReminderReason::ReceivedLate:
        return {{QStringLiteral("Dossier reçu après la date de clôture, le %1")
                     .arg(c.confirmationReceived.toString(QStringLiteral("dd/MM/yyyy"))),
                 QString(), QString()}};
    case ReminderReason::StaleConfirmation:
        break;
    }
    return {{QStringLiteral("Confirmation périmée : version %1 reçue, version %2 attendue")
                 .arg(c.scannedVersion)
                 .arg(c.candidate.version),
             confirmationLabel(), QString()}};
}

// `textCodes`: columns holding digit codes that must stay text in a spreadsheet.
void appendRow(QString &out, const QStringList &cells, const QList<int> &textCodes = {})
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += u';';
        out += textCodes.contains(int(i)) ? spreadsheetTextCode(cells.at(i))
                                          : spreadsheetSafeCell(cells.at(i));
    }
    out += QStringLiteral("\r\n");
}

QString shortDate(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

// What arrived, and when: the confirmation, else the dossier under its bordereau.
QDate receivedOn(const CandidateStatus &c)
{
    return c.confirmationReceived.isValid() ? c.confirmationReceived : c.dossierReceived;
}

} // namespace

QStringList schoolCsvHeader()
{
    return {QStringLiteral("UAI"),
            QStringLiteral("Établissement"),
            QStringLiteral("Code spécialité"),
            QStringLiteral("Spécialité"),
            QStringLiteral("N° candidat"),
            QStringLiteral("Nom"),
            QStringLiteral("Prénom(s)"),
            QStringLiteral("Motif"),
            QStringLiteral("Pièce"),
            QStringLiteral("Code pièce"),
            QStringLiteral("Reçu le"),
            QStringLiteral("État au")};
}

QList<int> missingItemTextColumns()
{
    return {2, 4};
}

QList<QStringList> missingItemRows(const SchoolReminder &reminder, const QDate &asOf)
{
    QList<QStringList> rows;
    for (const ReminderReason reason : allReminderReasons) {
        for (const CandidateStatus &c : reminder.candidates(reason)) {
            const RosterRow &row = c.candidate;
            for (const CsvItem &item : itemsFor(reason, c)) {
                rows.append({reminder.school.uai, reminder.school.name, row.specialtyCode,
                             row.specialtyLabel, row.candidateNumber, displayedLastName(row),
                             row.firstNames, item.reason, item.pieceLabel, item.pieceCode,
                             shortDate(receivedOn(c)), shortDate(asOf)});
            }
        }
    }
    return rows;
}

QByteArray missingItemsCsv(const QList<QStringList> &rows)
{
    QString out;
    appendRow(out, schoolCsvHeader());
    for (const QStringList &row : rows)
        appendRow(out, row, missingItemTextColumns());
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

QByteArray schoolCsv(const SchoolReminder &reminder, const QDate &asOf)
{
    return missingItemsCsv(missingItemRows(reminder, asOf));
}

} // namespace pointage
