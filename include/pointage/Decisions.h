// What a person may decide, with the rules every front end (command line, web desk) must
// apply: assign a page to a candidate, ignore a page, check paper in by hand, undo a decision.
// A decision names a candidate on the roster and a known piece type, dates a receipt inside the
// session, and never silently takes a page that carries another candidate's readable
// confirmation. The ledger journals every decision with who and when.
// Errors: ErrorCode::NotFound (page, candidate or decision unknown), ErrorCode::Format (the
// request itself is wrong: piece type, date), ErrorCode::NeedsConfirmation (the page is another
// candidate's confirmation: nothing written; the person confirms by retrying with `force`, and
// the journal says whose confirmation was overridden), ErrorCode::Database. Messages are French.
// Thread-safety: call from the thread that owns the Ledger.
#pragma once

#include "pointage/Ledger.h"
#include "pointage/RequirementRules.h"
#include "pointage/SessionConfig.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace pointage {

// "02270001007 OLIVIER Marc — LP LES ALPILLES (0131234W)": how a candidate is named wherever a
// clerk checks paper against the screen (never in logs or the journal).
QString candidateLabel(const RosterRow &row);
// French label of a decision kind ("attribution comme confirmation"…).
QString decisionLabel(DecisionKind kind);

struct DecisionRules
{
    const SessionConfig &config;
    const RequirementRules &rules;
};

struct PageAssignment
{
    QString page;       // "123" (page number in the queue) or "lot-002.pdf#14"
    QString candidate;  // candidate number, 10 or 11 digits
    QString pieceCode;  // empty: the page is the candidate's confirmation
    bool force = false; // take a page that carries another candidate's confirmation
    QString user;       // who decides (the web desk's logged-in name); empty: the OS user
};

struct PaperReceipt
{
    QString candidate;
    QString pieceCode; // empty: the confirmation
    QDate date;        // when the paper arrived; must fall inside the session
    QString user;      // who checks it in; empty: the OS user
};

struct RecordedDecision
{
    Decision decision;                  // as recorded, with its id
    std::optional<RosterRow> candidate; // the candidate it names, if any
    // The candidate whose confirmation the page carried, when an assignment was forced over it.
    std::optional<RosterRow> overridden;
};

Result<RecordedDecision> assignPage(Ledger &ledger, const DecisionRules &rules,
                                    const PageAssignment &request);
Result<RecordedDecision> ignorePage(Ledger &ledger, const QString &page, const QString &user = {});
Result<RecordedDecision> receivePaper(Ledger &ledger, const DecisionRules &rules,
                                      const PaperReceipt &request);
struct SignatureJudgement
{
    QString page; // "123" or "lot-002.pdf#14"
    bool isSigned = false;
    QString user; // who judges; empty: the OS user
};

// A person says whether the confirmation on a page is signed; it wins over the check and is
// journaled (undo like any decision). The page must be a confirmation (read, or assigned as
// one): ErrorCode::Format otherwise.
Result<RecordedDecision> judgeSignature(Ledger &ledger, const SessionConfig &config,
                                        const SignatureJudgement &request);

// Returns the decision that was undone.
Result<RecordedDecision> undoDecision(Ledger &ledger, qint64 decisionId, const QString &user = {});

// Decisions oldest first, each with the candidate it names (when still on the roster).
Result<QList<RecordedDecision>> listDecisions(const Ledger &ledger, bool includeUndone);

} // namespace pointage
