#include "pointage/Reconciler.h"

#include "CandidateStates.h"
#include "PageMatching.h"
#include "pointage/RosterOrder.h"
#include "pointage/SchoolAggregation.h"

#include <QSet>

namespace pointage {

namespace {

// An untyped page matters only while its dossier still owes a piece it could be.
void markPagesToIdentify(AcademieStatus &status)
{
    QSet<QString> owing;
    for (const CandidateStatus &c : std::as_const(status.candidateStatus)) {
        if (!c.withdrawn && !c.piecesToVerify.isEmpty())
            owing.insert(c.candidate.candidateNumber);
    }
    for (PageOutcome &page : status.pages) {
        page.toIdentify = page.bucket == PageBucket::Supporting && page.pieceCode.isEmpty() &&
                          owing.contains(page.candidateNumber);
    }
}

// A doubtful signature needs a person only while no other copy of that confirmation stands.
void markSignaturesToCheck(AcademieStatus &status)
{
    QSet<QString> waiting;
    for (const CandidateStatus &c : std::as_const(status.candidateStatus)) {
        if (c.state == CandidateState::SignatureToVerify)
            waiting.insert(c.candidate.candidateNumber);
    }
    for (PageOutcome &page : status.pages) {
        page.signatureToCheck = page.bucket == PageBucket::Confirmation &&
                                page.signature == SignatureState::Doubtful &&
                                waiting.contains(page.candidateNumber);
    }
}

} // namespace

// The plan's parts follow LedgerSnapshot::candidates: index by number, filing order, and the
// pieces owed by each candidate (in snapshot order).
class RosterPlan
{
public:
    // A shared copy, never read: it keeps the list's data alive, so that the same data
    // address means the same candidates.
    QList<CandidateRecord> candidates;
    RosterIndex index;
    std::vector<qsizetype> order;
    QList<QList<PieceType>> owed;

    // Qt lists share their data when copied: a snapshot copied with new decisions still holds
    // the very same candidates; one read again from the ledger does not, and is planned anew.
    bool madeFor(const QList<CandidateRecord> &list) const
    {
        return list.size() == candidates.size() && list.constData() == candidates.constData();
    }
};

std::shared_ptr<const RosterPlan> planRoster(const QList<CandidateRecord> &candidates,
                                             const RequirementRules &rules,
                                             const SessionConfig &config)
{
    auto plan = std::make_shared<RosterPlan>();
    plan->candidates = candidates;
    plan->index = indexRoster(candidates);
    QList<const RosterRow *> rows;
    rows.reserve(candidates.size());
    for (const CandidateRecord &record : candidates)
        rows.append(&record.row);
    plan->order = filingOrder(rows);
    const QDate ageReference = config.ageReferenceDate();
    plan->owed.reserve(candidates.size());
    for (const CandidateRecord &record : candidates)
        plan->owed.append(rules.owedPieces(record.row, ageReference));
    return plan;
}

AcademieStatus reconcile(const LedgerSnapshot &snapshot, const RequirementRules &rules,
                         const SessionConfig &config, QDate asOf)
{
    return reconcile(snapshot, rules, config, asOf,
                     *planRoster(snapshot.candidates, rules, config));
}

AcademieStatus reconcile(const LedgerSnapshot &snapshot, const RequirementRules &rules,
                         const SessionConfig &config, QDate asOf, const RosterPlan &given)
{
    std::shared_ptr<const RosterPlan> replanned;
    if (!given.madeFor(snapshot.candidates))
        replanned = planRoster(snapshot.candidates, rules, config);
    const RosterPlan &plan = replanned ? *replanned : given;

    AcademieStatus status;
    status.window = config.windowInfo(asOf);
    MatchedPages matched = matchPages(snapshot, plan.index, PageClassifier(config.barcodes), asOf,
                                      rules.recognitionHash());

    QList<QDate> lastReceipts;
    status.candidateStatus.reserve(snapshot.candidates.size());
    lastReceipts.reserve(snapshot.candidates.size());
    for (const qsizetype i : plan.order) {
        const CandidateRecord &record = snapshot.candidates.at(i);
        const CandidateEvidence &evidence = matched.evidence.at(i);
        status.candidateStatus.append(
            candidateStatus(record, evidence, plan.owed.at(i), config.window, asOf));
        lastReceipts.append(evidence.lastReceipt());
    }
    status.pages = std::move(matched.pages);
    markPagesToIdentify(status);
    markSignaturesToCheck(status);
    aggregate(status, lastReceipts, snapshot.establishmentNames);
    return status;
}

} // namespace pointage
