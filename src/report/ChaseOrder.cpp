#include "pointage/ChaseOrder.h"

#include <algorithm>

namespace pointage {

int missingDossiers(const SchoolStatus &school)
{
    return school.notReceived + school.withoutConfirmation + school.incomplete + school.stale;
}

QList<SchoolStatus> schoolsToChaseFirst(const AcademieStatus &status, int limit)
{
    QList<SchoolStatus> schools;
    for (const SchoolStatus &school : status.schools) {
        if (missingDossiers(school) > 0)
            schools.append(school);
    }
    auto urgency = [](const SchoolStatus &s) {
        return std::make_tuple(!(s.candidates > 0 && s.nothingReceived()), -missingDossiers(s),
                               s.percentReceived());
    };
    std::stable_sort(schools.begin(), schools.end(),
                     [&](const auto &a, const auto &b) { return urgency(a) < urgency(b); });
    if (limit >= 0 && schools.size() > limit)
        schools.resize(limit);
    return schools;
}

} // namespace pointage
