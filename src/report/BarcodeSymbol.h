// A Code 128 or QR code encoded with zxing's writer and painted as filled rectangles at a
// given module size, quiet zones included, so the printed code scans at 150 dpi whatever the
// PDF viewer or printer does (no bitmap scaling involved).
// Thread-safety: plain value; encode and paint from any thread.
#pragma once

#include "pointage/Result.h"

#include <QList>
#include <QPainter>
#include <QPointF>

namespace pointage {

class BarcodeSymbol
{
public:
    enum class Kind { Code128, QrCode };

    // Fails (French message) when the payload cannot be encoded, e.g. non-ASCII in Code 128.
    static Result<BarcodeSymbol> encode(Kind kind, const QString &payload);

    int quietModules() const { return m_quiet; }
    int columns() const { return m_columns; } // without quiet zones
    // Size in device units, quiet zones included. `barHeight` is used by linear codes only.
    qreal paintedWidth(qreal module) const { return (m_columns + 2 * m_quiet) * module; }
    qreal paintedHeight(qreal module, qreal barHeight) const;

    // Paints black modules on the current page, `topLeft` being the outer corner of the quiet zone.
    void paint(QPainter &painter, QPointF topLeft, qreal module, qreal barHeight) const;

private:
    bool m_linear = true;
    int m_columns = 0;
    int m_rows = 0;
    int m_quiet = 0;
    QList<bool> m_dark; // row-major, m_columns * m_rows
};

} // namespace pointage
