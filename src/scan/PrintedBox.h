// The printed frame of a signature zone, found in the ink map near where the barcode says it
// should be (the form may sit a few millimetres off), then erased so that only what people
// wrote or stamped is left. Long straight runs are the frame; handwriting has none as long.
// Thread-safety: plain values; reentrant functions.
#pragma once

#include "InkMap.h"

#include <QRectF>

namespace pointage {

struct PrintedBox
{
    QRect outer;        // the frame lines included
    QRect inner;        // inside the lines: where a signature belongs
    int edgesFound = 0; // of the four lines; the others are placed from the expected size
};

// `expected` is the box as configured, in map pixels; `reach` how far off it may lie.
PrintedBox findPrintedBox(const InkMap &map, const QRectF &expected, double reach, double pxPerMm);

// Clears the frame lines, one pixel beyond them on each side for their soft edges.
void erasePrintedBox(InkMap &map, const PrintedBox &box);

} // namespace pointage
