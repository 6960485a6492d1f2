#include "CodeFrame.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace pointage {

namespace {

double dot(const QPointF &a, const QPointF &b)
{
    return a.x() * b.x() + a.y() * b.y();
}

QPointF unit(const QPointF &a)
{
    const double length = std::hypot(a.x(), a.y());
    return length > 0 ? a / length : QPointF();
}

// The image's pixels without a call into Qt per read: sampling is the check's inner loop.
struct GreyView
{
    explicit GreyView(const QImage &image)
        : bits(image.constBits()), stride(image.bytesPerLine()), width(image.width()),
          height(image.height())
    {}

    // Pixel centres sit at half-integers; beyond the image is white paper.
    double at(double x, double y) const
    {
        x -= 0.5;
        y -= 0.5;
        if (x < 0 || y < 0)
            return 255;
        const int x0 = int(x); // truncation is the floor here, and cheaper
        const int y0 = int(y);
        if (x0 + 1 >= width || y0 + 1 >= height)
            return 255;
        const double fx = x - x0;
        const double fy = y - y0;
        const uchar *above = bits + y0 * stride + x0;
        const uchar *below = above + stride;
        return (above[0] * (1 - fx) + above[1] * fx) * (1 - fy) +
               (below[0] * (1 - fx) + below[1] * fx) * fy;
    }

    const uchar *bits;
    qsizetype stride;
    int width;
    int height;
};

// A search basis in image pixels: u along the reading direction, v across it. A position is a
// pair of projections (t on u, w on v).
struct Axes
{
    QPointF u, v;
    QPointF point(double t, double w) const { return t * u + w * v; }
};

// Grey levels along the line of projection `w`, from t0 towards t1.
std::vector<double> profile(const GreyView &grey, const Axes &axes, double w, double t0, double t1,
                            double step)
{
    std::vector<double> values;
    const int count = int(std::abs(t1 - t0) / step) + 1;
    const double direction = t1 >= t0 ? step : -step;
    values.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        const QPointF p = axes.point(t0 + i * direction, w);
        values.push_back(grey.at(p.x(), p.y()));
    }
    return values;
}

int transitions(const std::vector<double> &values, double threshold)
{
    int count = 0;
    for (size_t i = 1; i < values.size(); ++i)
        count += (values[i - 1] < threshold) != (values[i] < threshold);
    return count;
}

struct Span
{
    double lo, hi;
};

// The projections on v of the lines across the bars, grown from `centre` while a line crosses
// at least half as many bars as the central one.
std::optional<Span> barsExtent(const GreyView &grey, const Axes &axes, Span along, double centre,
                               double reach)
{
    const double margin = (along.hi - along.lo) * 0.1;
    const auto line = [&](double w) {
        return profile(grey, axes, w, along.lo + margin, along.hi - margin, 1.0);
    };
    const std::vector<double> middle = line(centre);
    if (middle.empty())
        return std::nullopt;
    const auto [darkest, lightest] = std::minmax_element(middle.cbegin(), middle.cend());
    if (*lightest - *darkest < 40)
        return std::nullopt;
    const double threshold = (*lightest + *darkest) / 2;
    const int full = transitions(middle, threshold);
    if (full < 6)
        return std::nullopt;
    const auto crossesBars = [&](double w) {
        return transitions(line(w), threshold) * 2 >= full;
    };
    Span extent{centre, centre};
    while (extent.lo > centre - reach && crossesBars(extent.lo - 1.0))
        extent.lo -= 1.0;
    while (extent.hi < centre + reach && crossesBars(extent.hi + 1.0))
        extent.hi += 1.0;
    return extent;
}

// Where the first bar starts along the line of projection `w`, walking from `from` (in the quiet
// zone) towards `to`; nothing if the line holds no clear dark edge.
std::optional<double> edgeAlong(const GreyView &grey, const Axes &axes, double w, double from,
                                double to)
{
    const double step = 0.25;
    const std::vector<double> values = profile(grey, axes, w, from, to, step);
    const size_t lead = std::max<size_t>(2, values.size() / 4);
    const double paper = *std::max_element(values.cbegin(), values.cbegin() + lead);
    const double ink = *std::min_element(values.cbegin(), values.cend());
    if (paper - ink < 40)
        return std::nullopt;
    const double threshold = (paper + ink) / 2;
    for (size_t i = 1; i < values.size(); ++i)
        if (values[i] < threshold) {
            const double fraction = (values[i - 1] - threshold) / (values[i - 1] - values[i]);
            return from + (to >= from ? step : -step) * (double(i) - 1 + fraction);
        }
    return std::nullopt;
}

