// A person's word on a confirmation's signature, and what the check saw, for the front ends.
#include "pointage/Decisions.h"
#include "pointage/PageClassifier.h"

namespace pointage {

namespace {

// Whose confirmation the page is: a person's assignment first, else the code read on it. Only
// that page and the decisions are read, not the whole ledger.
Result<std::optional<QString>> confirmationOwner(const Ledger &ledger, qint64 pageId,
                                                 const BarcodePatterns &patterns)
{
    auto decisions = ledger.decisions(false);
    if (!decisions)
        return decisions.error();
    const Decision *latest = nullptr;
    for (const Decision &decision : std::as_const(decisions.value())) {
        if (decision.pageId == pageId && (decision.kind == DecisionKind::AssignConfirmation ||
                                          decision.kind == DecisionKind::AssignPiece ||
                                          decision.kind == DecisionKind::IgnorePage))
            latest = &decision;
    }
    if (latest) {
        if (latest->kind != DecisionKind::AssignConfirmation)
            return std::optional<QString>();
        return std::optional(latest->candidateNumber);
    }
    auto codes = ledger.pageCodes(pageId);
    if (!codes)
        return codes.error();
    PageRead read;
    read.codes = codes.value();
    const PageRole role = PageClassifier(patterns).classify(read);
    if (role.kind != PageRoleKind::Confirmation)
        return std::optional<QString>();
    return std::optional(role.candidateNumber);
}

} // namespace

Result<RecordedDecision> judgeSignature(Ledger &ledger, const SessionConfig &config,
                                        const SignatureJudgement &request)
{
    auto page = ledger.resolvePage(request.page);
    if (!page)
        return page.error();
    auto found = confirmationOwner(ledger, page.value(), config.barcodes);
    if (!found)
        return found.error();
    const std::optional<QString> &owner = found.value();
    if (!owner)
        return makeError(ErrorCode::Format,
                         QStringLiteral("la page n° %1 n'est pas une confirmation d'inscription : "
                                        "seule une confirmation a une signature à juger. "
                                        "Vérifiez le numéro de la page (pointage exceptions).")
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
    CandidateFilter one;
    one.number = d.candidateNumber;
    if (auto rows = ledger.candidates(one); rows && !rows->isEmpty())
        candidate = rows->first().row;
    return RecordedDecision{d, candidate, std::nullopt};
}

} // namespace pointage
