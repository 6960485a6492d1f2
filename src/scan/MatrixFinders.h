// Tells a 2D code that cannot be read from text, photos and tables by the patterns its
// symbology prints to be found: a QR code's finder squares (dark, light, dark three modules
// wide, light, dark, 1:1:3:1:1, across and down) and a DataMatrix's solid L with the
// alternating clock track opposite. A scratch, a stain or a torn corner leaves enough of them
// for the page to be flagged « code illisible » where decoding gives nothing.
// Thread-safety: reentrant.
#pragma once

#include <QImage>

namespace pointage {

// Whether `grey` (Format_Grayscale8, ~150 dpi) shows at least two QR finder squares of one
// module size at a code's distance, or a DataMatrix L with its clock track.
bool showsMatrixCodeFinder(const QImage &grey);

} // namespace pointage
