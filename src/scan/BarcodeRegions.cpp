#include "BarcodeRegions.h"

#include <algorithm>
#include <vector>

namespace pointage {

namespace {

// Edge energy per pixel that a cell of bars shows even in faint print (crisp bars give ~60,
// faint ones ~15–35, text ~20–40 with both directions mixed).
constexpr int kMinEdgePerPixel = 12;
// Bars: edges across one direction at least this many times stronger than along it (a
// printed code gives ~20, the vertical strokes of letters rarely stay above 5 for long).
constexpr int kBarDominance = 5;

// What a cell looks like; a cell can be both bars and busy.
enum Texture : unsigned char {
    VerticalBars = 1,   // edges across x only: the bars of an upright linear code
    HorizontalBars = 2, // the same, turned a quarter
    Busy = 4,           // many edges and some ink: a 2D code's modules (or text)
};

unsigned char textureOf(const Cell &cell, int area)
{
    const int minEdge = kMinEdgePerPixel * area;
    unsigned char texture = 0;
    if (cell.edgeX >= minEdge && cell.edgeX >= kBarDominance * cell.edgeY)
        texture |= VerticalBars;
    if (cell.edgeY >= minEdge && cell.edgeY >= kBarDominance * cell.edgeX)
        texture |= HorizontalBars;
    if (cell.edgeX + cell.edgeY >= 2 * minEdge && cell.ink * 8 >= area)
        texture |= Busy;
    return texture;
}

struct Component
{
    QRect cells;
    int count = 0;
};

// 4-connected components of cells with the same texture.
std::vector<Component> components(const std::vector<unsigned char> &grid, int columns, int rows,
                                  Texture texture)
{
    std::vector<Component> found;
    std::vector<bool> seen(grid.size(), false);
    std::vector<int> stack;
    for (int start = 0; start < int(grid.size()); ++start) {
        if (seen[size_t(start)] || !(grid[size_t(start)] & texture))
            continue;
        Component component;
        stack.assign(1, start);
        seen[size_t(start)] = true;
        while (!stack.empty()) {
            const int index = stack.back();
            stack.pop_back();
            const int column = index % columns, row = index / columns;
            component.cells |= QRect(column, row, 1, 1);
            ++component.count;
            const int neighbours[4][2] = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
            for (const auto &offset : neighbours) {
                const int c = column + offset[0], r = row + offset[1];
                const int next = r * columns + c;
                if (c < 0 || r < 0 || c >= columns || r >= rows || seen[size_t(next)] ||
                    !(grid[size_t(next)] & texture))
                    continue;
                seen[size_t(next)] = true;
                stack.push_back(next);
            }
        }
        found.push_back(component);
    }
    return found;
}

double fill(const Component &component)
{
    return double(component.count) / (component.cells.width() * component.cells.height());
}

// A linear code of at least ~11 mm by ~4 mm at 150 dpi, bars mostly contiguous (half of a
// scratched-out code still qualifies).
bool isBarBlock(const Component &c, bool vertical)
{
    const int along = vertical ? c.cells.width() : c.cells.height();
    const int across = vertical ? c.cells.height() : c.cells.width();
    return along >= 8 && across >= 3 && fill(c) >= 0.6;
}

// A 2D code: square-ish, dense, between ~5 mm and ~5 cm at 150 dpi. Lines of text are less
// than four cells tall with gaps between them.
bool isMatrixBlock(const Component &c)
{
    const int w = c.cells.width(), h = c.cells.height();
    return w >= 4 && h >= 4 && w <= 40 && h <= 40 && std::max(w, h) <= 2 * std::min(w, h) &&
           fill(c) >= 0.75;
}

// A 2D code printed against text is joined to it in one block that is no longer square, but
// its modules still fill a square of busy cells, which lines of text (gaps between them)
// seldom do. The largest such squares, biggest first; a few per page, since a photo or a
// heading makes some too and each costs a decode of its crop.
constexpr int kMinSquareCells = 4;
constexpr int kMaxSquaresPerPage = 6;

QList<QRect> denseSquares(std::vector<unsigned char> grid, int columns, int rows)
{
    QList<QRect> squares;
    // side[i]: the largest square of busy cells whose bottom-right cell is i.
    std::vector<int> side(grid.size(), 0);
    while (squares.size() < kMaxSquaresPerPage) {
        int best = 0;
        int bestIndex = 0;
        for (int row = 0; row < rows; ++row)
            for (int column = 0; column < columns; ++column) {
                const size_t i = size_t(row * columns + column);
                if (!(grid[i] & Busy)) {
                    side[i] = 0;
                    continue;
                }
                const int up = row > 0 ? side[i - size_t(columns)] : 0;
                const int left = column > 0 ? side[i - 1] : 0;
                const int diagonal = row > 0 && column > 0 ? side[i - size_t(columns) - 1] : 0;
                side[i] = 1 + std::min({up, left, diagonal});
                if (side[i] > best) {
                    best = side[i];
                    bestIndex = int(i);
                }
            }
        if (best < kMinSquareCells)
            break;
        const QRect square(bestIndex % columns - best + 1, bestIndex / columns - best + 1, best,
                           best);
        squares.append(square);
        for (int row = square.top(); row <= square.bottom(); ++row)
            for (int column = square.left(); column <= square.right(); ++column)
                grid[size_t(row * columns + column)] &= ~Busy;
    }
    return squares;
}

// One code seen as two pieces (a faint bar column, a scratch) must be cropped whole.
QList<BarcodeRegion> mergeOverlapping(QList<BarcodeRegion> regions)
{
    for (bool merged = true; merged;) {
        merged = false;
        for (qsizetype i = 0; i < regions.size() && !merged; ++i) {
            for (qsizetype j = i + 1; j < regions.size() && !merged; ++j) {
                if (regions[i].kind == regions[j].kind &&
                    regions[i].area.intersects(regions[j].area)) {
                    regions[i].area |= regions[j].area;
                    regions.removeAt(j);
                    merged = true;
                }
            }
        }
    }
    return regions;
}

} // namespace

QList<BarcodeRegion> findBarcodeRegions(const PageCells &cells)
{
    const int area = cells.cellSize() * cells.cellSize();
    std::vector<unsigned char> grid(size_t(cells.columns() * cells.rows()));
    for (int row = 0; row < cells.rows(); ++row)
        for (int column = 0; column < cells.columns(); ++column)
            grid[size_t(row * cells.columns() + column)] = textureOf(cells.at(column, row), area);

    QList<BarcodeRegion> regions;
    const QRect page(0, 0, cells.columns(), cells.rows());
    for (const bool vertical : {true, false}) {
        const Texture texture = vertical ? VerticalBars : HorizontalBars;
        for (const Component &c : components(grid, cells.columns(), cells.rows(), texture)) {
            if (!isBarBlock(c, vertical))
                continue;
            // Quiet zone and the bar ends the cells missed: widen along the code.
            const int along = (vertical ? c.cells.width() : c.cells.height()) / 3 + 2;
            const QRect grown = vertical ? c.cells.adjusted(-along, -2, along, 2)
                                         : c.cells.adjusted(-2, -along, 2, along);
            regions.append({BarcodeRegion::Kind::Linear, cells.pixelRect(grown & page)});
        }
    }
    for (const Component &c : components(grid, cells.columns(), cells.rows(), Busy)) {
        if (isMatrixBlock(c)) {
            const int margin = std::max(c.cells.width(), c.cells.height()) / 2 + 1;
            regions.append(
                {BarcodeRegion::Kind::Matrix,
                 cells.pixelRect(c.cells.adjusted(-margin, -margin, margin, margin) & page)});
        }
    }
    for (const QRect &square : denseSquares(grid, cells.columns(), cells.rows())) {
        const int margin = square.width() / 2 + 1;
        regions.append({BarcodeRegion::Kind::Matrix,
                        cells.pixelRect(square.adjusted(-margin, -margin, margin, margin) & page)});
    }
    return mergeOverlapping(regions);
}

} // namespace pointage
