// A JPEG decoded to grey pixels by libjpeg directly, for the plain-scan fast path: at a reduced
// scale (DCT scaling, the eighths libjpeg offers), and when asked only a band of it. Rows above
// the band are entropy-decoded but never transformed, rows below it are never read: a barcode
// at the top of a 300-dpi page costs a tenth of the whole page's decode.
// Thread-safety: reentrant; every call has its own decoder.
#pragma once

#include <QByteArrayView>
#include <QImage>
#include <QRect>
#include <QSize>
#include <optional>

namespace pointage {

// The image's size as its header gives it; std::nullopt when the header does not parse.
std::optional<QSize> greyJpegSize(QByteArrayView jpeg);

// The image scaled by `eighths`/8 (1 to 8; libjpeg rounds each side up), Format_Grayscale8:
// luma for colour JPEGs. With `area` (in pixels of that scaled image), only the pixels
// covering it, widened to libjpeg's block boundaries; the image's offset() is where its
// top-left pixel lies in the whole scaled image. A null image when the data does not decode
// (unsupported colours, truncated header, an area outside the image); damaged entropy data
// decodes as libjpeg fills it, as every viewer shows it.
QImage decodeGreyJpeg(QByteArrayView jpeg, int eighths, const QRect &area = {});

} // namespace pointage
