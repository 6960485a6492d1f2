// The order schools are asked to file dossiers in: by specialty, then French alphabetical
// order of names (accents and case as a French reader expects), then first names.
#pragma once

#include "pointage/LedgerSnapshot.h"

#include <QList>

namespace pointage {

// Positions in `candidates`, in filing order. Collation keys are computed once per value, so
// 20,000 candidates sort in milliseconds.
QList<int> filingOrder(const QList<CandidateRecord> &candidates);

} // namespace pointage
