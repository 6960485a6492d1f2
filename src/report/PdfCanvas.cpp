#include "PdfCanvas.h"

#include <QPageLayout>
#include <QPageSize>

namespace pointage {

namespace {
constexpr int dotsPerInch = 300;
}

PdfCanvas::PdfCanvas(const QString &title) : m_writer(&m_buffer)
{
    m_buffer.open(QIODevice::WriteOnly);
    m_writer.setResolution(dotsPerInch);
    m_writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                       QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    m_writer.setTitle(title);
    m_writer.setCreator(QStringLiteral("Pointage"));
    m_dotsPerMm = dotsPerInch / 25.4;
}

PdfCanvas::~PdfCanvas() = default;

QRectF PdfCanvas::mmRect(qreal x, qreal y, qreal width, qreal height) const
{
    return QRectF(mm(x), mm(y), mm(width), mm(height));
}

QPainter &PdfCanvas::painter()
{
    if (!m_painter) {
        m_painter = std::make_unique<QPainter>(&m_writer);
        m_painter->setRenderHint(QPainter::Antialiasing, false);
    }
    return *m_painter;
}

void PdfCanvas::newPage()
{
    painter();
    m_writer.newPage();
}

QByteArray PdfCanvas::finish()
{
    painter().end();
    m_painter.reset();
    m_buffer.close();
    return m_buffer.data();
}

QFont reportFont(qreal points, bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(points);
    font.setBold(bold);
    // No shaping for Latin text means no "fi" ligature glyph: names and words stay searchable
    // and copyable from the PDF ("confirmation", not "conﬁrmation").
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

} // namespace pointage
