// The académie's progress as an inline SVG line chart: confirmations received, cumulated per
// day, against a straight target from the window's opening (0) to its closing day (every
// candidate), with the opening, closing and as-of days marked. Drawn here, no library, so the
// dashboard stays one self-contained file.
// Thread-safety: pure function.
#pragma once

#include "pointage/StatusTypes.h"

#include <QString>

namespace pointage {

QString progressChartSvg(const AcademieStatus &status);

} // namespace pointage
