#include "BlankPage.h"

namespace pointage {

namespace {

// Lid shadows, punch holes and the feeder's edges live in the outer 4 % of a scan.
constexpr double kIgnoredMargin = 0.04;
// A cell holds ink when a sixteenth of it is dark: dust specks of one or two pixels do not.
constexpr int kInkPixelsPerCellDivisor = 16;
// Less than a thousandth of the cells inked — not even a short line of text.
constexpr double kMaxInkedShare = 0.001;

} // namespace

bool looksBlank(const PageCells &cells)
{
    const int marginX = int(cells.columns() * kIgnoredMargin) + 1;
    const int marginY = int(cells.rows() * kIgnoredMargin) + 1;
    const int inkedThreshold = cells.cellSize() * cells.cellSize() / kInkPixelsPerCellDivisor;
    int inked = 0;
    int counted = 0;
    for (int row = marginY; row < cells.rows() - marginY; ++row)
        for (int column = marginX; column < cells.columns() - marginX; ++column, ++counted)
            inked += cells.at(column, row).ink >= inkedThreshold;
    return inked <= counted * kMaxInkedShare;
}

} // namespace pointage