struct Line
{
    double offset, slope; // t = offset + slope * w
};

// Least squares t(w), refitted once without the points more than a pixel off; nothing unless
// most points agree (a straight bar edge, not the ragged side of a 2D code).
std::optional<Line> fitEdge(const std::vector<QPointF> &points)
{
    const auto fit = [](const std::vector<QPointF> &p) -> std::optional<Line> {
        double sw = 0, st = 0, sww = 0, swt = 0;
        for (const QPointF &q : p) {
            sw += q.x();
            st += q.y();
            sww += q.x() * q.x();
            swt += q.x() * q.y();
        }
        const double n = double(p.size());
        const double denominator = n * sww - sw * sw;
        if (p.size() < 6 || std::abs(denominator) < 1e-9)
            return std::nullopt;
        const double slope = (n * swt - sw * st) / denominator;
        return Line{(st - slope * sw) / n, slope};
    };
    const std::optional<Line> first = fit(points);
    if (!first)
        return std::nullopt;
    std::vector<QPointF> kept;
    for (const QPointF &q : points)
        if (std::abs(q.y() - first->offset - first->slope * q.x()) <= 1.0)
            kept.push_back(q);
    if (kept.size() * 10 < points.size() * 7)
        return std::nullopt;
    return fit(kept);
}

std::optional<Line> barEdge(const GreyView &grey, const Axes &axes, Span rows, double edge,
                            double outward, double pxPerMm)
{
    std::vector<QPointF> points;
    const double inset = (rows.hi - rows.lo) * 0.15;
    for (double w = rows.lo + inset; w <= rows.hi - inset; w += 1.0)
        if (const auto t = edgeAlong(grey, axes, w, edge + outward * 2 * pxPerMm,
                                     edge - outward * 1.5 * pxPerMm))
            points.emplace_back(w, *t);
    return fitEdge(points);
}

// The mean of K × K samples in 16.16 fixed point, rounded: the divisor a constant, so that the
// compiler multiplies instead of dividing once a pixel (a division cost as much as the sampling).
template <int K> void averageInto(const std::vector<std::uint32_t> &sums, uchar *line)
{
    constexpr std::uint32_t whole = std::uint32_t(K * K) << 16;
    for (size_t i = 0; i < sums.size(); ++i)
        line[i] = uchar((sums[i] + whole / 2) / whole);
}

} // namespace

std::optional<CodeFrame> CodeFrame::locate(const QImage &image, double dpi, const CodeCorners &code)
{
    const GreyView grey(image);
    const double pxPerMm = dpi / 25.4;
    const QPointF u = unit((code.topRight - code.topLeft) + (code.bottomRight - code.bottomLeft));
    if (u.isNull() || pxPerMm <= 0)
        return std::nullopt;
    Axes axes{u, QPointF(-u.y(), u.x())};
    const QPointF corners[] = {code.topLeft, code.topRight, code.bottomRight, code.bottomLeft};
    Span along{std::min(dot(code.topLeft, u), dot(code.bottomLeft, u)),
               std::max(dot(code.topRight, u), dot(code.bottomRight, u))};
    Span across{dot(corners[0], axes.v), dot(corners[0], axes.v)};
    for (const QPointF &c : corners) {
        across.lo = std::min(across.lo, dot(c, axes.v));
        across.hi = std::max(across.hi, dot(c, axes.v));
    }
    const double reach = (across.hi - across.lo) / 2 + 8 * pxPerMm;
    const double middle = (across.lo + across.hi) / 2;
    Span rows = barsExtent(grey, axes, along, middle, reach).value_or(across);

    // The bars' start and stop edges give the symbol's true tilt.
    const std::optional<Line> start = barEdge(grey, axes, rows, along.lo, -1, pxPerMm);
    const std::optional<Line> stop = barEdge(grey, axes, rows, along.hi, 1, pxPerMm);
    if (start || stop) {
        const double slope =
            start && stop ? (start->slope + stop->slope) / 2 : (start ? start->slope : stop->slope);
        const double centre = (rows.lo + rows.hi) / 2;
        const QPointF startPoint =
            axes.point(start ? start->offset + start->slope * centre : along.lo, centre);
        const QPointF stopPoint =
            axes.point(stop ? stop->offset + stop->slope * centre : along.hi, centre);
        const QPointF v = unit(slope * axes.u + axes.v);
        axes = Axes{QPointF(v.y(), -v.x()), v};
        // Every point of the start edge now projects on u alike.
        along = Span{dot(startPoint, axes.u), dot(stopPoint, axes.u)};
        const double half = (rows.hi - rows.lo) / 2;
        const double middleRow = dot(startPoint, axes.v);
        rows = barsExtent(grey, axes, along, middleRow, reach)
                   .value_or(Span{middleRow - half, middleRow + half});
    }
    const QPointF origin = axes.point(along.lo, rows.lo);
    return CodeFrame(origin, axes.u * pxPerMm, axes.v * pxPerMm);
}

