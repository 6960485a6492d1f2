// What to do about each page of the exception queue, said the same way by every front end:
// the owner the page points at (number, name, school) and typed pieces of advice that follow
// the reason's own instructions — a stale confirmation is never offered as the candidate's
// confirmation, a page with a foreign code is offered as a piece of the dossier it sits in
// (or to be ignored), never as a second confirmation.
// Thread-safety: pure functions of an AcademieStatus.
#pragma once

#include "pointage/StatusTypes.h"

#include <QList>
#include <QString>

namespace pointage {

enum class AdviceKind {
    AssignConfirmation,         // the page is probably this candidate's confirmation
    AssignPiece,                // the page is probably a piece of this candidate's dossier
    IgnorePage,                 // the page counts for nobody
    AskSchoolForCurrentVersion, // stale: the school must send the current version, signed
    CheckWithSchool,            // withdrawn candidate: ask the school what happened
    WaitForImport,              // unknown number: resolves itself when an export lists it
    DecideOpeningPage,          // the page follows the fate of the page opening its dossier
    LookAtSignature,            // doubtful signature: look at the zone the check saw
    JudgeSigned,                // …and say the confirmation is signed
    JudgeUnsigned,              // …or that it is not (the school is asked to send it signed)
};

struct Advice
{
    AdviceKind kind = AdviceKind::IgnorePage;
    QString candidateNumber; // the candidate concerned; may be empty (AssignPiece: unknown owner)
    QString candidateLabel;  // number, name and school, when on the roster
    QString pieceCode;       // AssignPiece: the piece offered (the one still owed, when one is)
    qint64 pageId = 0;       // DecideOpeningPage: the page to decide first
    QString text;            // French, for a person
};

struct ExceptionEntry
{
    PageOutcome page;
    QString ownerLabel; // the candidate the page's code points at, with name and school; or ""
    QList<Advice> advice;
};

// Every page a person must look at (PageOutcome::needsPerson: open exceptions, supporting
// pages to identify in a dossier that still owes a piece, and confirmations whose signature is
// doubtful), in page order, with its advice.
QList<ExceptionEntry> exceptionQueue(const AcademieStatus &status);

// Short French label of an advice kind, e.g. for a column header or a button.
QString adviceLabel(AdviceKind kind);
// Stable key for JSON.
QString adviceKey(AdviceKind kind);

} // namespace pointage
