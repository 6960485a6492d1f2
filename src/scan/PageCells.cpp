#include "PageCells.h"

#include <array>
#include <cstdlib>

namespace pointage {

namespace {

// Ink is what stands this far below the paper: above sensor noise and show-through from the
// other side of the sheet, below even faint toner.
constexpr int kInkBelowPaper = 45;

// The paper is the bright level most pixels share: the 80th percentile of a sample.
int paperLevelOf(const QImage &grey)
{
    std::array<int, 256> histogram{};
    int samples = 0;
    for (int y = 0; y < grey.height(); y += 7) {
        const uchar *line = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); x += 7, ++samples)
            ++histogram[line[x]];
    }
    int seen = 0;
    for (int level = 0; level < 256; ++level) {
        seen += histogram[size_t(level)];
        if (seen >= samples * 4 / 5)
            return level;
    }
    return 255;
}

} // namespace

PageCells::PageCells(const QImage &grey, int cellSize)
    : m_cellSize(cellSize), m_columns((grey.width() - 1) / cellSize),
      m_rows(grey.height() / cellSize), m_cells(size_t(m_columns * m_rows))
{
    m_paper = paperLevelOf(grey);
    const int inkLevel = m_paper - kInkBelowPaper;
    for (int y = 0; y + 1 < m_rows * cellSize; ++y) {
        const uchar *line = grey.constScanLine(y);
        const uchar *below = grey.constScanLine(y + 1);
        Cell *rowCells = &m_cells[size_t((y / cellSize) * m_columns)];
        for (int column = 0; column < m_columns; ++column) {
            Cell &cell = rowCells[column];
            const int start = column * cellSize;
            int ink = 0, edgeX = 0, edgeY = 0;
            for (int x = start; x < start + cellSize; ++x) {
                ink += line[x] < inkLevel;
                edgeX += std::abs(int(line[x + 1]) - int(line[x]));
                edgeY += std::abs(int(below[x]) - int(line[x]));
            }
            cell.ink += ink;
            cell.edgeX += edgeX;
            cell.edgeY += edgeY;
        }
    }
}

QRect PageCells::pixelRect(const QRect &cells) const
{
    return QRect(cells.left() * m_cellSize, cells.top() * m_cellSize, cells.width() * m_cellSize,
                 cells.height() * m_cellSize);
}

} // namespace pointage
