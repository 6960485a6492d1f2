// Everything the reconciliation needs, read from the ledger in one go: roster, scanned pages
// with their stored barcode reads, and the active human decisions. Facts only — no status.
// Thread-safety: plain values; build one with Ledger::snapshot(), then share read-only.
#pragma once

#include "pointage/RosterTypes.h"
#include "pointage/ScanTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace pointage {

struct CandidateRecord
{
    RosterRow row;          // current version
    bool withdrawn = false; // absent from a newer export of the same scope, or Etat says so
};

enum class DecisionKind {
    AssignConfirmation,  // this page is candidate X's confirmation (starts X's dossier)
    AssignPiece,         // this page is a supporting document of X (piece optional)
    IgnorePage,          // this page is not to be counted
    ReceiveConfirmation, // checked by hand at the desk: X's confirmation is here
    ReceivePiece,        // checked by hand: X's piece P is here
    SignatureSigned,     // a person judged this confirmation page signed
    SignatureUnsigned,   // a person judged this confirmation page unsigned
};

QString decisionKey(DecisionKind kind); // stable key stored in the ledger

struct Decision
{
    qint64 id = 0;
    DecisionKind kind = DecisionKind::IgnorePage;
    qint64 pageId = 0; // for page decisions
    QString candidateNumber;
    QString pieceCode;
    QDate date; // when the paper was received (receive decisions)
    QString user;
    QDateTime at;
    // Journal only: an assignment confirmed over this candidate's readable confirmation.
    QString overriddenCandidate;
};

// What the recognition stage made of a supporting page (ledger schema v4).
struct PageRecognition
{
    QString rulesHash; // RequirementRules::recognitionHash() it was computed with
    QString pieceCode; // empty: left « à identifier »
    double confidence = 0.0;
    QString failure; // French, when the page could not be read (OCR crashed…)
};

struct StoredPage
{
    qint64 id = 0;
    qint64 fileId = 0;
    QString file; // path as recorded
    QDate received;
    PageRead read;
    std::optional<PageRecognition> recognition; // latest reading, whatever its rules
};

struct LedgerSnapshot
{
    QList<CandidateRecord> candidates;
    QHash<QString, QString> establishmentNames; // UAI -> name
    QList<ScannedFile> files;
    QList<StoredPage> pages;   // ordered by file, then page number
    QList<Decision> decisions; // active (not undone), oldest first
};

} // namespace pointage
