// An A4 PDF drawn in memory and laid out in millimetres from the sheet's top-left corner,
// whatever the writer's resolution. Report writers build their pages on one of these, then
// hand the bytes to writeOwnerOnlyFile(). Needs a QGuiApplication (fonts).
// Thread-safety: one canvas per thread.
#pragma once

#include <QBuffer>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QRectF>
#include <memory>

namespace pointage {

class PdfCanvas
{
public:
    static constexpr qreal pageWidthMm = 210.0;
    static constexpr qreal pageHeightMm = 297.0;

    explicit PdfCanvas(const QString &title);
    ~PdfCanvas();

    qreal mm(qreal millimetres) const { return millimetres * m_dotsPerMm; }
    QRectF mmRect(qreal x, qreal y, qreal width, qreal height) const;
    QPaintDevice *device() { return &m_writer; }

    QPainter &painter(); // begins painting on first use
    void newPage();
    QByteArray finish(); // ends painting; the canvas is spent afterwards

private:
    QBuffer m_buffer;
    QPdfWriter m_writer;
    std::unique_ptr<QPainter> m_painter;
    qreal m_dotsPerMm = 0;
};

// DejaVu Sans (installed with the application) so every machine prints the same letter.
QFont reportFont(qreal points, bool bold = false);

} // namespace pointage
