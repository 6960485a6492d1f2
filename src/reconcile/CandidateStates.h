// From one candidate's evidence to their status: owed and missing pieces, the state against
// the return window, and the dates people ask about.
#pragma once

#include "CandidateEvidence.h"
#include "pointage/LedgerSnapshot.h"
#include "pointage/ReturnWindow.h"
#include "pointage/StatusTypes.h"

namespace pointage {

CandidateStatus candidateStatus(const CandidateRecord &record, const CandidateEvidence &evidence,
                                const QList<PieceType> &owed, const ReturnWindow &window,
                                QDate asOf);

} // namespace pointage
