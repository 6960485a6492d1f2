#include "BarcodeSymbol.h"

#include <QPainterPath>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <stdexcept>

namespace pointage {

namespace {
// ISO/IEC 15417 asks for 10 modules of quiet zone around Code 128, ISO/IEC 18004 for 4 around QR.
constexpr int code128Quiet = 10;
constexpr int qrQuiet = 4;
} // namespace

Result<BarcodeSymbol> BarcodeSymbol::encode(Kind kind, const QString &payload)
{
    const bool linear = kind == Kind::Code128;
    ZXing::BitMatrix bits;
    try {
        ZXing::MultiFormatWriter writer(linear ? ZXing::BarcodeFormat::Code128
                                               : ZXing::BarcodeFormat::QRCode);
        writer.setMargin(0);
        if (!linear)
            writer.setEncoding(ZXing::CharacterSet::UTF8);
        // Width and height 0: one matrix cell per module; the size is set when painting.
        bits = writer.encode(payload.toStdString(), 0, 0);
    } catch (const std::exception &) {
        return makeError(
            ErrorCode::Format,
            QStringLiteral("La valeur « %1 » ne peut pas être codée en code-barres "
                           "(%2) : utilisez uniquement des lettres sans accent, "
                           "des chiffres et des tirets.")
                .arg(payload, linear ? QStringLiteral("Code 128") : QStringLiteral("QR code")));
    }
    BarcodeSymbol symbol;
    symbol.m_linear = linear;
    symbol.m_columns = bits.width();
    symbol.m_rows = linear ? 1 : bits.height();
    symbol.m_quiet = linear ? code128Quiet : qrQuiet;
    symbol.m_dark.reserve(symbol.m_columns * symbol.m_rows);
    for (int y = 0; y < symbol.m_rows; ++y) {
        for (int x = 0; x < symbol.m_columns; ++x)
            symbol.m_dark.append(bits.get(x, y));
    }
    return symbol;
}

qreal BarcodeSymbol::paintedHeight(qreal module, qreal barHeight) const
{
    return m_linear ? barHeight : (m_rows + 2 * m_quiet) * module;
}

void BarcodeSymbol::paint(QPainter &painter, QPointF topLeft, qreal module, qreal barHeight) const
{
    // One path for the whole symbol: adjacent modules fill without hairline seams when rendered.
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    const qreal left = topLeft.x() + m_quiet * module;
    const qreal top = m_linear ? topLeft.y() : topLeft.y() + m_quiet * module;
    const qreal rowHeight = m_linear ? barHeight : module;
    for (int y = 0; y < m_rows; ++y) {
        int x = 0;
        while (x < m_columns) {
            if (!m_dark.at(y * m_columns + x)) {
                ++x;
                continue;
            }
            const int runStart = x;
            while (x < m_columns && m_dark.at(y * m_columns + x))
                ++x;
            path.addRect(QRectF(left + runStart * module, top + y * rowHeight,
                                (x - runStart) * module, rowHeight));
        }
    }
    painter.fillPath(path, Qt::black);
}

} // namespace pointage
