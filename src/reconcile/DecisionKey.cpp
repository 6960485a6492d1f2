// Stable keys under which the ledger stores human decisions: never translate or rename them,
// existing ledgers hold these strings.
#include "pointage/LedgerSnapshot.h"

namespace pointage {

QString decisionKey(DecisionKind kind)
{
    switch (kind) {
    case DecisionKind::AssignConfirmation:
        return QStringLiteral("assign_confirmation");
    case DecisionKind::AssignPiece:
        return QStringLiteral("assign_piece");
    case DecisionKind::IgnorePage:
        return QStringLiteral("ignore_page");
    case DecisionKind::ReceiveConfirmation:
        return QStringLiteral("receive_confirmation");
    case DecisionKind::ReceivePiece:
        return QStringLiteral("receive_piece");
    case DecisionKind::SignatureSigned:
        return QStringLiteral("signature_signed");
    case DecisionKind::SignatureUnsigned:
        return QStringLiteral("signature_unsigned");
    }
    return {};
}

} // namespace pointage
