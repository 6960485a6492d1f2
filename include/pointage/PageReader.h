// Reads what a scanned page says: blank or not, the barcodes on it (Code 128, Code 39, QR,
// DataMatrix, EAN-13), which way up it was, and whether a barcode-like mark could not be read.
// Tiered: one cheap pass for bars over the whole page at low resolution reads most pages; 2D
// codes are decoded on crops of the regions that look like them; only pages that need it get
// a second binarizer, crops at high resolution around barcode-like regions (decoded only as far
// as they reach), a thorough pass over the whole page, and rotation.
// Never picks between disagreeing reads: every distinct value read is reported.
// Thread-safety: a PageReader is immutable and may be shared; each call uses only its
// arguments (the PageSource, like any PageSource, belongs to the calling thread).
#pragma once

#include "pointage/BarcodePatterns.h"
#include "pointage/PageSource.h"
#include "pointage/ScanTypes.h"
#include "pointage/SignatureCheck.h"

#include <QStringList>

namespace pointage {

struct ReadOptions
{
    // zxing format names to look for. Code 128 carries confirmations and separators; the
    // others are read so that foreign codes are reported as such rather than missed.
    QStringList formats = {QStringLiteral("Code128"), QStringLiteral("Code39"),
                           QStringLiteral("QRCode"), QStringLiteral("DataMatrix"),
                           QStringLiteral("EAN13")};
    int firstPassDpi = 150; // enough for 0.33 mm bars, and four times cheaper than 300
    int detailDpi = 300;    // bars the first pass missed, read again on crops decoded at this dpi
    // The signature check: on a page whose code `patterns` classify as a confirmation, each
    // zone is judged on the first-pass image (about 14 ms for two zones). No zones, no check.
    BarcodePatterns patterns;
    QList<SignatureZone> signatureZones;
};

class PageReader
{
public:
    explicit PageReader(ReadOptions options = {});

    // Reads page `pageIndex` (0-based) of `source`. Rendering failures are reported in
    // PageRead::decodeError (French, naming the file and page), never thrown.
    PageRead read(PageSource &source, int pageIndex) const;

    const ReadOptions &options() const { return m_options; }

private:
    ReadOptions m_options;
};

} // namespace pointage
