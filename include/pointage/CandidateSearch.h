// Finding candidates the way a clerk asks: by candidate number (10 or 11 digits, or its
// beginning), by INE, or by name (any word of last, usage or first names, accents and case
// ignored). Used by the web desk's search and the page-assignment form.
// Thread-safety: pure function.
#pragma once

#include "pointage/StatusTypes.h"

#include <QList>
#include <QString>

namespace pointage {

// Indexes into `status.candidateStatus`, exact number/INE matches first, then in filing order;
// at most `limit`. An empty or one-letter query finds nothing.
QList<qsizetype> searchCandidates(const AcademieStatus &status, const QString &query, int limit);

// "Élodie" -> "ELODIE": upper case without accents, for comparisons people expect.
QString foldForSearch(const QString &text);

} // namespace pointage
