// Cuts one scanned file into dossiers: a confirmation or a bordereau (cover sheet) opens its
// candidate's dossier, the plain
// pages after it are that candidate's supporting documents, separator sheets type the pages
// that follow them. Every page gets exactly one bucket; nothing is merged silently.
// Thread-safety: pure function.
#pragma once

#include "pointage/PageClassifier.h"
#include "pointage/PageOutcome.h"

#include <QList>
#include <QString>

namespace pointage {

struct PageSegment
{
    PageBucket bucket = PageBucket::Exception;
    ExceptionReason reason = ExceptionReason::None;
    QString candidateNumber; // Confirmation, CoverSheet and Supporting: the owner
    QString pieceCode;       // the piece type in effect (Separator: the one it sets)
    // Index (in the file) of the page that opened the dossier this page sits in: a
    // confirmation, a bordereau, or an exception that may have been one. -1 outside any dossier and
    // for pages people assigned directly.
    int dossierStart = -1;
};

// `roles` are the pages of ONE file in page order; the result is parallel to it.
// Plain pages with no confirmation before them are BeforeFirstConfirmation; plain pages after
// an exception that may have been a confirmation (unreadable, conflicting, failed decode) are
// InDossierOfException — never added to the previous dossier. Blank pages and foreign-coded
// pages do not end a dossier; ignored pages are skipped.
QList<PageSegment> segmentFile(const QList<PageRole> &roles);

} // namespace pointage
