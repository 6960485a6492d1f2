// Bordereaux: one A4 cover sheet per candidate for schools to put on top of each dossier —
// school, specialty, name and candidate number in clear, the checklist of the pieces that
// candidate owes, and the confirmation payload as a Code 128 and a QR code (same value), read
// back by the scanner pipeline like the barcode of a confirmation.
// Thread-safety: reentrant; needs a QGuiApplication to exist (fonts).
#pragma once

#include "pointage/BarcodePatterns.h"
#include "pointage/ReportSettings.h"
#include "pointage/Result.h"
#include "pointage/StatusTypes.h"

#include <QByteArray>

namespace pointage {

// "BD-01234567890": what a bordereau's codes carry. Never the confirmation's payload: a
// bordereau says whose dossier follows, only the signed Cyclades confirmation counts.
QString coverSheetPayload(const RosterRow &row);

struct CoverSheetOptions
{
    QString session;
    // The patterns the scanner pipeline will read the sheets with: every payload printed must
    // read back as this candidate's bordereau, or nothing is printed.
    BarcodePatterns patterns;
};

// One page per candidate, in the given order. Fails when a payload cannot be encoded or would
// not read back as that candidate's bordereau under `options.patterns`.
Result<QByteArray> coverSheetsPdf(const QList<CandidateStatus> &candidates,
                                  const ReportSettings &settings, const CoverSheetOptions &options);

} // namespace pointage
