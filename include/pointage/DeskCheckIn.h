// Check-in at the counter, the same for every front end: a clerk scans (or types) a
// confirmation's code, a candidate number or a name, then separator codes or piece codes. Each
// input is recorded as a decision received on the desk's date, or refused with a typed notice:
// unknown code, unknown or withdrawn candidate, confirmation or piece already checked in, piece
// the candidate does not owe. The last check-ins can be undone one by one.
// Thread-safety: a DeskCheckIn is used by the thread that owns the Ledger.
#pragma once

#include "pointage/Decisions.h"
#include "pointage/StatusTypes.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QString>
#include <memory>
#include <optional>

namespace pointage {

struct DeskNotice
{
    enum class Kind {
        ConfirmationRecorded,
        ConfirmationAlreadyReceived, // not recorded again
        PieceRecorded,
        PieceAlreadyReceived, // not recorded again
        PieceNotOwed,         // recorded, but the rules do not ask this candidate for it
        PieceWithoutCandidate,
        UnknownCandidate,
        WithdrawnCandidate,
        CodeNotRecognised,
        SeveralCandidates, // a name search matched several: choose by number
        NoCandidateFound,  // a name search matched nobody
        Undone,
        NothingToUndo,
        Failed, // the ledger refused the write; the message says why
    };
    Kind kind = Kind::CodeNotRecognised;
    bool alarm = false; // something the clerk must look at (the CLI rings the bell)
    QString message;    // French
};

struct DeskChecklistItem
{
    PieceType piece;
    bool received = false;
};

struct DeskAnswer
{
    QList<DeskNotice> notices;
    // The candidate now at the counter (after a confirmation, number or unique name).
    std::optional<RosterRow> candidate;
    QList<DeskChecklistItem> checklist; // that candidate's owed pieces
    QList<RosterRow> matches;           // SeveralCandidates: who matched, in filing order
};

class DeskCheckIn
{
public:
    // `status` is what was known when the desk opened; `received` dates every check-in and must
    // fall inside the session (ErrorCode::Format otherwise, see checkReceiptDate()).
    static Result<std::unique_ptr<DeskCheckIn>> open(Ledger &ledger, const DecisionRules &rules,
                                                     AcademieStatus status, QDate received);

    // A confirmation or separator code, a candidate number, a piece code, or a name.
    DeskAnswer handle(const QString &input);
    // Undoes the latest check-in recorded by this desk that is not undone yet.
    DeskAnswer undoLast();

private:
    DeskCheckIn(Ledger &ledger, const DecisionRules &rules, AcademieStatus status, QDate received);
    const CandidateStatus *find(const QString &number) const;
    DeskAnswer selectCandidate(const CandidateStatus &candidate);
    DeskAnswer checkInPiece(const QString &code);
    DeskAnswer searchByName(const QString &text);
    QList<DeskChecklistItem> checklist(const CandidateStatus &candidate) const;
    bool pieceReceived(const CandidateStatus &candidate, const QString &code) const;
    std::optional<qint64> record(DecisionKind kind, const QString &number, const QString &piece,
                                 DeskAnswer &answer);

    Ledger &m_ledger;
    DecisionRules m_rules;
    AcademieStatus m_status;
    QDate m_received;
    QSet<QString> m_confirmations; // candidate numbers checked in by this desk
    QSet<QString> m_pieces;        // "number/CODE" checked in by this desk
    QList<Decision> m_recorded;    // this desk's decisions, latest last
    QString m_current;             // candidate at the counter
};

} // namespace pointage
