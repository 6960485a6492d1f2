#include "SignatureMarks.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QTransform>
#include <cmath>
#include <numbers>

namespace pointage::testkit {

namespace {

constexpr double kPi = std::numbers::pi;

// A round stamp is 26 mm across, a rectangular one 50 × 16: the extent covers either.
constexpr double kStampWidthMm = 50;
constexpr double kStampHeightMm = 26;

QPointF stampCentre(const QRectF &boxMm)
{
    // Below the printed label, which takes the box's top 5 mm.
    return {boxMm.center().x(), boxMm.top() + 5 + (boxMm.height() - 5) / 2};
}

// One cursive word as loops of a prolate cycloid, in arbitrary units (x grows with letters,
// y downwards); the first letter is a capital, taller and wider.
void addWord(QPainterPath &path, double &x, int letters, QRandomGenerator &random)
{
    const double baseline = 10;
    const double slant = 0.25 + 0.15 * random.generateDouble();
    for (int i = 0; i < letters; ++i) {
        const bool capital = i == 0;
        const double width = (capital ? 6 : 3) + 2 * random.generateDouble();
        const double height = capital                         ? 9 + 3 * random.generateDouble()
                              : random.generateDouble() < 0.3 ? 7 + 2 * random.generateDouble()
                                                              : 3 + 2 * random.generateDouble();
        const double loop = width * 0.3;
        for (int step = 0; step <= 16; ++step) {
            const double t = 2 * kPi * step / 16;
            const double y = baseline - height * (1 - std::cos(t)) / 2;
            const QPointF point(
                x + width * t / (2 * kPi) - loop * std::sin(t) + slant * (baseline - y), y);
            if (i == 0 && step == 0)
                path.moveTo(point);
            else
                path.lineTo(point);
        }
        x += width;
    }
}

// A signature: one or two words, often an underline flourish, scaled to fill `areaPx`.
QPainterPath handwriting(const QRectF &areaPx, QRandomGenerator &random)
{
    QPainterPath path;
    double x = 0;
    addWord(path, x, 4 + int(random.bounded(5)), random);
    if (random.generateDouble() < 0.6) {
        x += 2 + 3 * random.generateDouble();
        addWord(path, x, 3 + int(random.bounded(4)), random);
    }
    if (random.generateDouble() < 0.7) {
        // The flourish starts under the first letters and sweeps right, below the baseline.
        const double under = 12 + 2 * random.generateDouble();
        path.moveTo(2 + 4 * random.generateDouble(), under - 1);
        path.cubicTo(x * 0.3, under + 2 * random.generateDouble(), x * 0.7,
                     under - 2 * random.generateDouble(), x + 2, under - 3);
    }
    const QRectF bounds = path.boundingRect();
    QTransform fit;
    fit.translate(areaPx.left(), areaPx.top());
    fit.scale(areaPx.width() / bounds.width(), areaPx.height() / bounds.height());
    fit.translate(-bounds.left(), -bounds.top());
    return fit.map(path);
}

QFont stampFont(double pxPerMm, double heightMm)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(4, int(std::lround(heightMm * pxPerMm))));
    font.setBold(true);
    return font;
}

void roundStamp(QPainter &painter, double pxPerMm, const QPointF &centreMm)
{
    const QPointF centre = centreMm * pxPerMm;
    const double outer = 13 * pxPerMm;
    const double inner = 9.5 * pxPerMm;
    painter.drawEllipse(centre, outer, outer);
    painter.drawEllipse(centre, inner, inner);
    // The school's name around the upper arc, one letter at a time.
    const QString name = QStringLiteral("LYCÉE PROFESSIONNEL LES ALPILLES");
    painter.setFont(stampFont(pxPerMm, 2.2));
    const double sweep = 250.0;
    for (int i = 0; i < name.size(); ++i) {
        painter.save();
        painter.translate(centre);
        painter.rotate(-sweep / 2 + sweep * (i + 0.5) / name.size());
        painter.drawText(QPointF(-0.6 * pxPerMm, -(inner + 0.8 * pxPerMm)), name.at(i));
        painter.restore();
    }
    painter.setFont(stampFont(pxPerMm, 2.0));
    painter.drawText(QRectF(centre.x() - inner, centre.y() - 4 * pxPerMm, 2 * inner, 8 * pxPerMm),
                     Qt::AlignCenter, QStringLiteral("0131234A\nLe proviseur"));
}

