#include "MatrixFinders.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace pointage {

namespace {

// Module sizes worth looking for at ~150 dpi: 0.35 mm to 2.5 mm (ours print at 0.5 mm).
constexpr double kMinModule = 2.0;
constexpr double kMaxModule = 15.0;

// Dark and light at the midpoint between the paper and the darkest ink on the page: blurred
// module edges then split evenly between dark and light runs, which keeps ratios true.
class BinaryPage
{
public:
    explicit BinaryPage(const QImage &grey) : m_width(grey.width()), m_height(grey.height())
    {
        std::array<int, 256> histogram{};
        int samples = 0;
        for (int y = 0; y < m_height; y += 3) {
            const uchar *line = grey.constScanLine(y);
            for (int x = 0; x < m_width; x += 3, ++samples)
                ++histogram[line[x]];
        }
        const auto level = [&](int share) {
            int seen = 0;
            for (int v = 0; v < 256; ++v)
                if ((seen += histogram[size_t(v)]) * 1000 >= samples * share)
                    return v;
            return 255;
        };
        const int paper = level(800);
        const int ink = level(5);
        m_contrast = paper - ink;
        const int threshold = (paper + ink) / 2;
        m_dark.resize(size_t(m_width) * size_t(m_height));
        for (int y = 0; y < m_height; ++y) {
            const uchar *line = grey.constScanLine(y);
            unsigned char *out = m_dark.data() + size_t(y) * size_t(m_width);
            for (int x = 0; x < m_width; ++x)
                out[x] = line[x] < threshold;
        }
    }

