#include "pointage/DecisionChecks.h"

#include <algorithm>

namespace pointage {

namespace {

bool pageDecision(DecisionKind kind)
{
    return kind == DecisionKind::AssignConfirmation || kind == DecisionKind::AssignPiece ||
           kind == DecisionKind::IgnorePage;
}

bool needsCandidate(DecisionKind kind)
{
    return kind != DecisionKind::IgnorePage;
}

bool needsPiece(DecisionKind kind)
{
    return kind == DecisionKind::ReceivePiece;
}

} // namespace

Status checkDecision(const Decision &d, const AcademieStatus &status, const RequirementRules &rules)
{
    if (pageDecision(d.kind)) {
        const bool known = std::any_of(status.pages.cbegin(), status.pages.cend(),
                                       [&](const PageOutcome &p) { return p.pageId == d.pageId; });
        if (!known) {
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("la page n° %1 n'existe pas. Vérifiez le numéro de "
                                            "page (liste des pages à traiter).")
                                 .arg(d.pageId));
        }
    }
    if (needsCandidate(d.kind)) {
        const QString number = normaliseCandidateNumber(d.candidateNumber);
        const bool onRoster =
            !number.isEmpty() &&
            std::any_of(
                status.candidateStatus.cbegin(), status.candidateStatus.cend(),
                [&](const CandidateStatus &c) { return c.candidate.candidateNumber == number; });
        if (!onRoster) {
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("le candidat « %1 » n'est pas dans les listes "
                                            "importées. Vérifiez le numéro, ou importez l'export "
                                            "Cyclades à jour.")
                                 .arg(d.candidateNumber));
        }
    }
    if (needsPiece(d.kind) && d.pieceCode.isEmpty())
        return makeError(ErrorCode::Format, QStringLiteral("indiquez la pièce reçue."));
    if (!d.pieceCode.isEmpty()) {
        QStringList codes;
        for (const PieceType &p : rules.pieceTypes())
            codes.append(p.code);
        if (!codes.contains(d.pieceCode)) {
            return makeError(ErrorCode::Format,
                             QStringLiteral("type de pièce inconnu « %1 ». Types connus : %2.")
                                 .arg(d.pieceCode, codes.join(QStringLiteral(", "))));
        }
    }
    return Ok{};
}

Result<qint64> takeDecision(Ledger &ledger, Decision decision, const AcademieStatus &status,
                            const RequirementRules &rules)
{
    if (!decision.candidateNumber.isEmpty()) {
        const QString number = normaliseCandidateNumber(decision.candidateNumber.trimmed());
        if (!number.isEmpty())
            decision.candidateNumber = number;
    }
    decision.pieceCode = decision.pieceCode.trimmed().toUpper();
    if (decision.kind == DecisionKind::AssignConfirmation && !decision.pieceCode.isEmpty())
        decision.kind = DecisionKind::AssignPiece;
    if (decision.kind == DecisionKind::ReceiveConfirmation && !decision.pieceCode.isEmpty())
        decision.kind = DecisionKind::ReceivePiece;
    if (Status s = checkDecision(decision, status, rules); !s)
        return s.error();
    return ledger.recordDecision(decision);
}

} // namespace pointage
