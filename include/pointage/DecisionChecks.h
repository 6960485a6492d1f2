// What a person may decide, checked the same way for every front end before a decision is
// recorded: the page exists, the candidate is on the roster, the piece type is one the rules
// know. Then the decision is recorded (journaled with who and when).
// Thread-safety: pure checks; takeDecision() uses the ledger of the calling thread.
#pragma once

#include "pointage/Ledger.h"
#include "pointage/RequirementRules.h"
#include "pointage/StatusTypes.h"

namespace pointage {

// Errors: NotFound (page or candidate unknown), Format (piece type unknown, kind needs a
// page or a candidate). Messages are French and say what to do.
Status checkDecision(const Decision &decision, const AcademieStatus &status,
                     const RequirementRules &rules);

// Normalises the candidate number and piece code (a piece code turns an assignment or a
// receipt of the confirmation into one of that piece), checks, then records. Returns the id.
Result<qint64> takeDecision(Ledger &ledger, Decision decision, const AcademieStatus &status,
                            const RequirementRules &rules);

} // namespace pointage
