// Bordereaux: one A4 cover sheet per candidate for schools to put on top of each dossier —
// school, specialty, name and candidate number in clear, the checklist of the pieces that
// candidate owes, and the confirmation payload as a Code 128 and a QR code (same value), read
// back by the scanner pipeline like the barcode of a confirmation.
// Thread-safety: reentrant; needs a QGuiApplication to exist (fonts).
#pragma once

#include "pointage/ReportSettings.h"
#include "pointage/Result.h"
#include "pointage/StatusTypes.h"

#include <QByteArray>

namespace pointage {

// "01234567890", or "01234567890-123V2" with `withInscription` when the inscription number
// (1–6 digits) and version (1–999) are known. Matches the default confirmation pattern.
QString confirmationPayload(const RosterRow &row, bool withInscription);

struct CoverSheetOptions
{
    QString session;
    // Off by default: a bordereau printed before a registration change must not make the
    // dossier look stale; the signed Cyclades confirmation carries the version.
    bool withInscription = false;
};

// One page per candidate, in the given order. Fails when a payload cannot be encoded.
Result<QByteArray> coverSheetsPdf(const QList<CandidateStatus> &candidates,
                                  const ReportSettings &settings, const CoverSheetOptions &options);

} // namespace pointage
