// Building blocks of a report letter, measured against the PDF they will be drawn on:
// paragraphs, a key/value summary, and tables grouped by a heading row (the specialty).
// Thread-safety: use from the thread that owns the canvas and the flow.
#pragma once

#include "PagedFlow.h"
#include "PdfCanvas.h"

#include <QStringList>

namespace pointage {

struct TextStyle
{
    QFont font;
    Qt::Alignment alignment = Qt::AlignLeft;
    qreal spaceAfterMm = 0;
    bool keepWithNext = false;
};

struct TableColumn
{
    QString title;
    qreal widthMm = 0;
};

struct TableGroup
{
    QString title; // drawn as a full-width row before the group's rows
    QList<QStringList> rows;
};

class LetterBlocks
{
public:
    LetterBlocks(PdfCanvas &canvas, PagedFlow &flow, qreal widthMm);

    void paragraph(const QString &text, const TextStyle &style);
    void space(qreal heightMm);
    // An image `heightMm` tall, at the left, keeping its aspect ratio (the rectorat's logo).
    void image(const QImage &image, qreal heightMm);
    // The last block stays on the page of the next one.
    void keepWithNext() { m_flow.keepLastWithNext(); }
    // Two columns side by side, e.g. the letterhead (left) and the date (right).
    void twoColumns(const QString &left, const QString &right, const TextStyle &style);
    void summary(const QList<QPair<QString, QString>> &lines);
    void table(const QList<TableColumn> &columns, const QList<TableGroup> &groups);

private:
    qreal textHeight(const QString &text, const QFont &font, qreal widthDevice) const;

    PdfCanvas &m_canvas;
    PagedFlow &m_flow;
    qreal m_width; // device units
};

} // namespace pointage