    int width() const { return m_width; }
    int height() const { return m_height; }
    bool hasInk() const { return m_contrast >= 40; }
    bool dark(int x, int y) const
    {
        return unsigned(x) < unsigned(m_width) && unsigned(y) < unsigned(m_height) &&
               m_dark[size_t(y) * size_t(m_width) + size_t(x)];
    }
    const unsigned char *row(int y) const { return m_dark.data() + size_t(y) * size_t(m_width); }

private:
    int m_width;
    int m_height;
    int m_contrast = 0;
    std::vector<unsigned char> m_dark;
};

bool within(double run, double expected, double tolerance = 0.5)
{
    return std::abs(run - expected) <= expected * tolerance + 0.75;
}

// Five runs dark, light, dark, light, dark in the proportions 1:1:3:1:1; the module size or 0.
double finderModule(const std::array<int, 5> &runs)
{
    const double module = (runs[0] + runs[1] + runs[2] + runs[3] + runs[4]) / 7.0;
    if (module < kMinModule || module > kMaxModule)
        return 0;
    const double expected[5] = {1, 1, 3, 1, 1};
    for (int i = 0; i < 5; ++i)
        if (!within(runs[size_t(i)], module * expected[i]))
            return 0;
    return module;
}

struct ColumnRuns
{
    std::array<int, 5> runs{};
    double centreY = 0; // middle of the dark run holding the starting point
};

// The runs through (x, y) down the column, centred on the dark run holding (x, y).
ColumnRuns columnRuns(const BinaryPage &ink, int x, int y, int limit)
{
    std::array<int, 5> runs{};
    int top = y;
    while (top > 0 && ink.dark(x, top - 1) && y - top < limit)
        --top;
    int bottom = y;
    while (ink.dark(x, bottom + 1) && bottom - y < limit)
        ++bottom;
    runs[2] = bottom - top + 1;
    int cursor = top - 1;
    for (int i : {1, 0}) {
        const bool wantDark = i == 0;
        int length = 0;
        while (cursor >= 0 && ink.dark(x, cursor) == wantDark && length < limit)
            ++length, --cursor;
        runs[size_t(i)] = length;
    }
    cursor = bottom + 1;
    for (int i : {3, 4}) {
        const bool wantDark = i == 4;
        int length = 0;
        while (cursor < ink.height() && ink.dark(x, cursor) == wantDark && length < limit)
            ++length, ++cursor;
        runs[size_t(i)] = length;
    }
    return {runs, (top + bottom) / 2.0};
}

struct Finder
{
    double x, y, module;
};

// The whole square around (x, y), not just the two lines through it: a dark 3×3-module
// centre, a light ring, a dark ring. Letters, photos and table corners fail it.
bool finderSquareAt(const BinaryPage &ink, double x, double y, double module)
{
    int centre = 0, centreDark = 0, ring = 0, ringLight = 0, outer = 0, outerDark = 0;
    const int reach = int(std::ceil(3.5 * module));
    for (int dy = -reach; dy <= reach; ++dy)
        for (int dx = -reach; dx <= reach; ++dx) {
            const double distance = std::max(std::abs(dx), std::abs(dy)) / module;
            const bool dark = ink.dark(int(x) + dx, int(y) + dy);
            if (distance <= 1.2)
                ++centre, centreDark += dark;
            else if (distance >= 1.8 && distance <= 2.2)
                ++ring, ringLight += !dark;
            else if (distance >= 2.8 && distance <= 3.2)
                ++outer, outerDark += dark;
        }
    return centre > 0 && ring > 0 && outer > 0 && centreDark * 10 >= centre * 9 &&
           ringLight * 10 >= ring * 8 && outerDark * 10 >= outer * 8;
}

std::vector<Finder> qrFinders(const BinaryPage &ink)
{
    std::vector<Finder> finders;
    const int limit = int(kMaxModule * 3) + 2;
    // The finder's centre is three modules (six pixels or more) tall: every other row meets it.
    for (int y = 0; y < ink.height(); y += 2) {
        const unsigned char *row = ink.row(y);
        std::array<int, 5> runs{};
        int filled = 0;
        int x = 0;
        // Runs along the row, the last five kept; each time a dark run closes, test them.
        while (x < ink.width()) {
            const unsigned char isDark = row[x];
            const int runStart = x;
            if (isDark) {
                while (x < ink.width() && row[x])
                    ++x;
            } else { // paper: most of the row, skipped at memchr's pace
                const auto *next = static_cast<const unsigned char *>(
                    std::memchr(row + x, 1, size_t(ink.width() - x)));
                x = next ? int(next - row) : ink.width();
            }
            const int length = x - runStart;
            if (filled == 0 && !isDark)
                continue;
            std::rotate(runs.begin(), runs.begin() + 1, runs.end());
            runs[4] = length;
            filled = std::min(filled + 1, 5);
            if (!isDark || filled < 5)
                continue;
            const double module = finderModule(runs);
            if (module == 0)
                continue;
            const int centreX = x - runs[4] - runs[3] - runs[2] / 2 - 1;
            const ColumnRuns down = columnRuns(ink, centreX, y, limit);
            const double downModule = finderModule(down.runs);
            if (downModule == 0 || !within(downModule, module))
                continue;
            const double centreY = down.centreY;
            const double bothModule = (module + downModule) / 2;
            if (finderSquareAt(ink, centreX, centreY, bothModule))
                finders.push_back({double(centreX), centreY, bothModule});
        }
    }
    return finders;
}

// Distinct finder squares (one square is crossed by several rows) that pair with another of
// the same module size at a QR code's distance (21 to 177 modules wide).
bool qrFinderPair(std::vector<Finder> hits)
{
    std::vector<Finder> squares;
    for (const Finder &hit : hits) {
        const auto same = std::find_if(squares.begin(), squares.end(), [&](const Finder &s) {
            return std::hypot(s.x - hit.x, s.y - hit.y) < 3.5 * s.module;
        });
        if (same == squares.end())
            squares.push_back(hit);
    }
    for (size_t i = 0; i < squares.size(); ++i)
        for (size_t j = i + 1; j < squares.size(); ++j) {
            const Finder &a = squares[i], &b = squares[j];
            if (!within(a.module, b.module))
                continue;
            const double module = (a.module + b.module) / 2;
            const double distance = std::hypot(a.x - b.x, a.y - b.y) / module;
            if (distance >= 13 && distance <= 171)
                return true;
        }
    return false;
}

// How far dark ink runs from (x, y) by steps of (stepX, stepY), bridging gaps (a scratch
// across the arm) as long as most of the way stays dark.
int armLength(const BinaryPage &ink, int x, int y, int stepX, int stepY, int reach)
{
    int solid = 0;
    while (solid < reach && ink.dark(x + stepX * (solid + 1), y + stepY * (solid + 1)))
        ++solid;
    int end = solid;
    int darkCount = solid;
    for (int i = solid + 1; i <= reach; ++i)
        if (ink.dark(x + stepX * i, y + stepY * i)) {
            ++darkCount;
            if (darkCount * 2 >= i)
                end = i;
        }
    // An arm ends: a line that runs on (a frame, a table rule) is no code's edge.
    if (ink.dark(x + stepX * (end + 1), y + stepY * (end + 1)) ||
        ink.dark(x + stepX * (end + 2), y + stepY * (end + 2)))
        return -1;
    return end;
}

// Dark-light changes along `length` pixels from (x, y).
int changesAlong(const BinaryPage &ink, int x, int y, int stepX, int stepY, int length)
{
    int count = 0;
    bool previous = ink.dark(x, y);
    for (int i = 1; i <= length; ++i) {
        const bool now = ink.dark(x + stepX * i, y + stepY * i);
        count += now != previous;
        previous = now;
    }
    return count;
}

// Whether the runs along a clock track are one module long, bar the two at its ends.
bool regularTrack(const BinaryPage &ink, int x, int y, int stepX, int stepY, int length,
                  double module)
{
    std::vector<int> runs;
    int run = 1;
    bool previous = ink.dark(x, y);
    for (int i = 1; i <= length; ++i) {
        const bool now = ink.dark(x + stepX * i, y + stepY * i);
        if (now == previous) {
            ++run;
        } else {
            runs.push_back(run);
            run = 1;
            previous = now;
        }
    }
    if (runs.size() < 4)
        return false;
    const auto regular =
        std::count_if(runs.begin() + 1, runs.end(), [&](int r) { return within(r, module, 0.4); });
    return regular * 10 >= qsizetype(runs.size() - 1) * 8;
}

// A DataMatrix corner: a solid dark arm from (x, y) along y, then one of the same length
// along x, and opposite each arm a clock track changing module by module.
bool dataMatrixAt(const BinaryPage &ink, int x, int y, int dx, int dy)
{
    const int reach = int(kMaxModule * 146);
    int down = 0;
    while (down < reach && ink.dark(x, y + dy * (down + 1)))
        ++down;
    if (down < 12 || ink.dark(x, y + dy * (down + 2)))
        return false;
    const int cornerY = y + dy * down;
    const int across = armLength(ink, x, cornerY, dx, 0, down + down / 6 + 2);
    if (std::abs(down - across) > down / 6 + 2)
        return false;
    const int side = std::min(down, across);
    // A code keeps a quiet zone outside its L (and, checked last, its inside is a mix of dark
    // and light modules): strokes of text and photos in a frame do neither.
    int quiet = 0;
    for (int i = 0; i <= side; ++i)
        quiet += !ink.dark(x - 2 * dx, y + dy * i) && !ink.dark(x + dx * i, cornerY + 2 * dy);
    if (quiet * 10 < (side + 1) * 9)
        return false;
    // Read the clock tracks half a module inside the far edges; the module is not known yet,
    // so take the smallest one worth reading.
    const int inset = 1;
    const int farRow = changesAlong(ink, x, y + dy * inset, dx, 0, side);
    const int farColumn = changesAlong(ink, x + dx * (across - inset), cornerY, 0, -dy, side);
    const int most = std::max(farRow, farColumn);
    const int least = std::min(farRow, farColumn);
    if (most < 8 || least * 10 < most * 6)
        return false;
    const double module = double(side) / (most + 1);
    if (module < kMinModule || module > kMaxModule)
        return false;
    // The intact track ticks regularly, one module per run; hatching and text do not.
    const bool ticks = farRow == most ? regularTrack(ink, x, y + dy * inset, dx, 0, side, module)
                                      : regularTrack(ink, x + dx * (across - inset), cornerY, 0,
                                                     -dy, side, module);
    if (!ticks)
        return false;
    int inside = 0;
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i)
            inside += ink.dark(x + dx * i, y + dy * j);
    return inside * 4 >= side * side && inside * 4 <= side * side * 3;
}

