// The one place that calls zxing-cpp 1.4: grey image in, symbols out. Always with
// tryDownscale off — Debian's zxing 1.4 aborts the process (an assert in Result.cpp) when
// ReadBarcodes downscales an image >= 500 px holding a linear code.
// Thread-safety: reentrant (zxing's readers keep no shared state).
#pragma once

#include "pointage/ScanTypes.h"
#include "pointage/SignatureCheck.h"

#include <QImage>
#include <QList>
#include <QRect>
#include <QStringList>
#include <ZXing/BarcodeFormat.h>
#include <ZXing/DecodeHints.h>

namespace pointage {

struct SymbolPass
{
    ZXing::BarcodeFormats formats;
    ZXing::Binarizer binarizer = ZXing::Binarizer::LocalAverage;
    bool tryHarder = true;
    bool tryRotate = false;
};

struct DecodedSymbol
{
    BarcodeRead read;
    QRect box;           // where it lies in the image that was decoded
    CodeCorners corners; // the same, corner by corner in the symbol's own orientation
};

// 0, 90, 180 or 270: how far clockwise the sheet lay from upright, from zxing's orientation of
// a symbol (degrees, -180…180).
int quarterTurnOf(int orientationDegrees);

// zxing formats from their names ("Code128", "QRCode"…); unknown names are ignored.
ZXing::BarcodeFormats formatsFromNames(const QStringList &names);

// The hints every call uses; exposed so a test can pin tryDownscale to false.
ZXing::DecodeHints hintsFor(const SymbolPass &pass);

// Valid symbols only (checksums verified), each distinct (format, text) once.
QList<DecodedSymbol> decodeSymbols(const QImage &grey, const SymbolPass &pass);

} // namespace pointage
