#include "BarcodeImage.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <algorithm>
#include <cmath>

namespace pointage::testkit {

namespace {

ZXing::BarcodeFormat zxingFormat(Symbology symbology)
{
    switch (symbology) {
    case Symbology::Code128:
        return ZXing::BarcodeFormat::Code128;
    case Symbology::Code39:
        return ZXing::BarcodeFormat::Code39;
    case Symbology::QRCode:
        return ZXing::BarcodeFormat::QRCode;
    case Symbology::DataMatrix:
        return ZXing::BarcodeFormat::DataMatrix;
    case Symbology::Ean13:
        return ZXing::BarcodeFormat::EAN13;
    }
    return ZXing::BarcodeFormat::Code128;
}

// Linear codes need ten modules of quiet zone on each side, 2D codes four.
int quietZoneModules(Symbology symbology)
{
    return isLinear(symbology) ? 10 : 4;
}

} // namespace

QString symbologyName(Symbology symbology)
{
    return QString::fromLatin1(ZXing::ToString(zxingFormat(symbology)));
}

bool isLinear(Symbology symbology)
{
    return symbology != Symbology::QRCode && symbology != Symbology::DataMatrix;
}

QImage barcodeImage(Symbology symbology, const QString &payload, int modulePx, int heightPx)
{
    // Encode at one pixel per module without margin, then scale by whole modules ourselves:
    // zxing would otherwise stretch the symbol to a requested width with uneven bars.
    const ZXing::MultiFormatWriter writer =
        ZXing::MultiFormatWriter(zxingFormat(symbology)).setMargin(0);
    const ZXing::BitMatrix bits = writer.encode(payload.toStdString(), 0, 0);
    const auto modules = ZXing::ToMatrix<uint8_t>(bits);

    const bool linear = isLinear(symbology);
    const int quiet = quietZoneModules(symbology) * modulePx;
    const int symbolWidth = modules.width() * modulePx;
    const int symbolHeight = linear ? heightPx : modules.height() * modulePx;
    QImage image(symbolWidth + 2 * quiet, symbolHeight + 2 * (linear ? modulePx : quiet),
                 QImage::Format_Grayscale8);
    image.fill(255);
    const int top = linear ? modulePx : quiet;
    for (int y = 0; y < symbolHeight; ++y) {
        uchar *line = image.scanLine(top + y);
        const int row = linear ? 0 : y / modulePx;
        for (int x = 0; x < symbolWidth; ++x)
            line[quiet + x] = modules.get(x / modulePx, row);
    }
    return image;
}

int modulePixels(double millimetres, int dpi)
{
    return std::max(1, int(std::lround(millimetres * dpi / 25.4)));
}

} // namespace pointage::testkit