bool dataMatrixFinder(const BinaryPage &ink)
{
    // Each arm's free end: a dark pixel with light on the arm's outer side and beyond its end.
    const auto armEndAt = [&](const unsigned char *row, int x, int y) {
        if (row[x - 1] && row[x + 1])
            return false;
        for (const int dx : {1, -1})
            for (const int dy : {1, -1})
                // An arm is at least twelve pixels long: its far pixel is the cheap test.
                if (!row[x - dx] && !ink.dark(x, y - dy) && ink.dark(x, y + 11 * dy) &&
                    dataMatrixAt(ink, x, y, dx, dy))
                    return true;
        return false;
    };
    // Only the two ends of a run of dark pixels can be one (inside a run, both neighbours are
    // dark): the scan jumps from run to run, over paper that is most of any page.
    const int last = ink.width() - 2;
    for (int y = 1; y + 1 < ink.height(); ++y) {
        const unsigned char *row = ink.row(y);
        for (int x = 1; x <= last;) {
            const auto *dark =
                static_cast<const unsigned char *>(std::memchr(row + x, 1, size_t(last - x + 1)));
            if (!dark)
                break;
            const int start = int(dark - row);
            int end = start;
            while (end < last && row[end + 1])
                ++end;
            if (armEndAt(row, start, y) || (end != start && armEndAt(row, end, y)))
                return true;
            x = end + 1;
        }
    }
    return false;
}

} // namespace

bool showsMatrixCodeFinder(const QImage &grey)
{
    const BinaryPage ink(grey);
    if (!ink.hasInk())
        return false;
    return qrFinderPair(qrFinders(ink)) || dataMatrixFinder(ink);
}

} // namespace pointage
