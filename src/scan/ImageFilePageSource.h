// Pages of image files: one page for PNG and JPEG, one per frame for multi-page TIFF. Decoded
// with QImageReader; JPEGs are decoded directly at reduced scale (libjpeg DCT scaling).
// Thread-safety: one thread only (it caches the last decoded frame).
#pragma once

#include "pointage/PageSource.h"

#include <QByteArray>

namespace pointage {

class ImageFilePageSource final : public PageSource
{
public:
    // `format` is the Qt image format the file's magic bytes announced ("tiff", "png", "jpeg").
    static Result<std::unique_ptr<PageSource>> open(const QString &path, const QByteArray &format);

    QString path() const override { return m_path; }
    int pageCount() const override { return m_pageCount; }
    Result<QImage> render(int pageIndex, int dpi) override;

private:
    ImageFilePageSource(const QString &path, const QByteArray &format, int pageCount);
    Error decodeError(int pageIndex) const;
    Result<QImage> decodeJpeg(int dpi);
    Result<QImage> decodeFrame(int pageIndex);

    QString m_path;
    QByteArray m_format;
    int m_pageCount = 1;
    int m_cachedIndex = -1; // frame held in m_cached, at its own resolution
    QImage m_cached;
};

} // namespace pointage
