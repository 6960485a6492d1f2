// Writes scanned pages as image files: single-page PNG or JPEG with their resolution, and
// multi-page TIFF (uncompressed 8-bit grey, one IFD per page) — Qt's TIFF plugin writes one
// page only, so the TIFF container is assembled here.
// Thread-safety: reentrant free functions.
#pragma once

#include <QImage>
#include <QList>
#include <QString>

namespace pointage::testkit {

// `format` is a Qt image format name ("png", "jpeg"); `quality` applies to JPEG.
bool writeImageFile(const QString &path, const QImage &page, int dpi, const char *format,
                    int quality = 75);

bool writeMultiPageTiff(const QString &path, const QList<QImage> &pages, int dpi);

} // namespace pointage::testkit
