#include "SymbolDecoder.h"

#include <ZXing/ReadBarcode.h>
#include <cmath>

namespace pointage {

namespace {

QRect boundingBox(const ZXing::Position &position)
{
    int left = position[0].x, right = left, top = position[0].y, bottom = top;
    for (const ZXing::PointI &point : position) {
        left = std::min(left, point.x);
        right = std::max(right, point.x);
        top = std::min(top, point.y);
        bottom = std::max(bottom, point.y);
    }
    return QRect(QPoint(left, top), QPoint(right, bottom));
}

CodeCorners cornersOf(const ZXing::Position &position)
{
    const auto point = [](const ZXing::PointI &p) {
        return QPointF(p.x, p.y);
    };
    return {point(position.topLeft()), point(position.topRight()), point(position.bottomRight()),
            point(position.bottomLeft())};
}

} // namespace

int quarterTurnOf(int orientationDegrees)
{
    // zxing measures the symbol's reading direction clockwise from the image's x axis (y runs
    // down): a sheet fed a quarter turn clockwise reads top to bottom, +90.
    const int quarters = int(std::lround(orientationDegrees / 90.0));
    return ((quarters % 4) + 4) % 4 * 90;
}

ZXing::BarcodeFormats formatsFromNames(const QStringList &names)
{
    ZXing::BarcodeFormats formats;
    for (const QString &name : names) {
        try {
            formats |= ZXing::BarcodeFormatFromString(name.toStdString());
        } catch (const std::exception &) {
            // An unknown name in the settings: read the other formats.
        }
    }
    return formats;
}

ZXing::DecodeHints hintsFor(const SymbolPass &pass)
{
    ZXing::DecodeHints hints;
    hints.setFormats(pass.formats);
    hints.setTryHarder(pass.tryHarder);
    hints.setTryRotate(pass.tryRotate);
    hints.setTryDownscale(false);
    hints.setBinarizer(pass.binarizer);
    return hints;
}

QList<DecodedSymbol> decodeSymbols(const QImage &grey, const SymbolPass &pass)
{
    Q_ASSERT(grey.format() == QImage::Format_Grayscale8);
    if (grey.isNull() || pass.formats.empty())
        return {};
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                                ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    QList<DecodedSymbol> symbols;
    for (const ZXing::Result &result : ZXing::ReadBarcodes(view, hintsFor(pass))) {
        if (!result.isValid())
            continue;
        BarcodeRead read{QString::fromLatin1(ZXing::ToString(result.format())),
                         QString::fromStdString(result.text()),
                         quarterTurnOf(result.orientation())};
        const bool seen = std::any_of(symbols.cbegin(), symbols.cend(), [&](const auto &s) {
            return s.read.format == read.format && s.read.text == read.text;
        });
        if (!seen)
            symbols.append(
                DecodedSymbol{read, boundingBox(result.position()), cornersOf(result.position())});
    }
    return symbols;
}

} // namespace pointage
