// --json forms of the computed status, with stable English keys for scripts.
// Thread-safety: pure functions.
#pragma once

#include "pointage/StatusTypes.h"

#include <QJsonObject>

namespace pointage::cli {

QJsonObject candidateStatusJson(const CandidateStatus &status);
QJsonObject schoolStatusJson(const SchoolStatus &school);
QJsonObject pageOutcomeJson(const PageOutcome &page);
QJsonObject academieSummaryJson(const AcademieStatus &status);

} // namespace pointage::cli
