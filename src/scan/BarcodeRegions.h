// Finds where barcodes probably are, without decoding: areas of cells whose edges all run one
// way (the bars of a linear code), and compact, dense, square-ish areas or dense squares inside
// larger blocks (a 2D code, alone or printed against text). Used to crop what the first
// decoding pass missed or does not look for (2D codes), and to tell "unreadable code" from
// "no code".
// Thread-safety: reentrant.
#pragma once

#include "PageCells.h"

#include <QList>
#include <QRect>

namespace pointage {

struct BarcodeRegion
{
    enum class Kind { Linear, Matrix };
    Kind kind = Kind::Linear;
    QRect area; // in pixels of the image the cells were measured on, quiet zone included
};

QList<BarcodeRegion> findBarcodeRegions(const PageCells &cells);

} // namespace pointage
