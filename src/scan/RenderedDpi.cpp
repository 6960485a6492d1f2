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

} // namespace pointage
