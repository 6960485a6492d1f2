// Per-school and académie-wide figures summed from candidate statuses and page outcomes.
#pragma once

#include "pointage/LedgerSnapshot.h"
#include "pointage/StatusTypes.h"

namespace pointage {

// Fills `status.schools` (by UAI), the académie totals and `receiptsPerDay`, from
// `status.candidateStatus` and `status.pages`. `lastReceipts` is parallel to candidateStatus.
void aggregate(AcademieStatus &status, const QList<QDate> &lastReceipts,
               const QHash<QString, QString> &establishmentNames);

} // namespace pointage
