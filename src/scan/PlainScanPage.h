// The fast path for scanner PDFs: recognises a page that is nothing but one full-page JPEG
// (DCTDecode, 8-bit grey or RGB, drawn over the whole MediaBox, no other content) and decodes
// that JPEG straight at reduced scale (libjpeg DCT scaling), about twice as fast as rendering.
// Any doubt — other operators, several images, masks, Flate/CCITT, odd placement — means "not a
// plain scan", and the caller renders the page with Poppler.
// Thread-safety: plain values and reentrant functions.
#pragma once

#include "PdfFile.h"

#include <QByteArrayView>
#include <QImage>
#include <QSizeF>
#include <optional>

namespace pointage {

struct PlainScanPage
{
    QByteArrayView jpeg; // the embedded JPEG stream: find() points into the file's mapped bytes
    int imageWidth = 0;
    int imageHeight = 0;
    QSizeF pageSizePt; // MediaBox size, before /Rotate
    int rotate = 0;    // /Rotate, normalised to 0, 90, 180, 270

    // std::nullopt unless page `index` of `file` is exactly one full-page JPEG.
    static std::optional<PlainScanPage> find(const PdfFile &file, int index);

    // The page at about `dpi` (libjpeg scales by eighths; the resolution reached is recorded,
    // never above the scan's own), Format_Grayscale8, rotated as the page says. With
    // `within` (fractions of the upright page), only the part covering it, placed by its
    // offset() as PageSource::renderArea() says. A null image if the JPEG does not decode as
    // announced (the caller then falls back to Poppler).
    QImage decode(int dpi, const QRectF &within = {}) const;
};

} // namespace pointage
