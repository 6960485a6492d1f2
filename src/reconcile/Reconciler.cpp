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

AcademieStatus reconcile(const LedgerSnapshot &snapshot, const RequirementRules &rules,
                         const SessionConfig &config, QDate asOf)
{
    AcademieStatus status;
    status.window = config.windowInfo(asOf);

    const RosterIndex roster = indexRoster(snapshot.candidates);
    MatchedPages matched = matchPages(snapshot, roster, PageClassifier(config.barcodes), asOf,
                                      rules.recognitionHash());

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
    markPagesToIdentify(status);
    markSignaturesToCheck(status);
    aggregate(status, lastReceipts, snapshot.establishmentNames);
    return status;
}

} // namespace pointage
