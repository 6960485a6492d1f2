#include "ScanImageWriter.h"

#include <QFile>
#include <QImageWriter>
#include <QtEndian>
#include <cmath>

namespace pointage::testkit {

namespace {

int dotsPerMeter(int dpi)
{
    return int(std::lround(dpi / 0.0254));
}

// Little-endian TIFF writing helpers.
class TiffBuffer
{
public:
    void u16(quint16 v) { append(qToLittleEndian(v)); }
    void u32(quint32 v) { append(qToLittleEndian(v)); }
    void bytes(const char *data, qsizetype size) { m_data.append(data, size); }
    quint32 offset() const { return quint32(m_data.size()); }
    void patch32(quint32 at, quint32 v)
    {
        v = qToLittleEndian(v);
        memcpy(m_data.data() + at, &v, sizeof v);
    }
    const QByteArray &data() const { return m_data; }

private:
    template <class T> void append(T v)
    {
        m_data.append(reinterpret_cast<const char *>(&v), sizeof v);
    }
    QByteArray m_data;
};

enum TiffType : quint16 { Short = 3, Long = 4, Rational = 5 };

void entry(TiffBuffer &out, quint16 tag, quint16 type, quint32 value)
{
    out.u16(tag);
    out.u16(type);
    out.u32(1);
    if (type == Short) {
        out.u16(quint16(value));
        out.u16(0);
    } else {
        out.u32(value);
    }
}

} // namespace

bool writeImageFile(const QString &path, const QImage &page, int dpi, const char *format,
                    int quality)
{
    QImage image = page;
    image.setDotsPerMeterX(dotsPerMeter(dpi));
    image.setDotsPerMeterY(dotsPerMeter(dpi));
    QImageWriter writer(path, format);
    writer.setQuality(quality);
    return writer.write(image);
}

bool writeMultiPageTiff(const QString &path, const QList<QImage> &pages, int dpi)
{
    TiffBuffer out;
    out.bytes("II", 2);
    out.u16(42);
    quint32 nextIfdLink = out.offset();
    out.u32(0);
    for (const QImage &page : pages) {
        const QImage grey = page.convertToFormat(QImage::Format_Grayscale8);
        const quint32 pixels = out.offset();
        for (int y = 0; y < grey.height(); ++y)
            out.bytes(reinterpret_cast<const char *>(grey.constScanLine(y)), grey.width());
        const quint32 resolution = out.offset();
        out.u32(quint32(dpi));
        out.u32(1);
        if (out.offset() % 2)
            out.bytes("", 1);
        out.patch32(nextIfdLink, out.offset());
        constexpr quint16 kEntries = 11;
        out.u16(kEntries); // tags in ascending order, as the format requires
        entry(out, 256, Long, quint32(grey.width()));
        entry(out, 257, Long, quint32(grey.height()));
        entry(out, 258, Short, 8); // BitsPerSample
        entry(out, 259, Short, 1); // Compression: none
        entry(out, 262, Short, 1); // Photometric: black is zero
        entry(out, 273, Long, pixels);
        entry(out, 277, Short, 1); // SamplesPerPixel
        entry(out, 278, Long, quint32(grey.height()));
        entry(out, 279, Long, quint32(grey.width() * grey.height()));
        entry(out, 282, Rational, resolution);
        entry(out, 283, Rational, resolution);
        nextIfdLink = out.offset();
        out.u32(0);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(out.data()) == out.data().size();
}

} // namespace pointage::testkit
