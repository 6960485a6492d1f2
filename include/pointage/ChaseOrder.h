// Which schools the DIEC should chase first: those that have sent nothing at all, then those
// with the most dossiers still missing (confirmations not received, pieces missing, stale
// versions). Used by the académie dashboard; front ends may print the same list.
// Thread-safety: pure function.
#pragma once

#include "pointage/StatusTypes.h"

#include <QList>

namespace pointage {

int missingDossiers(const SchoolStatus &school); // not received + incomplete + stale

// Schools with at least one missing dossier, most urgent first, at most `limit` of them.
QList<SchoolStatus> schoolsToChaseFirst(const AcademieStatus &status, int limit);

} // namespace pointage
