// What the ink of one signature zone amounts to once its printed frame is erased: dust, the
// printed label, a stamp and the frame's leftovers set aside, the rest is handwriting (inside
// the box) or strokes leaving it (outside, touching the frame). judgeSignature() turns that
// into a finding, erring towards "doubtful" rather than calling a signed form unsigned.
// Thread-safety: plain values; reentrant functions.
#pragma once

#include "InkMap.h"
#include "PrintedBox.h"
#include "pointage/SignatureCheck.h"

namespace pointage {

struct ZoneEvidence
{
    int handPixels = 0;      // handwriting inside the box
    int strokes = 0;         // its connected strokes
    int longStrokes = 0;     // strokes at least 4 mm long
    double handExtentMm = 0; // the strokes' lengths (largest side), summed
    double handSpanMm = 0;   // how much of the box's width they cover together
    double handDarkness = 0; // mean darkness of the handwriting, grey levels
    int outsidePixels = 0;   // strokes outside the box that touch its frame
    double outsideExtentMm = 0;
    bool stamp = false;
    double innerWidthMm = 0;
    int innerPixels = 0;
};

ZoneEvidence gatherEvidence(const InkMap &map, const InkBlobs &blobs, const PrintedBox &box,
                            double pxPerMm);

SignatureFinding judgeSignature(const ZoneEvidence &evidence, bool stampIsSignature);

} // namespace pointage
