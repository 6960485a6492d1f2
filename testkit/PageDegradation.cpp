#include "PageDegradation.h"

#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QTransform>
#include <algorithm>
#include <array>
#include <cmath>

namespace pointage::testkit {

namespace {

// xorshift32: cheap, deterministic, good enough for sensor noise on millions of pixels.
class NoiseSource
{
public:
    explicit NoiseSource(quint32 seed) : m_state(seed ? seed : 0x9E3779B9u) {}
    quint32 next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return m_state;
    }
    double uniform() { return (next() >> 8) * (1.0 / 16777216.0); }
    // Sum of four uniforms, rescaled: close enough to a unit Gaussian for image noise.
    double gaussian() { return (uniform() + uniform() + uniform() + uniform() - 2.0) * 1.7320508; }

private:
    quint32 m_state;
};

QImage rotated(const QImage &page, double degrees)
{
    QImage target(page.size(), QImage::Format_RGB32);
    target.fill(Qt::white);
    QPainter painter(&target);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(page.width() / 2.0, page.height() / 2.0);
    painter.rotate(degrees);
    painter.translate(-page.width() / 2.0, -page.height() / 2.0);
    painter.drawImage(0, 0, page);
    painter.end();
    return target.convertToFormat(QImage::Format_Grayscale8);
}

void applyTone(QImage &image, int paper, double contrast)
{
    std::array<uchar, 256> tone{};
    for (int v = 0; v < 256; ++v)
        tone[v] = uchar(
            std::clamp(int(std::lround(paper - (255 - v) * contrast * paper / 255.0)), 0, 255));
    for (int y = 0; y < image.height(); ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x)
            line[x] = tone[line[x]];
    }
}

void boxBlur(QImage &image, int radius)
{
    const int w = image.width();
    const int h = image.height();
    const int span = 2 * radius + 1;
    std::vector<int> column(size_t(std::max(w, h)));
    for (int y = 0; y < h; ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < w; ++x)
            column[size_t(x)] = line[x];
        for (int x = 0; x < w; ++x) {
            int sum = 0;
            for (int k = -radius; k <= radius; ++k)
                sum += column[size_t(std::clamp(x + k, 0, w - 1))];
            line[x] = uchar(sum / span);
        }
    }
    for (int x = 0; x < w; ++x) {
        for (int y = 0; y < h; ++y)
            column[size_t(y)] = image.constScanLine(y)[x];
        for (int y = 0; y < h; ++y) {
            int sum = 0;
            for (int k = -radius; k <= radius; ++k)
                sum += column[size_t(std::clamp(y + k, 0, h - 1))];
            image.scanLine(y)[x] = uchar(sum / span);
        }
    }
}

void addNoise(QImage &image, double sigma, NoiseSource &noise)
{
    for (int y = 0; y < image.height(); ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x)
            line[x] = uchar(std::clamp(int(line[x] + sigma * noise.gaussian()), 0, 255));
    }
}

void addScannerEdges(QImage &image, NoiseSource &noise)
{
    // The lid shadow: a few dark pixel rows/columns along two edges.
    const int band = std::max(2, image.width() / 400);
    for (int y = 0; y < image.height(); ++y)
        std::fill_n(image.scanLine(y), band, uchar(60));
    for (int y = 0; y < band; ++y)
        std::fill_n(image.scanLine(y), image.width(), uchar(70));
    // Dust: isolated specks of one or two pixels.
    for (int i = 0; i < 40; ++i) {
        const int x = int(noise.next() % quint32(image.width() - 2));
        const int y = int(noise.next() % quint32(image.height() - 2));
        image.scanLine(y)[x] = 40;
        if (noise.next() % 2)
            image.scanLine(y)[x + 1] = 60;
    }
}

QImage jpegRoundTrip(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.write(image);
    buffer.close();
    QImage decoded = QImage::fromData(bytes, "jpeg");
    return decoded.convertToFormat(QImage::Format_Grayscale8);
}

} // namespace

Degradation Degradation::typicalScan(quint32 seed)
{
    Degradation d;
    d.paperGrey = 245;
    d.noiseSigma = 4;
    d.scannerEdges = true;
    d.seed = seed;
    return d;
}

QImage degrade(const QImage &page, const Degradation &d)
{
    NoiseSource noise(d.seed);
    QImage image = page.convertToFormat(QImage::Format_Grayscale8);
    const double angle = d.skewDegrees + (d.upsideDown ? 180.0 : 0.0);
    if (angle != 0.0)
        image = rotated(image, angle);
    if (d.sideways)
        image = image.transformed(QTransform().rotate(90));
    if (d.paperGrey != 255 || d.inkContrast != 1.0)
        applyTone(image, d.paperGrey, d.inkContrast);
    if (d.blurRadius > 0)
        boxBlur(image, d.blurRadius);
    if (d.scannerEdges)
        addScannerEdges(image, noise);
    if (d.noiseSigma > 0)
        addNoise(image, d.noiseSigma, noise);
    if (d.jpegQuality > 0)
        image = jpegRoundTrip(image, d.jpegQuality);
    return image;
}

} // namespace pointage::testkit
