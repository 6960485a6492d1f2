#include "pointage/Segmenter.h"

namespace pointage {

namespace {

bool mayHaveBeenConfirmation(ExceptionReason reason)
{
    return reason == ExceptionReason::UnreadableCode ||
           reason == ExceptionReason::ConflictingCodes || reason == ExceptionReason::DecodeFailed;
}

// Where the walk through the file stands: outside any dossier, inside a candidate's dossier,
// or after a page that may have opened a dossier we cannot name.
struct Cursor
{
    int dossierStart = -1;
    QString candidateNumber; // empty after a suspicious exception
    QString pieceCode;
};

PageSegment segmentAt(const Cursor &cursor)
{
    PageSegment segment;
    segment.pieceCode = cursor.pieceCode;
    segment.dossierStart = cursor.dossierStart;
    return segment;
}

PageSegment plainPage(const Cursor &cursor)
{
    PageSegment segment = segmentAt(cursor);
    if (cursor.dossierStart < 0) {
        segment.reason = ExceptionReason::BeforeFirstConfirmation;
    } else if (cursor.candidateNumber.isEmpty()) {
        segment.reason = ExceptionReason::InDossierOfException;
    } else {
        segment.bucket = PageBucket::Supporting;
        segment.candidateNumber = cursor.candidateNumber;
    }
    return segment;
}

} // namespace

QList<PageSegment> segmentFile(const QList<PageRole> &roles)
{
    QList<PageSegment> segments;
    segments.reserve(roles.size());
    Cursor cursor;
    for (int index = 0; index < roles.size(); ++index) {
        const PageRole &role = roles.at(index);
        PageSegment segment = segmentAt(cursor);
        switch (role.kind) {
        case PageRoleKind::Blank:
            segment.bucket = PageBucket::Blank;
            break;
        case PageRoleKind::Ignored:
            segment.bucket = PageBucket::Ignored;
            break;
        case PageRoleKind::Plain:
            segment = plainPage(cursor);
            break;
        case PageRoleKind::Confirmation:
            cursor = Cursor{index, role.candidateNumber, {}};
            segment = segmentAt(cursor);
            segment.bucket = PageBucket::Confirmation;
            segment.candidateNumber = role.candidateNumber;
            break;
        case PageRoleKind::CoverSheet:
            // The bordereau opens its candidate's dossier; the confirmation behind it (same
            // candidate) simply re-opens the same dossier.
            cursor = Cursor{index, role.candidateNumber, {}};
            segment = segmentAt(cursor);
            segment.bucket = PageBucket::CoverSheet;
            segment.candidateNumber = role.candidateNumber;
            break;
        case PageRoleKind::Separator:
            cursor.pieceCode = role.pieceCode;
            segment.bucket = PageBucket::Separator;
            segment.candidateNumber = cursor.candidateNumber;
            segment.pieceCode = role.pieceCode;
            break;
        case PageRoleKind::SupportingOf:
            segment = PageSegment();
            segment.bucket = PageBucket::Supporting;
            segment.candidateNumber = role.candidateNumber;
            segment.pieceCode = role.pieceCode;
            break;
        case PageRoleKind::Exception:
            segment.reason = role.reason;
            if (mayHaveBeenConfirmation(role.reason)) {
                cursor = Cursor{index, {}, {}};
                segment.dossierStart = index;
                segment.pieceCode.clear();
            }
            break;
        }
        segments.append(segment);
    }
    return segments;
}

} // namespace pointage
