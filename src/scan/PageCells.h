// A scanned page summarised in small square cells: how much ink, and how much horizontal and
// vertical edge energy each holds. One pass over the pixels feeds both the blank-page test and
// the barcode-region finder.
// Thread-safety: plain values and a reentrant function.
#pragma once

#include <QImage>
#include <QRect>
#include <vector>

namespace pointage {

struct Cell
{
    int ink = 0;   // pixels clearly darker than the paper
    int edgeX = 0; // sum of |horizontal differences|: vertical strokes (bars)
    int edgeY = 0; // sum of |vertical differences|: horizontal strokes
};

class PageCells
{
public:
    PageCells(const QImage &grey, int cellSize);

    int cellSize() const { return m_cellSize; }
    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    const Cell &at(int column, int row) const { return m_cells[size_t(row * m_columns + column)]; }
    int paperLevel() const { return m_paper; }
    QRect pixelRect(const QRect &cells) const;

private:
    int m_cellSize;
    int m_columns;
    int m_rows;
    int m_paper = 255;
    std::vector<Cell> m_cells;
};

} // namespace pointage
