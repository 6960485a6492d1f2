#include "pointage/Reconciler.h"

#include "CandidateStates.h"
#include "PageMatching.h"
#include "SchoolAggregation.h"
#include "pointage/RosterOrder.h"

namespace pointage {

AcademieStatus reconcile(const LedgerSnapshot &snapshot, const RequirementRules &rules,
                         const SessionConfig &config, QDate asOf)
{
    AcademieStatus status;
    status.window = config.windowInfo(asOf);

    const RosterIndex roster = indexRoster(snapshot.candidates);
    MatchedPages matched = matchPages(snapshot, roster, PageClassifier(config.barcodes), asOf);

    const QDate ageReference = config.ageReferenceDate();
    QList<QDate> lastReceipts;
    status.candidateStatus.reserve(snapshot.candidates.size());
    lastReceipts.reserve(snapshot.candidates.size());
    QList<const RosterRow *> rows;
    rows.reserve(snapshot.candidates.size());
    for (const CandidateRecord &record : snapshot.candidates)
        rows.append(&record.row);
    for (const qsizetype i : filingOrder(rows)) {
        const CandidateRecord &record = snapshot.candidates.at(i);
        const CandidateEvidence &evidence = matched.evidence.at(i);
        status.candidateStatus.append(candidateStatus(
            record, evidence, rules.owedPieces(record.row, ageReference), config.window, asOf));
        lastReceipts.append(evidence.lastReceipt());
    }
    status.pages = std::move(matched.pages);
    aggregate(status, lastReceipts, snapshot.establishmentNames);
    return status;
}

} // namespace pointage
