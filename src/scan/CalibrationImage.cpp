#include "pointage/SignatureCheck.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <algorithm>

namespace pointage {

namespace {

QColor verdictColour(SignatureVerdict verdict)
{
    switch (verdict) {
    case SignatureVerdict::Signed:
        return QColor(0x1a, 0x7f, 0x37);
    case SignatureVerdict::Unsigned:
        return QColor(0xc6, 0x28, 0x28);
    case SignatureVerdict::Doubtful:
        break;
    }
    return QColor(0xe0, 0x8a, 0x00);
}

} // namespace

QImage calibrationImage(const QImage &page, const QList<ZoneReading> &zones)
{
    QImage image = page.convertToFormat(QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(10, image.height() / 110));
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const int pen = std::max(2, image.width() / 400);
    for (const ZoneReading &zone : zones) {
        if (zone.area.isEmpty())
            continue;
        const QColor colour = verdictColour(zone.verdict());
        painter.setPen(QPen(colour, pen));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolygon(zone.area);
        // Written level whatever the page's orientation, just above the zone, no wider than it.
        const QRectF around = zone.area.boundingRect();
        const int width = std::max(int(around.width()), 20 * metrics.averageCharWidth());
        const QString text =
            metrics.elidedText(zone.label, Qt::ElideRight, width) + QLatin1Char('\n') +
            metrics.elidedText(signatureVerdictText(zone.verdict()) + QStringLiteral(" : ") +
                                   signatureFindingText(zone.finding),
                               Qt::ElideRight, width);
        QRectF box(0, 0, width + 2 * pen, 2 * metrics.height() + pen);
        box.moveBottomLeft(QPointF(around.left(), around.top() - pen));
        box.moveLeft(std::clamp(box.left(), 0.0, std::max(0.0, image.width() - box.width())));
        box.moveTop(std::clamp(box.top(), 0.0, std::max(0.0, image.height() - box.height())));
        painter.fillRect(box, QColor(255, 255, 255, 220));
        painter.drawText(box.adjusted(pen, 0, -pen, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
    }
    painter.end();
    return image;
}

} // namespace pointage
