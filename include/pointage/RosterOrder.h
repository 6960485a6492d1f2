// The order in which schools file their dossiers and managers read lists: by specialty, then
// French alphabetical order of "NAME First names" (QCollator, French locale: accents and case
// the French way), then candidate number.
// Thread-safety: each thread gets its own collator; safe from any thread.
#pragma once

#include "pointage/RosterTypes.h"

#include <QList>
#include <algorithm>
#include <vector>

namespace pointage {

// Positions of `rows` in filing order (sort keys are computed once per row, so 20,000 names
// sort in milliseconds).
std::vector<qsizetype> filingOrder(const QList<const RosterRow *> &rows);

// Sorts `items` in place; `rowOf(item)` returns the item's `const RosterRow &`.
template <class T, class RowOf> void sortInFilingOrder(QList<T> &items, RowOf rowOf)
{
    QList<const RosterRow *> rows;
    rows.reserve(items.size());
    for (const T &item : std::as_const(items))
        rows.append(&rowOf(item));
    const std::vector<qsizetype> order = filingOrder(rows);
    QList<T> sorted;
    sorted.reserve(items.size());
    for (qsizetype i : order)
        sorted.append(std::move(items[i]));
    items = std::move(sorted);
}

} // namespace pointage
