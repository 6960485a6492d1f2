// The bucket every scanned page ends in: exactly one of confirmation, bordereau (cover sheet),
// supporting document, separator, blank, or exception with a reason. Computed from stored page
// reads + roster + people's decisions, never stored as truth. Thread-safety: plain values.
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace pointage {

enum class PageBucket {
    Confirmation,
    CoverSheet,
    Supporting,
    Separator,
    Blank,
    Exception,
    Ignored
};

enum class ExceptionReason {
    None,
    BeforeFirstConfirmation, // supporting page with no confirmation before it in its file
    UnreadableCode,          // a barcode-like pattern that could not be decoded
    ForeignCode,             // a code that matches none of the configured patterns
    ConflictingCodes,        // two codes on one page that disagree
    DecodeFailed,            // rendering or decoding crashed or failed
    UnknownCandidate,        // well-formed number not (yet) on the roster (confirmation or
                             // bordereau)
    WithdrawnCandidate,      // confirmation or bordereau of a withdrawn candidate
    Duplicate,               // the same confirmation already seen
    StaleVersion,            // confirmation older than the roster's inscription version
    InDossierOfException,    // supporting page following a confirmation that is an exception
};

// What the signature check (and a person) made of a confirmation page.
enum class SignatureState {
    NotChecked, // not a confirmation, no zones configured, or read before the check existed
    Signed,
    Unsigned,
    Doubtful,
};

QString signatureStateText(SignatureState state); // "signée", "non signée", "à vérifier"
QString signatureStateKey(SignatureState state);  // stable key for JSON ("doubtful"…)

struct PageOutcome
{
    qint64 pageId = 0;
    QString file; // file path as recorded
    int page = 0; // 1-based
    QDate received;
    PageBucket bucket = PageBucket::Exception;
    ExceptionReason reason = ExceptionReason::None;
    QString candidateNumber; // owner, when known (also for exceptions: the decoded number)
    QString pieceCode;       // piece type for supporting pages / separators, when known
    QString value;           // the decoded value that led here, if any (a code read, only)
    QString detail;          // DecodeFailed: what went wrong reading the page (French)
    int inscriptionVersion = 0;
    bool byDecision = false; // a person decided this page
    bool recognised = false; // pieceCode read by OCR recognition (`pointage recognize`)
    // Supporting page of unknown type in a dossier that still owes a piece: it may be that
    // piece, so the piece is "à vérifier", and the page waits in the clerk's queue until a
    // person types it (assign --piece) or sets it aside.
    bool toIdentify = false;
    QStringList suggestions; // close roster matches for an exception (candidate numbers)
    // Confirmations: each zone judged (automatic), and the page's verdict — a person's
    // decision when there is one (signatureByDecision), else unsigned when a zone is, else
    // doubtful when a zone is, else signed.
    SignatureState signature = SignatureState::NotChecked;
    bool signatureByDecision = false;
    // A doubtful signature on the only confirmation its candidate has: it waits in the
    // clerk's queue until a person says signed or not.
    bool signatureToCheck = false;

    bool isOpenException() const { return bucket == PageBucket::Exception; }
    // Everything a clerk's queue lists: open exceptions, pages to identify, signatures to check.
    bool needsPerson() const { return isOpenException() || toIdentify || signatureToCheck; }
};

QString bucketName(PageBucket bucket);      // French: "confirmation", "pièce"…
QString bucketKey(PageBucket bucket);       // stable English key for JSON
QString reasonText(ExceptionReason reason); // French sentence for a person
QString reasonKey(ExceptionReason reason);  // stable key for JSON
// Why a page is in the clerk's queue (PageOutcome::needsPerson): its exception reason, or that
// its piece type must be told. Empty for a page nobody needs to look at.
QString attentionText(const PageOutcome &page); // French sentence for a person
QString attentionKey(const PageOutcome &page);  // stable key for JSON ("piece_to_identify"…)

} // namespace pointage
