// Blank-page test for the backs of duplex scans: almost no ink once the scanner's dark edges,
// dust and sensor noise are ignored.
// Thread-safety: reentrant.
#pragma once

#include "PageCells.h"

namespace pointage {

bool looksBlank(const PageCells &cells);

} // namespace pointage
