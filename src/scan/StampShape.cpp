#include "StampShape.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace pointage {

namespace {

// Share of the blob's bounding box that its outline closes off from the outside (the stamp's
// text, other blobs, counts as enclosed).
double enclosedShare(const InkBlobs &blobs, const InkBlob &blob, int width)
{
    const QRect area = blob.box.adjusted(-1, -1, 1, 1);
    const int w = area.width();
    const int h = area.height();
    const auto own = [&](int x, int y) {
        if (!area.adjusted(1, 1, -1, -1).contains(x, y))
            return false;
        return blobs.labelAt(x, y, width) == blob.id;
    };
    std::vector<quint8> outside(size_t(w) * size_t(h), 0);
    std::vector<QPoint> stack;
    for (int x = 0; x < w; ++x) {
        stack.emplace_back(x, 0);
        stack.emplace_back(x, h - 1);
    }
    for (int y = 0; y < h; ++y) {
        stack.emplace_back(0, y);
        stack.emplace_back(w - 1, y);
    }
    int reached = 0;
    while (!stack.empty()) {
        const QPoint p = stack.back();
        stack.pop_back();
        if (p.x() < 0 || p.y() < 0 || p.x() >= w || p.y() >= h)
            continue;
        quint8 &seen = outside[size_t(p.y()) * size_t(w) + size_t(p.x())];
        if (seen || own(area.left() + p.x(), area.top() + p.y()))
            continue;
        seen = 1;
        ++reached;
        stack.emplace_back(p.x() + 1, p.y());
        stack.emplace_back(p.x() - 1, p.y());
        stack.emplace_back(p.x(), p.y() + 1);
        stack.emplace_back(p.x(), p.y() - 1);
    }
    const double enclosed = double(w) * h - reached - blob.pixels;
    return enclosed / (double(blob.box.width()) * blob.box.height());
}

// A ring: the outline's distance from the centre varies little around it.
bool isRing(const InkBlobs &blobs, const InkBlob &blob, int width)
{
    const double aspect = double(blob.box.width()) / blob.box.height();
    if (aspect < 0.8 || aspect > 1.25)
        return false;
    constexpr int kSectors = 48;
    std::array<double, kSectors> reach{};
    const QPointF centre = QRectF(blob.box).center();
    for (int y = blob.box.top(); y <= blob.box.bottom(); ++y)
        for (int x = blob.box.left(); x <= blob.box.right(); ++x) {
            if (blobs.labelAt(x, y, width) != blob.id)
                continue;
            const double dx = x + 0.5 - centre.x();
            const double dy = y + 0.5 - centre.y();
            const double angle = std::atan2(dy, dx) + std::numbers::pi;
            const int sector =
                std::min(kSectors - 1, int(angle / (2 * std::numbers::pi) * kSectors));
            reach[size_t(sector)] = std::max(reach[size_t(sector)], std::hypot(dx, dy));
        }
    double sum = 0;
    double squares = 0;
    for (const double r : reach) {
        if (r == 0)
            return false;
        sum += r;
        squares += r * r;
    }
    const double mean = sum / kSectors;
    return std::sqrt(std::max(0.0, squares / kSectors - mean * mean)) <= 0.08 * mean;
}

// A rectangle: most of the outline hugs the bounding box.
bool hugsItsBox(const InkBlobs &blobs, const InkBlob &blob, int width, double pxPerMm)
{
    const QRect core = blob.box.adjusted(int(1.2 * pxPerMm), int(1.2 * pxPerMm),
                                         -int(1.2 * pxPerMm), -int(1.2 * pxPerMm));
    int near = 0;
    for (int y = blob.box.top(); y <= blob.box.bottom(); ++y)
        for (int x = blob.box.left(); x <= blob.box.right(); ++x)
            near += blobs.labelAt(x, y, width) == blob.id && !core.contains(x, y);
    return near * 10 >= blob.pixels * 8;
}

} // namespace

bool isStampFrame(const InkBlobs &blobs, const InkBlob &blob, int width, double pxPerMm)
{
    const double shortSide = std::min(blob.box.width(), blob.box.height()) / pxPerMm;
    const double longSide = std::max(blob.box.width(), blob.box.height()) / pxPerMm;
    if (shortSide < 12 || longSide > 70)
        return false;
    // The outline first: filling the enclosed area costs more, and handwriting rarely gets past.
    if (isRing(blobs, blob, width))
        return enclosedShare(blobs, blob, width) >= 0.45;
    return hugsItsBox(blobs, blob, width, pxPerMm) && enclosedShare(blobs, blob, width) >= 0.7;
}

} // namespace pointage
