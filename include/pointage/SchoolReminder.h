// What one school is asked to send back (the "relance"): its candidates whose confirmation or
// pieces are missing, whose dossier came after the deadline, or whose confirmation is stale.
// Shared by the PDF letter and the CSV so both always list the same rows, in the order of
// AcademieStatus::candidateStatus (specialty, then French alphabetical order).
// Thread-safety: pure functions over plain values.
#pragma once

#include "pointage/StatusTypes.h"

#include <QList>
#include <QString>

namespace pointage {

enum class ReminderReason {
    MissingConfirmation,  // nothing received yet (window open or closed)
    WithoutConfirmation,  // a dossier came under our bordereau, without the signed confirmation
    UnsignedConfirmation, // the confirmation came unsigned: to be sent back signed
    MissingPieces,        // confirmation here, some owed pieces are not
    ReceivedLate,         // received after the closing date
    StaleConfirmation,    // only an older inscription version of the confirmation came
};

inline constexpr ReminderReason allReminderReasons[] = {
    ReminderReason::MissingConfirmation,  ReminderReason::WithoutConfirmation,
    ReminderReason::UnsignedConfirmation, ReminderReason::MissingPieces,
    ReminderReason::ReceivedLate,         ReminderReason::StaleConfirmation};

struct SchoolReminder
{
    SchoolStatus school;
    QList<CandidateStatus> missingConfirmation;
    QList<CandidateStatus> withoutConfirmation;
    QList<CandidateStatus> unsignedConfirmation;
    QList<CandidateStatus> missingPieces;
    QList<CandidateStatus> receivedLate;
    QList<CandidateStatus> staleConfirmation;

    const QList<CandidateStatus> &candidates(ReminderReason reason) const;
    bool nothingMissing() const;
};

// One reminder per school of `status.schools`, same order; a candidate whose UAI is not in that
// list still gets a reminder of its own rather than being dropped. Withdrawn candidates are
// never listed. A candidate only ever appears in its own school's reminder.
QList<SchoolReminder> schoolReminders(const AcademieStatus &status);

// French labels used by both the letter and the CSV.
QString reminderReasonTitle(ReminderReason reason); // "Confirmations d'inscription non reçues"
QString confirmationLabel();                        // "Confirmation d'inscription signée"
QString displayedLastName(const RosterRow &row);    // "MARTIN (usage : DURAND)"

} // namespace pointage