QPolygonF CodeFrame::toImage(const QRectF &mm) const
{
    return QPolygonF({toImage(mm.topLeft()), toImage(mm.topRight()), toImage(mm.bottomRight()),
                      toImage(mm.bottomLeft())});
}

double CodeFrame::pixelsPerMm() const
{
    return std::hypot(m_x.x(), m_x.y());
}

QImage CodeFrame::sample(const QImage &grey, const QRectF &areaMm, double pxPerMm) const
{
    const int width = std::max(1, int(std::ceil(areaMm.width() * pxPerMm)));
    const int height = std::max(1, int(std::ceil(areaMm.height() * pxPerMm)));
    const int k = std::clamp(int(std::ceil(pixelsPerMm() / pxPerMm - 0.25)), 1, 4);
    QImage out(width, height, QImage::Format_Grayscale8);
    // The check's hottest loop: bilinear reads in 16.16 fixed point, weights to 1/256 (half a
    // grey level at worst), pixel centres at half-integers, beyond the image white paper.
    const auto fixed = [](double v) {
        return std::int64_t(std::llround(v * 65536.0));
    };
    const QPointF dx = m_x / pxPerMm; // image step per output pixel
    const QPointF dy = m_y / pxPerMm;
    const std::int64_t stepX = fixed(dx.x());
    const std::int64_t stepY = fixed(dx.y());
    const uchar *bits = grey.constBits();
    const qsizetype stride = grey.bytesPerLine();
    const std::int64_t lastX = std::int64_t(grey.width() - 1) << 16;
    const std::int64_t lastY = std::int64_t(grey.height() - 1) << 16;
    const QPointF origin = toImage(areaMm.topLeft()) - QPointF(0.5, 0.5);
    std::vector<std::uint32_t> sums(static_cast<size_t>(width));
    for (int j = 0; j < height; ++j) {
        std::fill(sums.begin(), sums.end(), 0u);
        for (int a = 0; a < k; ++a)
            for (int b = 0; b < k; ++b) {
                const QPointF start = origin + j * dy + dx * ((a + 0.5) / k) + dy * ((b + 0.5) / k);
                std::int64_t x = fixed(start.x());
                std::int64_t y = fixed(start.y());
                for (int i = 0; i < width; ++i, x += stepX, y += stepY) {
                    if (x < 0 || y < 0 || x >= lastX || y >= lastY) {
                        sums[size_t(i)] += 255u << 16;
                        continue;
                    }
                    const uchar *above = bits + (y >> 16) * stride + (x >> 16);
                    const uchar *below = above + stride;
                    const std::uint32_t fx = std::uint32_t(x >> 8) & 0xff;
                    const std::uint32_t fy = std::uint32_t(y >> 8) & 0xff;
                    const std::uint32_t top = above[0] * (256 - fx) + above[1] * fx;
                    const std::uint32_t bottom = below[0] * (256 - fx) + below[1] * fx;
                    sums[size_t(i)] += top * (256 - fy) + bottom * fy;
                }
            }
        uchar *line = out.scanLine(j);
        switch (k) {
        case 1:
            averageInto<1>(sums, line);
            break;
        case 2:
            averageInto<2>(sums, line);
            break;
        case 3:
            averageInto<3>(sums, line);
            break;
        default:
            averageInto<4>(sums, line);
            break;
        }
    }
    return out;
}

} // namespace pointage
