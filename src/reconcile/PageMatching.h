// Turns stored page reads into page outcomes and per-candidate evidence: classify each page (or
// take a person's decision for it), cut each file into dossiers, then check every confirmation
// against the roster (unknown, withdrawn, stale, duplicate).
#pragma once

#include "CandidateEvidence.h"
#include "pointage/LedgerSnapshot.h"
#include "pointage/PageClassifier.h"
#include "pointage/PageOutcome.h"

#include <QHash>
#include <QList>

namespace pointage {

// Candidate number -> position in LedgerSnapshot::candidates.
using RosterIndex = QHash<QString, int>;

RosterIndex indexRoster(const QList<CandidateRecord> &candidates);

struct MatchedPages
{
    QList<PageOutcome> pages;
    QList<CandidateEvidence> evidence; // parallel to LedgerSnapshot::candidates
};

// `recognitionHash`: the current rules' RequirementRules::recognitionHash(); a supporting
// page left untyped takes the piece recognised on it under those rules, never under others.
MatchedPages matchPages(const LedgerSnapshot &snapshot, const RosterIndex &roster,
                        const PageClassifier &classifier, QDate asOf,
                        const QString &recognitionHash = {});

} // namespace pointage
