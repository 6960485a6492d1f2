#include "LetterBlocks.h"

#include <QFontMetricsF>
#include <QImage>

namespace pointage {

namespace {
constexpr int wrapFlags = Qt::TextWordWrap | Qt::AlignTop;
const QColor headerFill(0xdd, 0xdd, 0xdd);
const QColor groupFill(0xf0, 0xf0, 0xf0);
const QColor ruleColour(0x88, 0x88, 0x88);
} // namespace

LetterBlocks::LetterBlocks(PdfCanvas &canvas, PagedFlow &flow, qreal widthMm)
    : m_canvas(canvas), m_flow(flow), m_width(canvas.mm(widthMm))
{}

qreal LetterBlocks::textHeight(const QString &text, const QFont &font, qreal widthDevice) const
{
    const QFontMetricsF metrics(font, m_canvas.device());
    if (text.isEmpty())
        return metrics.height();
    return metrics.boundingRect(QRectF(0, 0, widthDevice, 1e7), wrapFlags, text).height();
}

void LetterBlocks::paragraph(const QString &text, const TextStyle &style)
{
    const qreal height = textHeight(text, style.font, m_width) + m_canvas.mm(style.spaceAfterMm);
    m_flow.add({height,
                [text, style](QPainter &p, const QRectF &area) {
                    p.setFont(style.font);
                    p.drawText(area, wrapFlags | int(style.alignment), text);
                },
                {},
                style.keepWithNext});
}

void LetterBlocks::space(qreal heightMm)
{
    m_flow.add({m_canvas.mm(heightMm), [](QPainter &, const QRectF &) {}, {}, false});
}

void LetterBlocks::image(const QImage &image, qreal heightMm)
{
    const qreal height = m_canvas.mm(heightMm);
    const qreal width = qMin(m_width, height * image.width() / qMax(1, image.height()));
    m_flow.add({height + m_canvas.mm(3),
                [image, width, height](QPainter &p, const QRectF &area) {
                    p.drawImage(QRectF(area.left(), area.top(), width, height), image);
                },
                {},
                true});
}

void LetterBlocks::twoColumns(const QString &left, const QString &right, const TextStyle &style)
{
    const qreal half = m_width / 2;
    const qreal height =
        qMax(textHeight(left, style.font, half), textHeight(right, style.font, half)) +
        m_canvas.mm(style.spaceAfterMm);
    m_flow.add({height,
                [left, right, style](QPainter &p, const QRectF &area) {
                    p.setFont(style.font);
                    QRectF leftArea = area;
                    leftArea.setWidth(area.width() / 2);
                    p.drawText(leftArea, wrapFlags | Qt::AlignLeft, left);
                    p.drawText(leftArea.translated(area.width() / 2, 0), wrapFlags | Qt::AlignRight,
                               right);
                },
                {},
                style.keepWithNext});
}

void LetterBlocks::summary(const QList<QPair<QString, QString>> &lines)
{
    const QFont font = reportFont(9.5);
    const qreal labelWidth = m_canvas.mm(95);
    const qreal valueWidth = m_canvas.mm(20);
    const qreal pad = m_canvas.mm(0.8);
    const qreal indent = m_canvas.mm(5);
    const qreal lineHeight = QFontMetricsF(font, m_canvas.device()).height() + 2 * pad;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto &[label, value] = lines.at(i);
        const bool last = i + 1 == lines.size();
        m_flow.add({lineHeight,
                    [=](QPainter &p, const QRectF &area) {
                        p.setFont(font);
                        const QRectF labelArea(area.left() + indent, area.top() + pad, labelWidth,
                                               area.height() - 2 * pad);
                        p.drawText(labelArea, Qt::AlignLeft | Qt::AlignVCenter, label);
                        p.drawText(QRectF(labelArea.right(), labelArea.top(), valueWidth,
                                          labelArea.height()),
                                   Qt::AlignRight | Qt::AlignVCenter, value);
                        p.setPen(QPen(ruleColour, 0));
                        p.drawLine(QPointF(area.left() + indent, area.bottom()),
                                   QPointF(labelArea.right() + valueWidth, area.bottom()));
                    },
                    {},
                    !last});
    }
}

void LetterBlocks::table(const QList<TableColumn> &columns, const QList<TableGroup> &groups)
{
    const QFont headerFont = reportFont(8.5, true);
    const QFont groupFont = reportFont(9, true);
    const QFont cellFont = reportFont(9);
    const qreal pad = m_canvas.mm(1.2);
    QList<qreal> widths;
    for (const TableColumn &column : columns)
        widths.append(m_canvas.mm(column.widthMm));

    // Measures a row of cells wrapped in their columns; returns the tallest cell plus padding.
    auto rowHeight = [&](const QStringList &cells, const QFont &font) {
        qreal tallest = 0;
        for (qsizetype c = 0; c < cells.size() && c < widths.size(); ++c)
            tallest = qMax(tallest, textHeight(cells.at(c), font, widths.at(c) - 2 * pad));
        return tallest + 2 * pad;
    };
    auto paintCells = [widths, pad](QStringList cells, QFont font, QColor fill) {
        return [=](QPainter &p, const QRectF &area) {
            if (fill.isValid())
                p.fillRect(area, fill);
            p.setFont(font);
            qreal x = area.left();
            for (qsizetype c = 0; c < cells.size() && c < widths.size(); ++c) {
                p.drawText(QRectF(x + pad, area.top() + pad, widths.at(c) - 2 * pad,
                                  area.height() - 2 * pad),
                           wrapFlags | Qt::AlignLeft, cells.at(c));
                x += widths.at(c);
            }
            p.setPen(QPen(ruleColour, 0));
            p.drawLine(area.bottomLeft(), area.bottomRight());
        };
    };

    QStringList titles;
    for (const TableColumn &column : columns)
        titles.append(column.title);
    const int header = m_flow.add(
        {rowHeight(titles, headerFont), paintCells(titles, headerFont, headerFill), {}, true});

    const qreal fullWidth = m_width;
    for (const TableGroup &group : groups) {
        const qreal groupHeight = textHeight(group.title, groupFont, fullWidth - 2 * pad) + 2 * pad;
        const int groupRow =
            m_flow.add({groupHeight,
                        [=](QPainter &p, const QRectF &area) {
                            p.fillRect(area, groupFill);
                            p.setFont(groupFont);
                            p.drawText(area.adjusted(pad, pad, -pad, -pad), wrapFlags, group.title);
                        },
                        {header},
                        true});
        for (const QStringList &cells : group.rows) {
            m_flow.add({rowHeight(cells, cellFont),
                        paintCells(cells, cellFont, QColor()),
                        {header, groupRow},
                        false});
        }
    }
}

} // namespace pointage
