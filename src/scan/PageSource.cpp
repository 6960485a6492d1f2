#include "pointage/PageSource.h"

#include <cmath>

namespace pointage {

double renderedDpi(const QImage &page, double fallback)
{
    const double dpi = page.dotsPerMeterX() * 0.0254;
    return dpi >= 20 ? dpi : fallback;
}

void setRenderedDpi(QImage &page, double dpi)
{
    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    page.setDotsPerMeterX(dotsPerMeter);
    page.setDotsPerMeterY(dotsPerMeter);
}

QRect pixelsWithin(const QSize &pageSize, const QRectF &within)
{
    const QRectF scaled(within.x() * pageSize.width(), within.y() * pageSize.height(),
                        within.width() * pageSize.width(), within.height() * pageSize.height());
    return scaled.toAlignedRect().intersected(QRect(QPoint(0, 0), pageSize));
}

Result<QImage> PageSource::renderArea(int pageIndex, int dpi, const QRectF &within)
{
    return cropToArea(render(pageIndex, dpi), dpi, within);
}

Result<QImage> PageSource::cropToArea(Result<QImage> page, int dpi, const QRectF &within)
{
    if (!page)
        return page;
    const QRect area = pixelsWithin(page->size(), within);
    QImage part = page->copy(area);
    part.setOffset(area.topLeft());
    setRenderedDpi(part, renderedDpi(page.value(), dpi));
    return part;
}

} // namespace pointage
