// Tells a school stamp's frame from handwriting: a ring or a rounded rectangle, 1–7 cm across,
// enclosing most of its own extent, with a regular outline that a hand-drawn loop lacks.
// Thread-safety: reentrant function on values.
#pragma once

#include "InkMap.h"

namespace pointage {

// `blobs` labels a map `width` pixels wide at `pxPerMm`.
bool isStampFrame(const InkBlobs &blobs, const InkBlob &blob, int width, double pxPerMm);

} // namespace pointage
