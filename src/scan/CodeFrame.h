// The barcode's own frame on a page image, in millimetres: origin at the symbol's top-left
// corner, x along the reading direction, y downwards. zxing's corners of a linear code are the
// ends of the image rows it read, level whatever the skew; the frame measures the bars' edges
// and extent itself, so a zone 25 cm away lands within a millimetre or two.
// Thread-safety: immutable value; reentrant functions.
#pragma once

#include "pointage/SignatureCheck.h"

#include <QImage>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <optional>

namespace pointage {

class CodeFrame
{
public:
    // Nothing when the corners are degenerate (no reading direction).
    static std::optional<CodeFrame> locate(const QImage &grey, double dpi, const CodeCorners &code);

    QPointF toImage(const QPointF &mm) const { return m_origin + mm.x() * m_x + mm.y() * m_y; }
    QPolygonF toImage(const QRectF &mm) const;
    // Image pixels per millimetre of the frame.
    double pixelsPerMm() const;

    // `areaMm` upright at `pxPerMm`, each pixel the mean of a few bilinear samples so that a
    // finer scan is averaged, not decimated; outside the image reads as white paper.
    QImage sample(const QImage &grey, const QRectF &areaMm, double pxPerMm) const;

private:
    CodeFrame(QPointF origin, QPointF x, QPointF y) : m_origin(origin), m_x(x), m_y(y) {}

    QPointF m_origin; // image pixels
    QPointF m_x;      // image pixels per millimetre along the reading direction
    QPointF m_y;      // image pixels per millimetre downwards in the symbol
};

} // namespace pointage