void rectangularStamp(QPainter &painter, double pxPerMm, const QPointF &centreMm)
{
    const QRectF frame(QPointF(centreMm.x() - 24, centreMm.y() - 8) * pxPerMm,
                       QSizeF(48, 16) * pxPerMm);
    painter.drawRoundedRect(frame, 1.5 * pxPerMm, 1.5 * pxPerMm);
    painter.setFont(stampFont(pxPerMm, 2.4));
    painter.drawText(frame, Qt::AlignCenter,
                     QStringLiteral("LYCÉE PROFESSIONNEL\nLES ALPILLES — 0131234A\n13200 ARLES"));
}

QPen inkPen(double pxPerMm, const QColor &colour, double widthMm)
{
    QPen pen(colour, std::max(1.0, widthMm * pxPerMm));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

} // namespace

QString signatureInkName(SignatureInk ink)
{
    switch (ink) {
    case SignatureInk::Signed:
        return QStringLiteral("signed");
    case SignatureInk::Unsigned:
        return QStringLiteral("unsigned");
    case SignatureInk::Faint:
        return QStringLiteral("faint");
    case SignatureInk::StampOnly:
        return QStringLiteral("stamp_only");
    case SignatureInk::OutsideBox:
        return QStringLiteral("outside_box");
    }
    return {};
}

QRectF signatureInkArea(const QRectF &boxMm, SignatureInk ink)
{
    switch (ink) {
    case SignatureInk::Signed:
    case SignatureInk::Faint:
        return boxMm.adjusted(8, 9, -12, -4);
    case SignatureInk::OutsideBox:
        // 4 mm inside the box, 10 mm below it.
        return QRectF(boxMm.left() + 10, boxMm.bottom() - 4, boxMm.width() - 25, 14);
    case SignatureInk::StampOnly: {
        const QPointF centre = stampCentre(boxMm);
        return QRectF(centre.x() - kStampWidthMm / 2, centre.y() - kStampHeightMm / 2,
                      kStampWidthMm, kStampHeightMm);
    }
    case SignatureInk::Unsigned:
        break;
    }
    return {};
}

void drawSignatureInk(QPainter &painter, double pxPerMm, const QRectF &boxMm, SignatureInk ink,
                      QRandomGenerator &random)
{
    const QRectF area = signatureInkArea(boxMm, ink);
    const QRectF areaPx(area.topLeft() * pxPerMm, area.size() * pxPerMm);
    painter.save();
    painter.setBrush(Qt::NoBrush);
    switch (ink) {
    case SignatureInk::Signed:
    case SignatureInk::OutsideBox:
        painter.setPen(inkPen(pxPerMm, QColor(20, 20, 90), 0.45));
        painter.drawPath(handwriting(areaPx, random));
        break;
    case SignatureInk::Faint:
        painter.setPen(inkPen(pxPerMm, QColor(150, 160, 205), 0.18));
        painter.drawPath(handwriting(areaPx, random));
        break;
    case SignatureInk::StampOnly:
        painter.setPen(inkPen(pxPerMm, QColor(70, 60, 170), 0.35));
        if (random.generateDouble() < 0.5)
            roundStamp(painter, pxPerMm, stampCentre(boxMm));
        else
            rectangularStamp(painter, pxPerMm, stampCentre(boxMm));
        break;
    case SignatureInk::Unsigned:
        break;
    }
    painter.restore();
}

} // namespace pointage::testkit
