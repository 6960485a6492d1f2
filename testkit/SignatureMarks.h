// What schools put in the signature boxes of a confirmation, drawn for test pages: a handwritten
// signature (clear or faint), nothing, the school's stamp alone, or a signature straying out of
// its box. PagePainter lays the boxes out; this file only fills them.
// Thread-safety: free functions drawing with the caller's painter and random generator.
#pragma once

#include <QRandomGenerator>
#include <QRectF>
#include <QString>

class QPainter;

namespace pointage::testkit {

enum class SignatureInk {
    Signed,     // a handwritten signature inside the box
    Unsigned,   // the box left empty
    Faint,      // light ink and a thin pen: a ballpoint running dry, a pale felt-tip
    StampOnly,  // the school's stamp (round or rectangular, with its text), no handwriting
    OutsideBox, // a signature across the box's bottom edge, mostly below it
};

// "signed", "unsigned", "faint", "stamp_only", "outside_box": for test names and the bench.
QString signatureInkName(SignatureInk ink);

// Where the marks of `ink` lie for a box at `boxMm` (page millimetres): the handwriting's or
// the stamp's extent; empty for an unsigned box.
QRectF signatureInkArea(const QRectF &boxMm, SignatureInk ink);

// Draws the marks of `ink` for the box at `boxMm`; `pxPerMm` converts page millimetres to the
// painter's pixels. The printed box and its label are the caller's.
void drawSignatureInk(QPainter &painter, double pxPerMm, const QRectF &boxMm, SignatureInk ink,
                      QRandomGenerator &random);

} // namespace pointage::testkit
