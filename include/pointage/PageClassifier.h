// Decides what one scanned page is from its stored reads alone (no roster, no neighbours):
// blank, plain (no code), our confirmation, our bordereau (cover sheet), our separator sheet,
// or an exception. Two more
// roles, SupportingOf and Ignored, are only ever set by people's decisions.
// Thread-safety: a PageClassifier is immutable; classify() may run on several threads.
#pragma once

#include "pointage/BarcodePatterns.h"
#include "pointage/PageOutcome.h"
#include "pointage/ScanTypes.h"

#include <QString>
#include <QStringList>

namespace pointage {

enum class PageRoleKind {
    Blank,
    Plain,
    Confirmation,
    CoverSheet,
    Separator,
    Exception,
    SupportingOf,
    Ignored
};

struct PageRole
{
    PageRoleKind kind = PageRoleKind::Plain;
    QString candidateNumber;   // Confirmation, CoverSheet, SupportingOf
    QString inscriptionNumber; // Confirmation, when the code carries it
    int version = 0;           // Confirmation, when the code carries it
    QString pieceCode;         // Separator; SupportingOf (empty: piece type unknown)
    ExceptionReason reason = ExceptionReason::None; // Exception
    QString value;  // the code value(s) read on the page behind the role, never anything else
    QString detail; // DecodeFailed: what went wrong (French), e.g. the page timed out
    QStringList readCandidates; // ConflictingCodes: every candidate number read on the page

    static PageRole blank();
    static PageRole plain();
    static PageRole confirmation(const QString &candidateNumber, int version = 0);
    static PageRole coverSheet(const QString &candidateNumber);
    static PageRole separator(const QString &pieceCode);
    static PageRole exception(ExceptionReason reason, const QString &value = {});
    static PageRole supportingOf(const QString &candidateNumber, const QString &pieceCode = {});
    static PageRole ignored();
};

class PageClassifier
{
public:
    explicit PageClassifier(BarcodePatterns patterns = {});

    // Our codes must agree: two confirmation codes naming different candidates (or versions),
    // or codes of two kinds of ours (confirmation, bordereau, separator) on one page, are
    // ConflictingCodes — a misread beside a good read is common, so never pick one. A
    // foreign code beside one of ours is ignored; a page with only foreign codes is ForeignCode
    // unless an unreadable code was also seen (that one may have been ours: UnreadableCode).
    PageRole classify(const PageRead &read) const;

private:
    BarcodePatterns m_patterns;
};

} // namespace pointage
