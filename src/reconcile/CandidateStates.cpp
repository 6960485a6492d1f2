#include "CandidateStates.h"

#include <algorithm>

namespace pointage {

QDate CandidateEvidence::lastReceipt() const
{
    QDate last;
    for (const QList<Receipt> *receipts :
         {&confirmations, &staleConfirmations, &pieces, &coverSheets}) {
        for (const Receipt &receipt : *receipts)
            last = std::max(last, receipt.date);
    }
    return last;
}

namespace {

const Receipt *earliest(const QList<Receipt> &receipts)
{
    const auto found =
        std::min_element(receipts.cbegin(), receipts.cend(),
                         [](const Receipt &a, const Receipt &b) { return a.date < b.date; });
    return found == receipts.cend() ? nullptr : &*found;
}

// How far a copy goes towards the signed confirmation: signed (or not checked, or checked in
// by hand) first, then one a person must judge, then unsigned.
int signatureRank(SignatureState state)
{
    switch (state) {
    case SignatureState::Signed:
    case SignatureState::NotChecked:
        return 0;
    case SignatureState::Doubtful:
        return 1;
    case SignatureState::Unsigned:
        break;
    }
    return 2;
}

// The copy that counts: the best signed, then the earliest of those.
const Receipt *countedConfirmation(const QList<Receipt> &receipts)
{
    const auto found = std::min_element(receipts.cbegin(), receipts.cend(),
                                        [](const Receipt &a, const Receipt &b) {
                                            return std::pair(signatureRank(a.signature), a.date) <
                                                   std::pair(signatureRank(b.signature), b.date);
                                        });
    return found == receipts.cend() ? nullptr : &*found;
}

// Typed pages name their piece. An untyped page is never attributed by elimination, even when
// one owed piece is left: it may be a letter, a second copy, anything. While such a page is in
// the dossier, the owed pieces not yet identified are "to verify" (the clerk's business);
// only when none is left are they "missing" and told to the school.
void countPieces(CandidateStatus &status, const CandidateEvidence &evidence)
{
    int untyped = 0;
    for (const Receipt &receipt : evidence.pieces) {
        if (receipt.pieceCode.isEmpty())
            ++untyped;
        else if (!status.receivedPieceCodes.contains(receipt.pieceCode))
            status.receivedPieceCodes.append(receipt.pieceCode);
    }
    QList<PieceType> &notIdentified = untyped > 0 ? status.piecesToVerify : status.missingPieces;
    for (const PieceType &piece : std::as_const(status.owedPieces)) {
        if (!status.receivedPieceCodes.contains(piece.code))
            notIdentified.append(piece);
    }
    status.unidentifiedPages = untyped;
}

CandidateState stateOf(const CandidateStatus &status, bool paperSeen, bool hasCurrent,
                       const ReturnWindow &window, QDate asOf)
{
    if (status.withdrawn)
        return paperSeen ? CandidateState::WithdrawnReceived : CandidateState::Withdrawn;
    if (!status.confirmationReceived.isValid()) {
        if (status.dossierReceived.isValid())
            return CandidateState::WithoutSignedConfirmation;
        return window.isPastDeadline(asOf) ? CandidateState::LateMissing
                                           : CandidateState::NotReceived;
    }
    if (!hasCurrent)
        return CandidateState::Stale;
    // Before lateness: whatever the date, the school must first send it signed.
    if (status.confirmationSignature == SignatureState::Unsigned)
        return CandidateState::UnsignedConfirmation;
    if (status.confirmationSignature == SignatureState::Doubtful)
        return CandidateState::SignatureToVerify;
    if (status.late)
        return CandidateState::ReceivedLate;
    if (!status.missingPieces.isEmpty())
        return CandidateState::Incomplete;
    return status.piecesToVerify.isEmpty() ? CandidateState::Complete : CandidateState::ToVerify;
}

} // namespace

CandidateStatus candidateStatus(const CandidateRecord &record, const CandidateEvidence &evidence,
                                const QList<PieceType> &owed, const ReturnWindow &window,
                                QDate asOf)
{
    CandidateStatus status;
    status.candidate = record.row;
    status.withdrawn = record.withdrawn;
    status.owedPieces = owed;
    status.openExceptions = evidence.openExceptions;

    const Receipt *current = countedConfirmation(evidence.confirmations);
    const Receipt *confirmation = current ? current : earliest(evidence.staleConfirmations);
    if (confirmation) {
        status.confirmationReceived = confirmation->date;
        status.scannedVersion = confirmation->version;
        // The closing date is for returning the confirmation: a copy of the current version that
        // came on time, unsigned or doubtful, was returned on time, and the signature the office
        // then asks for (by the relance's own date) does not make the dossier late.
        const Receipt *first = current ? earliest(evidence.confirmations) : confirmation;
        status.late = !window.isOnTime(first->date);
    }
    if (current)
        status.confirmationSignature = current->signature;
    status.stale = confirmation && !current;
    if (const Receipt *coverSheet = earliest(evidence.coverSheets))
        status.dossierReceived = coverSheet->date;
    countPieces(status, evidence);
    status.state = stateOf(status, evidence.paperSeen, current != nullptr, window, asOf);
    return status;
}

} // namespace pointage
