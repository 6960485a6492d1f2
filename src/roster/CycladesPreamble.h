// Reads the preamble of a Cyclades "Listes simples" export — the lines above the header row:
// session, diploma family, establishment "NAME  (UAI)", edition date and search criteria.
// Its length varies and every line is padded with separators, so lines are recognised by
// their content, not by their position.
#pragma once

#include "pointage/CsvReader.h"
#include "pointage/Diagnostic.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace pointage {

struct CycladesPreamble
{
    QString session;
    QString diplomaFamily;
    QString establishmentName;
    QString uai;
    QDateTime editedAt;
    QString criteria; // normalised, "" when the export is not filtered
    // The "Listes simples" title or the "Type d'édition : Liste simple" line was seen: what
    // makes a file a Cyclades export rather than any CSV with a "N° candidat" column.
    bool listesSimples = false;
};

// A UAI with a wrong checksum is kept (Cyclades wrote it) but reported as a warning.
CycladesPreamble parseCycladesPreamble(const QList<CsvRecord> &lines, const QString &fileName,
                                       Diagnostics &diagnostics);

// One spelling per filter: clauses split on ';', blanks collapsed, "Aucun" / "-" / "" -> "".
QString normaliseCriteria(const QString &criteria);

} // namespace pointage
