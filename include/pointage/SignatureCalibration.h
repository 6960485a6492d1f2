// `pointage calibrate`: where the signature zones fall on one real scanned confirmation and what
// the check sees in each, drawn on the page — so an office fits the "signatures" settings to
// its version of the Cyclades form in minutes, before trusting the check on a whole batch.
// Thread-safety: reentrant; drawing the picture needs a QGuiApplication.
#pragma once

#include "pointage/BarcodePatterns.h"
#include "pointage/Result.h"
#include "pointage/SignatureCheck.h"

#include <QImage>
#include <QString>

namespace pointage {

struct SignatureCalibration
{
    QString codeText;         // the confirmation code the zones were placed from
    QList<ZoneReading> zones; // in the order of the settings
    QImage picture;           // the page with each zone outlined in its verdict's colour
};

// `scan` is "FICHIER" (page 1) or "FICHIER#PAGE" (1-based), as people type it; the page is
// rendered at 300 dpi. PDFs render at exactly that; an image file (TIFF, PNG, JPEG) is never
// upscaled, so it must be scanned at 300 dpi or more for the millimetres to hold. Errors:
// ErrorCode::Format for a page that is not a number, the file's (unreadable, no such page), or
// ErrorCode::NotFound when no confirmation code (per `patterns`) is read on the page.
Result<SignatureCalibration> calibrateSignatures(const QString &scan,
                                                 const QList<SignatureZone> &zones,
                                                 const BarcodePatterns &patterns);

} // namespace pointage
