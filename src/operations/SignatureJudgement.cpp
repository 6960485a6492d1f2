// A person's word on a confirmation's signature, and what the check saw, for the front ends.
#include "pointage/Decisions.h"
#include "pointage/PageClassifier.h"

namespace pointage {

namespace {

// Whose confirmation the page is: a person's assignment first, else the code read on it.
std::optional<QString> confirmationOwner(const LedgerSnapshot &snapshot, qint64 pageId,
                                         const BarcodePatterns &patterns)
{
    const Decision *latest = nullptr;
    for (const Decision &decision : snapshot.decisions) {
        if (decision.pageId == pageId && (decision.kind == DecisionKind::AssignConfirmation ||
                                          decision.kind == DecisionKind::AssignPiece ||
                                          decision.kind == DecisionKind::IgnorePage))
            latest = &decision;
    }
    if (latest) {
        if (latest->kind != DecisionKind::AssignConfirmation)
            return std::nullopt;
        return latest->candidateNumber;
    }
    const PageClassifier classifier(patterns);
    for (const StoredPage &page : snapshot.pages) {
        if (page.id != pageId)
            continue;
        const PageRole role = classifier.classify(page.read);
        if (role.kind == PageRoleKind::Confirmation)
            return role.candidateNumber;
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

Result<RecordedDecision> judgeSignature(Ledger &ledger, const SessionConfig &config,
                                        const SignatureJudgement &request)
{
    auto page = ledger.resolvePage(request.page);
    if (!page)
        return page.error();
    auto snapshot = ledger.snapshot();
    if (!snapshot)
        return snapshot.error();
    const std::optional<QString> owner =
        confirmationOwner(snapshot.value(), page.value(), config.barcodes);
    if (!owner)
        return makeError(ErrorCode::Format,
                         QStringLiteral("la page n° %1 n'est pas une confirmation d'inscription : "
                                        "sa signature ne se juge pas.")
                             .arg(page.value()));
    Decision d;
    d.kind = request.isSigned ? DecisionKind::SignatureSigned : DecisionKind::SignatureUnsigned;
    d.pageId = page.value();
    d.candidateNumber = *owner;
    d.user = request.user;
    auto id = ledger.recordDecision(d);
    if (!id)
        return id.error();
    d.id = id.value();
    std::optional<RosterRow> candidate;
    for (const CandidateRecord &record : std::as_const(snapshot->candidates)) {
        if (record.row.candidateNumber == d.candidateNumber)
            candidate = record.row;
    }
    return RecordedDecision{d, candidate, std::nullopt};
}

Result<QList<ZoneReading>> signatureReadings(const Ledger &ledger, const QString &page)
{
    auto id = ledger.resolvePage(page);
    if (!id)
        return id.error();
    return ledger.pageSignatures(id.value());
}

} // namespace pointage
