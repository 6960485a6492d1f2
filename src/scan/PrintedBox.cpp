#include "PrintedBox.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace pointage {

namespace {

struct Band
{
    int first, last; // rows (or columns) covered by one printed line
    int centre() const { return (first + last) / 2; }
};

// A map seen along rows or, transposed, along columns.
struct Lines
{
    const InkMap &map;
    bool vertical;
    int count() const { return vertical ? map.width : map.height; }
    int length() const { return vertical ? map.height : map.width; }
    bool ink(int line, int position) const
    {
        return vertical ? map.isInk(line, position) : map.isInk(position, line);
    }

    // Pixels of `line` in runs at least `minRun` long, between `from` and `to`.
    int longRuns(int line, int from, int to, int minRun) const
    {
        int total = 0;
        int run = 0;
        for (int p = std::max(0, from); p <= std::min(length() - 1, to); ++p) {
            if (ink(line, p)) {
                ++run;
                continue;
            }
            total += run >= minRun ? run : 0;
            run = 0;
        }
        return total + (run >= minRun ? run : 0);
    }
};

// The printed line nearest `expected` among those covering at least half the box's side: the
// neighbouring box's edge may be in reach too, but farther.
std::optional<Band> findLine(const Lines &lines, double expected, double reach, int from, int to,
                             int side, double pxPerMm)
{
    const int minRun = std::max(int(5 * pxPerMm), side / 6);
    const int first = std::max(0, int(expected - reach));
    const int last = std::min(lines.count() - 1, int(expected + reach));
    std::vector<int> score(size_t(std::max(0, last - first + 1)));
    for (int line = first; line <= last; ++line)
        score[size_t(line - first)] = lines.longRuns(line, from, to, minRun);
    std::optional<Band> best;
    for (int line = first; line <= last; ++line) {
        const int s = score[size_t(line - first)];
        const bool peak = s * 2 >= side &&
                          (line == first || s >= score[size_t(line - first - 1)]) &&
                          (line == last || s > score[size_t(line - first + 1)]);
        if (!peak || (best && std::abs(line - expected) >= std::abs(best->centre() - expected)))
            continue;
        // The line's thickness: its neighbours still hold a good part of the run, within 1 mm.
        Band band{line, line};
        const int limit = int(std::ceil(pxPerMm));
        while (band.first > first && line - band.first < limit &&
               score[size_t(band.first - 1 - first)] * 5 >= s)
            --band.first;
        while (band.last < last && band.last - line < limit &&
               score[size_t(band.last + 1 - first)] * 5 >= s)
            ++band.last;
        best = band;
    }
    return best;
}

// Both lines of one direction; a missing one is placed from the other and the expected size.
std::pair<Band, Band> linePair(std::optional<Band> near, std::optional<Band> far, double nearAt,
                               double farAt)
{
    const int thickness = near ? near->last - near->first : far ? far->last - far->first : 2;
    const int size = int(std::lround(farAt - nearAt));
    if (!near && far)
        near = Band{far->first - size, far->last - size};
    if (!far && near)
        far = Band{near->first + size, near->last + size};
    if (!near) {
        near = Band{int(nearAt) - thickness / 2, int(nearAt) - thickness / 2 + thickness};
        far = Band{int(farAt) - thickness / 2, int(farAt) - thickness / 2 + thickness};
    }
    return {*near, *far};
}

} // namespace

PrintedBox findPrintedBox(const InkMap &map, const QRectF &expected, double reach, double pxPerMm)
{
    const Lines rows{map, false};
    const Lines columns{map, true};
    const int spanLeft = int(expected.left() - reach);
    const int spanRight = int(expected.right() + reach);
    const int spanTop = int(expected.top() - reach);
    const int spanBottom = int(expected.bottom() + reach);
    const int width = int(expected.width());
    const int height = int(expected.height());
    const auto top = findLine(rows, expected.top(), reach, spanLeft, spanRight, width, pxPerMm);
    const auto bottom =
        findLine(rows, expected.bottom(), reach, spanLeft, spanRight, width, pxPerMm);
    const auto left =
        findLine(columns, expected.left(), reach, spanTop, spanBottom, height, pxPerMm);
    const auto right =
        findLine(columns, expected.right(), reach, spanTop, spanBottom, height, pxPerMm);
    const auto [topBand, bottomBand] = linePair(top, bottom, expected.top(), expected.bottom());
    const auto [leftBand, rightBand] = linePair(left, right, expected.left(), expected.right());
    PrintedBox box;
    box.edgesFound = int(top.has_value()) + int(bottom.has_value()) + int(left.has_value()) +
                     int(right.has_value());
    box.outer =
        QRect(QPoint(leftBand.first, topBand.first), QPoint(rightBand.last, bottomBand.last));
    box.inner = QRect(QPoint(leftBand.last + 1, topBand.last + 1),
                      QPoint(rightBand.first - 1, bottomBand.first - 1));
    return box;
}

void erasePrintedBox(InkMap &map, const PrintedBox &box)
{
    const QRect bounds(0, 0, map.width, map.height);
    const QRect frame = box.outer.adjusted(-1, -1, 1, 1) & bounds;
    const QRect hole = box.inner.adjusted(1, 1, -1, -1);
    for (int y = frame.top(); y <= frame.bottom(); ++y) {
        const bool besideHole = y >= hole.top() && y <= hole.bottom();
        for (int x = frame.left(); x <= frame.right(); ++x) {
            // Inside the hole only the left and right lines are cleared: skip across it.
            if (besideHole && x == hole.left())
                x = hole.right() + 1;
            if (x <= frame.right())
                map.clear(x, y);
        }
    }
}

} // namespace pointage
