// Computes the whole status as of a date from stored facts: every page's bucket, every
// candidate's state against the rules and the return window, and per-school and académie
// figures. Nothing is stored: an import, a decision or a rules change is reflected by simply
// calling reconcile() again.
// Thread-safety: pure function of its arguments; concurrent calls are independent.
#pragma once

#include "pointage/LedgerSnapshot.h"
#include "pointage/RequirementRules.h"
#include "pointage/SessionConfig.h"
#include "pointage/StatusTypes.h"

#include <QDate>

namespace pointage {

// Pages received after `asOf`, and desk receipts dated after it, are left out: the answer is
// what the office knew that evening. People's decisions about pages apply whenever they were
// taken: they identify paper that had already arrived.
// Supporting pages of unknown piece type are never attributed by guess: while a dossier holds
// one, its owed pieces not yet identified are "à vérifier" (CandidateState::ToVerify, the pages
// flagged PageOutcome::toIdentify for the clerk's queue), not missing; a person types the page.
AcademieStatus reconcile(const LedgerSnapshot &snapshot, const RequirementRules &rules,
                         const SessionConfig &config, QDate asOf);

} // namespace pointage
