// Scanned pages behind one small interface: a page of a PDF (rendered by Poppler, or decoded
// straight from its embedded JPEG when the page is a plain scan), a frame of a TIFF, a PNG or
// JPEG file. Barcode reading never cares where the pixels came from.
// Thread-safety: a PageSource is used by ONE thread (a Poppler document must never be shared);
// open one per worker. openPageSource() itself may be called from any thread.
#pragma once

#include "pointage/Result.h"

#include <QImage>
#include <QRectF>
#include <QString>
#include <memory>

namespace pointage {

class PageSource
{
public:
    virtual ~PageSource() = default;

    virtual QString path() const = 0;
    virtual int pageCount() const = 0;

    // Page `pageIndex` (0-based) at about `dpi`, Format_Grayscale8, upright as the page says
    // (PDF /Rotate applied). Image files are never upscaled past their own resolution. The
    // image's dotsPerMeter hold the resolution it really has (what millimetres on the page
    // need: a signature zone, a crop).
    // Errors: ErrorCode::Decode with a French message naming the file and page.
    virtual Result<QImage> render(int pageIndex, int dpi) = 0;

    // The part `within` of that page (fractions of its upright width and height) at about
    // `dpi`: at least that part, widened by sources that decode parts alone (a plain scan's
    // JPEG, whose rows below the part are never read) to their block boundaries; others render
    // the whole page and crop it. The image's offset() is where its top-left pixel lies in the
    // whole page at that resolution; format, orientation and resolution as render() gives them.
    virtual Result<QImage> renderArea(int pageIndex, int dpi, const QRectF &within);

protected:
    // The part `within` of a whole `page` rendered at `dpi`, placed as renderArea() says.
    static Result<QImage> cropToArea(Result<QImage> page, int dpi, const QRectF &within);
};

// The pixels of a page of `pageSize` that cover `within` (fractions of its width and height),
// clipped to the page.
QRect pixelsWithin(const QSize &pageSize, const QRectF &within);

// The resolution a rendered page really has (its dotsPerMeter), or `fallback` when unset.
double renderedDpi(const QImage &page, double fallback);
// Records `dpi` as the image's resolution.
void setRenderedDpi(QImage &page, double dpi);

enum class PdfRendering {
    FastWhenPlainScan, // decode a page's single full-page JPEG directly at reduced scale
    PopplerOnly,       // always render through Poppler (the reference)
};

// Opens `path` by its content (magic bytes), not its extension: PDF, TIFF, PNG or JPEG.
// Errors: FileNotFound, FileUnreadable, EmptyFile (zero bytes, or a PDF without pages),
// Encrypted, Format (not a scan this tool reads, or corrupt) — French message naming the file.
Result<std::unique_ptr<PageSource>>
openPageSource(const QString &path, PdfRendering rendering = PdfRendering::FastWhenPlainScan);

} // namespace pointage
