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
#include <memory>

namespace pointage {

// What reconciliation derives from the roster and the rules alone (the candidates' filing
// order, the pieces each one owes, the index by number), computed once and reused while only
// decisions change: the web desk after a clerk's decision. Opaque; immutable once made.
class RosterPlan;
std::shared_ptr<const RosterPlan> planRoster(const QList<CandidateRecord> &candidates,
                                             const RequirementRules &rules,
                                             const SessionConfig &config);

// Pages received after `asOf`, and desk receipts dated after it, are left out: the answer is
// what the office knew that evening. People's decisions about pages apply whenever they were
// taken: they identify paper that had already arrived.
// Supporting pages of unknown piece type are never attributed by guess: while a dossier holds
// one, its owed pieces not yet identified are "à vérifier" (CandidateState::ToVerify, the pages
// flagged PageOutcome::toIdentify for the clerk's queue), not missing; a person types the page.
AcademieStatus reconcile(const LedgerSnapshot &snapshot, const RequirementRules &rules,
                         const SessionConfig &config, QDate asOf);
// The same with a plan made by planRoster() from these very candidates, rules and
// configuration; a plan made for another roster is not used (the roster is planned again).
AcademieStatus reconcile(const LedgerSnapshot &snapshot, const RequirementRules &rules,
                         const SessionConfig &config, QDate asOf, const RosterPlan &plan);

} // namespace pointage
