// Scanner defects applied to a clean page from PagePainter: skew, pages fed upside down or
// sideways, grey paper and faint toner, blur, sensor noise, dark scanner edges, dust, JPEG
// artefacts.
// Deterministic for a given seed, so a failing fixture can be regenerated exactly.
// Thread-safety: degrade() is reentrant.
#pragma once

#include <QImage>
#include <QtGlobal>

namespace pointage::testkit {

struct Degradation
{
    double skewDegrees = 0;    // small rotation of the sheet in the feeder (±3° is realistic)
    bool upsideDown = false;   // sheet fed head last
    bool sideways = false;     // sheet fed a quarter turn clockwise (with upsideDown: 270°)
    int paperGrey = 250;       // paper level, 255 = pure white
    double inkContrast = 1.0;  // 1 = black toner, 0.4 = very faint print
    int blurRadius = 0;        // box blur radius in pixels (out-of-focus or low-end sensor)
    double noiseSigma = 0;     // Gaussian sensor noise, in grey levels
    bool scannerEdges = false; // dark borders and a few dust specks, as on real ADF scans
    int jpegQuality = 0; // > 0: re-encode as JPEG at this quality (30–60: visible artefacts)
    quint32 seed = 1;

    // What a decent office copier produces: slightly grey paper, light noise, dark edges.
    static Degradation typicalScan(quint32 seed);
};

// The degraded page, Format_Grayscale8, the size of `page` (turned a quarter when sideways).
QImage degrade(const QImage &page, const Degradation &degradation);

} // namespace pointage::testkit
