// Per-school and académie-wide figures summed from candidate statuses and page outcomes: the
// one place a candidate's state becomes a count (the reconciliation's, and the report tests'
// scenarios built by hand).
// Thread-safety: a pure function.
#pragma once

#include "pointage/StatusTypes.h"

#include <QHash>

namespace pointage {

// Fills `status.schools` (by UAI), the académie totals and `receiptsPerDay`, from
// `status.candidateStatus` and `status.pages`. `lastReceipts` is parallel to candidateStatus.
void aggregate(AcademieStatus &status, const QList<QDate> &lastReceipts,
               const QHash<QString, QString> &establishmentNames);

} // namespace pointage
