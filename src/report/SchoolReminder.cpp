#include "pointage/SchoolReminder.h"

#include <QHash>

namespace pointage {

namespace {

bool isActive(const CandidateStatus &c)
{
    return !c.withdrawn && c.state != CandidateState::Withdrawn &&
           c.state != CandidateState::WithdrawnReceived;
}

bool confirmationMissing(const CandidateStatus &c)
{
    return c.state == CandidateState::NotReceived || c.state == CandidateState::LateMissing;
}

// `late` alone is not enough: a reconciliation may flag a late *absence* too.
bool arrivedLate(const CandidateStatus &c)
{
    return c.state == CandidateState::ReceivedLate ||
           (c.late && !confirmationMissing(c) && c.confirmationReceived.isValid());
}

void file(SchoolReminder &reminder, const CandidateStatus &c)
{
    if (confirmationMissing(c)) {
        reminder.missingConfirmation.append(c);
        return;
    }
    if (c.state == CandidateState::WithoutSignedConfirmation) {
        reminder.withoutConfirmation.append(c);
        return;
    }
    if (c.state == CandidateState::UnsignedConfirmation)
        reminder.unsignedConfirmation.append(c);
    if (!c.missingPieces.isEmpty())
        reminder.missingPieces.append(c);
    if (arrivedLate(c))
        reminder.receivedLate.append(c);
    if (c.stale || c.state == CandidateState::Stale)
        reminder.staleConfirmation.append(c);
}

} // namespace

const QList<CandidateStatus> &SchoolReminder::candidates(ReminderReason reason) const
{
    switch (reason) {
    case ReminderReason::MissingConfirmation:
        return missingConfirmation;
    case ReminderReason::WithoutConfirmation:
        return withoutConfirmation;
    case ReminderReason::UnsignedConfirmation:
        return unsignedConfirmation;
    case ReminderReason::MissingPieces:
        return missingPieces;
    case ReminderReason::ReceivedLate:
        return receivedLate;
    case ReminderReason::StaleConfirmation:
        break;
    }
    return staleConfirmation;
}

bool SchoolReminder::nothingMissing() const
{
    return missingConfirmation.isEmpty() && withoutConfirmation.isEmpty() &&
           unsignedConfirmation.isEmpty() && missingPieces.isEmpty() && receivedLate.isEmpty() &&
           staleConfirmation.isEmpty();
}

QList<SchoolReminder> schoolReminders(const AcademieStatus &status)
{
    QList<SchoolReminder> reminders;
    QHash<QString, qsizetype> indexByUai;
    reminders.reserve(status.schools.size());
    for (const SchoolStatus &school : status.schools) {
        indexByUai.insert(school.uai, reminders.size());
        reminders.append(SchoolReminder{school, {}, {}, {}, {}, {}, {}});
    }
    for (const CandidateStatus &c : status.candidateStatus) {
        if (!isActive(c))
            continue;
        auto found = indexByUai.constFind(c.candidate.uai);
        if (found == indexByUai.constEnd()) {
            SchoolStatus orphan;
            orphan.uai = c.candidate.uai;
            orphan.name = c.candidate.establishmentName;
            found = indexByUai.insert(orphan.uai, reminders.size());
            reminders.append(SchoolReminder{orphan, {}, {}, {}, {}, {}, {}});
        }
        file(reminders[*found], c);
    }
    return reminders;
}

QString reminderReasonTitle(ReminderReason reason)
{
    switch (reason) {
    case ReminderReason::MissingConfirmation:
        return QStringLiteral("Confirmations d'inscription non reçues");
    case ReminderReason::WithoutConfirmation:
        return QStringLiteral("Dossiers reçus sans la confirmation d'inscription signée");
    case ReminderReason::UnsignedConfirmation:
        return QStringLiteral("Confirmations reçues non signées, à renvoyer signées");
    case ReminderReason::MissingPieces:
        return QStringLiteral("Pièces justificatives manquantes");
    case ReminderReason::ReceivedLate:
        return QStringLiteral("Dossiers reçus après la date de clôture");
    case ReminderReason::StaleConfirmation:
        break;
    }
    return QStringLiteral("Confirmations à remplacer (version périmée)");
}

QString confirmationLabel()
{
    return QStringLiteral("Confirmation d'inscription signée");
}

QString displayedLastName(const RosterRow &row)
{
    if (row.usageName.isEmpty() || row.usageName == row.lastName)
        return row.lastName;
    return QStringLiteral("%1 (usage : %2)").arg(row.lastName, row.usageName);
}

} // namespace pointage
