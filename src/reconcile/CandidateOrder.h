// The order schools are asked to file dossiers in: by specialty, then French alphabetical
// order of names (accents and case as a French reader expects), then first names.
#pragma once

#include "pointage/StatusTypes.h"

#include <QList>

namespace pointage {

// Collation keys are computed once per value, so 20,000 candidates sort in milliseconds.
void sortInFilingOrder(QList<CandidateStatus> &candidates);

} // namespace pointage
