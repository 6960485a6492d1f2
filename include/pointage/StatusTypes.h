// The answer a DIEC manager needs, computed as of a date: per candidate, per school and for the
// académie. Produced by the reconciliation, consumed by the reports and the CLI.
// Thread-safety: plain values.
#pragma once

#include "pointage/PageOutcome.h"
#include "pointage/RosterTypes.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace pointage {

enum class CandidateState {
    Complete,                  // confirmation + every owed piece, on time
    Incomplete,                // confirmation received, some pieces missing (told to the school)
    ToVerify,                  // confirmation received, owed pieces not yet identified among
                               // the dossier's untyped pages (told to the clerk, never the school)
    NotReceived,               // nothing yet, window still open
    WithoutSignedConfirmation, // a dossier came under our bordereau, but no signed confirmation
    UnsignedConfirmation,      // the confirmation came unsigned: to be sent back signed
    SignatureToVerify,         // the confirmation's signature is doubtful: a person looks
                               // (told to the clerk, never the school)
    LateMissing,               // nothing, and the deadline has passed
    ReceivedLate,              // received complete or not, but after the closing date
    Stale,                     // only an older inscription version was received
    Withdrawn,                 // no longer on the roster, nothing received
    WithdrawnReceived,         // no longer on the roster, yet papers arrived
};

QString stateText(CandidateState state); // French label
QString stateKey(CandidateState state);  // stable key for JSON / CSV

struct PieceType
{
    QString code;  // "ID", "DIPLOME"…
    QString label; // French label
};

struct CandidateStatus
{
    RosterRow candidate;
    bool withdrawn = false;
    CandidateState state = CandidateState::NotReceived;
    QDate confirmationReceived; // first on-time or earliest receipt; null when none
    QDate dossierReceived;      // earliest bordereau read; null when none
    bool late = false;
    bool stale = false;
    int scannedVersion = 0; // inscription version on the confirmation read, 0 if unknown
    QList<PieceType> owedPieces;
    // Owed and not identified. *Missing* (told to the school) only when no supporting page of
    // the dossier is left unidentified; otherwise *to verify* (told to the clerk): one of those
    // pages may well be the piece, and nobody may guess which. Never both at once.
    QList<PieceType> missingPieces;
    QList<PieceType> piecesToVerify;
    QStringList receivedPieceCodes;
    int unidentifiedPages = 0; // supporting pages whose piece type could not be told
    // The counted confirmation's signature: Signed when any copy is signed (or not checked),
    // else Doubtful when a copy awaits a person, else Unsigned. NotChecked: no confirmation.
    SignatureState confirmationSignature = SignatureState::NotChecked;
    int openExceptions = 0; // exceptions whose decoded value points at this candidate
};

struct SchoolStatus
{
    QString uai;
    QString name;
    int candidates = 0; // active (not withdrawn)
    int complete = 0;
    int incomplete = 0;
    int toVerify = 0;    // ToVerify, SignatureToVerify: the clerk looks before any letter
    int notReceived = 0; // NotReceived + LateMissing
    // WithoutSignedConfirmation + UnsignedConfirmation: no signed confirmation, though paper
    // came (a dossier under our bordereau, or the confirmation without its signature).
    int withoutConfirmation = 0;
    int late = 0;
    int stale = 0;
    int withdrawnReceived = 0;
    int openExceptions = 0;
    QDate lastReceipt;
    bool nothingReceived() const
    {
        return complete + incomplete + toVerify + late + stale + withoutConfirmation == 0;
    }
    double percentReceived() const; // confirmations in, 0–100
};

struct ReturnWindowInfo
{
    QString session;
    QDate opens;
    QDate closes;
    QDate registrationCloses;
    QDate asOf;
    int daysLeft = 0; // 0 on the closing day, negative after
    bool pastDeadline() const { return asOf > closes; }
};

struct AcademieStatus
{
    ReturnWindowInfo window;
    int candidates = 0;
    int complete = 0;
    int incomplete = 0;
    int toVerify = 0;
    int notReceived = 0;
    int withoutConfirmation = 0;
    int late = 0;
    int stale = 0;
    int withdrawnReceived = 0;
    int openExceptions = 0;
    int pagesToIdentify = 0;     // supporting pages a clerk must type (PageOutcome::toIdentify)
    int signaturesToCheck = 0;   // confirmations a clerk must judge (PageOutcome::signatureToCheck)
    QList<SchoolStatus> schools; // by UAI
    QList<CandidateStatus> candidateStatus;  // by specialty, then French alphabetical order
    QList<PageOutcome> pages;                // every scanned page and its bucket
    QList<QPair<QDate, int>> receiptsPerDay; // confirmations received per day (for the chart)

    double percentReceived() const; // confirmations in, 0–100
    // Schools with active candidates from which no confirmation has arrived yet.
    QList<SchoolStatus> silentSchools() const;
};

} // namespace pointage
