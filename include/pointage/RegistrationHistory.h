// A candidate's registration history: each version the imports recorded, newest first, with
// the import it came from and what changed from the version before (French field labels), so
// a clerk can see why a confirmation printed earlier is now stale.
// Thread-safety: registrationHistory() on the thread that owns the Ledger; the rest is pure.
#pragma once

#include "pointage/Ledger.h"

#include <QList>
#include <QString>

namespace pointage {

struct RegistrationChange
{
    QString field; // "Nom de famille", "Spécialité"…
    QString before;
    QString after;
};

struct RegistrationVersion
{
    CandidateVersion version;
    bool first = false;                // the candidate's first appearance
    QList<RegistrationChange> changes; // from the previous version; empty when first
};

// What differs between two versions of one registration, in the order of the export's columns.
QList<RegistrationChange> registrationChanges(const RosterRow &before, const RosterRow &after);

// Newest first. Errors: ErrorCode::Database.
Result<QList<RegistrationVersion>> registrationHistory(const Ledger &ledger,
                                                       const QString &candidateNumber);

} // namespace pointage
