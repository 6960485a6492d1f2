#include "BarcodeRegions.h"

#include <algorithm>
#include <vector>

namespace pointage {

namespace {

// Edge energy per pixel that a cell of bars shows even in faint print.
constexpr int kMinEdgePerPixel = 10;
// Bars: edges across one direction at least this many times stronger than along it.
constexpr int kBarDominance = 3;

enum class Texture : unsigned char { None, VerticalBars, HorizontalBars, Dense };

Texture textureOf(const Cell &cell, int area)
{
    const int minEdge = kMinEdgePerPixel * area;
    if (cell.edgeX >= minEdge && cell.edgeX >= kBarDominance * cell.edgeY)
        return Texture::VerticalBars;
    if (cell.edgeY >= minEdge && cell.edgeY >= kBarDominance * cell.edgeX)
        return Texture::HorizontalBars;
    if (cell.edgeX >= minEdge && cell.edgeY >= minEdge && cell.ink * 4 >= area &&
        cell.ink * 4 <= area * 3)
        return Texture::Dense;
    return Texture::None;
}

struct Component
{
    QRect cells;
    int count = 0;
};

// 4-connected components of cells with the same texture.
std::vector<Component> components(const std::vector<Texture> &grid, int columns, int rows,
                                  Texture texture)
{
    std::vector<Component> found;
    std::vector<bool> seen(grid.size(), false);
    std::vector<int> stack;
    for (int start = 0; start < int(grid.size()); ++start) {
        if (seen[size_t(start)] || grid[size_t(start)] != texture)
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
                    grid[size_t(next)] != texture)
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

// A linear code of at least ~7 mm by ~3 mm at the usual cell size, bars mostly contiguous.
bool isBarBlock(const Component &c, bool vertical)
{
    const int along = vertical ? c.cells.width() : c.cells.height();
    const int across = vertical ? c.cells.height() : c.cells.width();
    return along >= 5 && across >= 2 && fill(c) >= 0.5;
}

// A 2D code: square-ish, dense, between ~4 mm and ~5 cm.
bool isMatrixBlock(const Component &c)
{
    const int w = c.cells.width(), h = c.cells.height();
    return w >= 3 && h >= 3 && w <= 40 && h <= 40 && std::max(w, h) <= 2 * std::min(w, h) &&
           fill(c) >= 0.6;
}

} // namespace

QList<BarcodeRegion> findBarcodeRegions(const PageCells &cells)
{
    const int area = cells.cellSize() * cells.cellSize();
    std::vector<Texture> grid(size_t(cells.columns() * cells.rows()));
    for (int row = 0; row < cells.rows(); ++row)
        for (int column = 0; column < cells.columns(); ++column)
            grid[size_t(row * cells.columns() + column)] = textureOf(cells.at(column, row), area);

    QList<BarcodeRegion> regions;
    const QRect page(0, 0, cells.columns(), cells.rows());
    for (const bool vertical : {true, false}) {
        const Texture texture = vertical ? Texture::VerticalBars : Texture::HorizontalBars;
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
    for (const Component &c : components(grid, cells.columns(), cells.rows(), Texture::Dense)) {
        if (isMatrixBlock(c)) {
            const int margin = std::max(c.cells.width(), c.cells.height()) / 2 + 1;
            regions.append(
                {BarcodeRegion::Kind::Matrix,
                 cells.pixelRect(c.cells.adjusted(-margin, -margin, margin, margin) & page)});
        }
    }
    return regions;
}

} // namespace pointage
