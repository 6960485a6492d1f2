// Turns the data rows of one Cyclades export into RosterRows, one row at a time, and says what
// is wrong with the others. A row is rejected (Error diagnostic, not returned) when it cannot be
// attributed: no valid candidate number, a number already seen in the file, no last name, or —
// when rows carry their own establishment — no valid UAI. An unreadable optional value
// (inscription, birth date, INE, specialty code) only empties that value, with a warning:
// dropping a registered candidate for it would make them look withdrawn.
#pragma once

#include "CycladesColumns.h"
#include "CycladesPreamble.h"
#include "pointage/CsvReader.h"
#include "pointage/RosterTypes.h"

#include <QHash>
#include <QSet>
#include <optional>

namespace pointage {

class CycladesRowReader
{
public:
    CycladesRowReader(CycladesColumns columns, const CycladesPreamble &preamble, QString fileName);

    // True for a line with nothing but separators, blanks and "-".
    static bool isBlank(const CsvRecord &record);

    // The row, or nullopt when it is rejected; findings are appended to `diagnostics`.
    std::optional<RosterRow> read(const CsvRecord &record, Diagnostics &diagnostics);

private:
    bool attributeEstablishment(RosterRow &row, const QString &uaiCell,
                                const QString &establishmentCell, QString &problem) const;
    void readOptionalValues(RosterRow &row, const QString *cells, const CsvRecord &record,
                            Diagnostics &diagnostics) const;
    QString shared(const QString &value);

    CycladesColumns m_columns;
    QString m_preambleUai;
    QString m_preambleEstablishment;
    QString m_fileName;
    bool m_rowsCarryUai = false;
    QHash<QString, int> m_lineByCandidate;
    QSet<QString> m_sharedValues;
};

} // namespace pointage
