#include "ImageFilePageSource.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <cmath>

namespace pointage {

namespace {

// Scans are A4 or close: when a file does not state a believable resolution, derive one from
// the page's long side (297 mm).
constexpr double kA4LongSideInches = 11.69;

bool plausibleDpi(double dpi)
{
    return dpi >= 100 && dpi <= 1200;
}

double resolutionOf(const QSize &size, double statedDpi)
{
    if (plausibleDpi(statedDpi))
        return statedDpi;
    return std::max(size.width(), size.height()) / kA4LongSideInches;
}

// The JFIF header's density (APP0), in dpi; 0 when absent or not in inches/centimetres.
double jfifDensity(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray head = file.read(20);
    if (head.size() < 16 || head.mid(6, 5) != QByteArrayLiteral("JFIF\0"))
        return 0;
    const int units = uchar(head[13]);
    const int density = (uchar(head[14]) << 8) | uchar(head[15]);
    if (units == 1)
        return density;
    if (units == 2)
        return density * 2.54;
    return 0;
}

QSize scaledTo(const QSize &size, double nativeDpi, int dpi)
{
    const double factor = std::min(1.0, dpi / nativeDpi);
    return QSize(std::max(1, int(std::lround(size.width() * factor))),
                 std::max(1, int(std::lround(size.height() * factor))));
}

} // namespace

Result<std::unique_ptr<PageSource>> ImageFilePageSource::open(const QString &path,
                                                              const QByteArray &format)
{
    // Count frames before anything else reads the header: the TIFF plugin does not rewind.
    QImageReader counter(path, format);
    const int frames = format == "tiff" ? std::max(1, counter.imageCount()) : 1;
    QImageReader reader(path, format);
    if (!reader.canRead() || !reader.size().isValid())
        return makeError(ErrorCode::Format,
                         QStringLiteral("l'image est endommagée ou dans un format non pris en "
                                        "charge ; enregistrez-la en PDF, TIFF, PNG ou JPEG."),
                         QFileInfo(path).fileName());
    return std::unique_ptr<PageSource>(new ImageFilePageSource(path, format, frames));
}

ImageFilePageSource::ImageFilePageSource(const QString &path, const QByteArray &format,
                                         int pageCount)
    : m_path(path), m_format(format), m_pageCount(pageCount)
{}

Error ImageFilePageSource::decodeError(int pageIndex) const
{
    return makeError(ErrorCode::Decode,
                     QStringLiteral("l'image n'a pas pu être décodée (fichier endommagé ?)."),
                     QFileInfo(m_path).fileName(), 0, pageIndex + 1);
}

Result<QImage> ImageFilePageSource::render(int pageIndex, int dpi)
{
    if (pageIndex < 0 || pageIndex >= m_pageCount)
        return decodeError(pageIndex);
    if (m_format == "jpeg")
        return decodeJpeg(dpi);
    Result<QImage> frame = decodeFrame(pageIndex);
    if (!frame)
        return frame;
    const QImage &native = frame.value();
    const double nativeDpi = resolutionOf(native.size(), native.dotsPerMeterX() * 0.0254);
    const QSize target = scaledTo(native.size(), nativeDpi, dpi);
    QImage page = target == native.size()
                      ? native
                      : native.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    setRenderedDpi(page, nativeDpi * target.width() / native.width());
    return page;
}

Result<QImage> ImageFilePageSource::decodeJpeg(int dpi)
{
    QImageReader reader(m_path, m_format);
    reader.setAutoTransform(true); // honour the EXIF orientation a camera or phone wrote
    const QSize size = reader.size();
    if (!size.isValid())
        return decodeError(0);
    const double nativeDpi = resolutionOf(size, jfifDensity(m_path));
    const QSize target = scaledTo(size, nativeDpi, dpi);
    if (target != size)
        reader.setScaledSize(target);
    QImage image = reader.read();
    if (image.isNull())
        return decodeError(0);
    QImage page = std::move(image).convertToFormat(QImage::Format_Grayscale8);
    setRenderedDpi(page, nativeDpi * target.width() / size.width());
    return page;
}

Result<QImage> ImageFilePageSource::decodeFrame(int pageIndex)
{
    if (pageIndex == m_cachedIndex)
        return m_cached;
    QImageReader reader(m_path, m_format);
    reader.setAutoTransform(true);
    if (pageIndex > 0 && !reader.jumpToImage(pageIndex))
        return decodeError(pageIndex);
    const QImage image = reader.read();
    if (image.isNull())
        return decodeError(pageIndex);
    m_cached = image.convertToFormat(QImage::Format_Grayscale8);
    m_cached.setDotsPerMeterX(image.dotsPerMeterX());
    m_cachedIndex = pageIndex;
    return m_cached;
}

} // namespace pointage
