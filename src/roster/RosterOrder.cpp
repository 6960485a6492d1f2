#include "pointage/RosterOrder.h"

#include <QCollator>
#include <QCollatorSortKey>
#include <QHash>
#include <numeric>

namespace pointage {

namespace {

struct FilingKey
{
    QCollatorSortKey specialty;
    QCollatorSortKey name;
};

// One key for "NAME First names": accents then only break ties between otherwise equal full
// names (ÉMERY Lucie before EMERY Paul, as in a printed list), and the space, which collates
// before any letter, keeps DUPONT Zoé before DUPONTEL Anne.
QString filingName(const RosterRow &row)
{
    return row.lastName + QLatin1Char(' ') + row.firstNames;
}

} // namespace

std::vector<qsizetype> filingOrder(const QList<const RosterRow *> &rows)
{
    // QCollator is not to be shared between threads: this one lives for this call only.
    QCollator collator{QLocale(QLocale::French, QLocale::France)};
    collator.setCaseSensitivity(Qt::CaseInsensitive);

    // An académie has a few dozen specialties: compute each of their keys once.
    QHash<QString, QCollatorSortKey> specialtyKeys;
    std::vector<FilingKey> keys;
    keys.reserve(size_t(rows.size()));
    for (const RosterRow *row : rows) {
        auto specialty = specialtyKeys.find(row->specialtyLabel);
        if (specialty == specialtyKeys.end())
            specialty =
                specialtyKeys.insert(row->specialtyLabel, collator.sortKey(row->specialtyLabel));
        keys.push_back(FilingKey{specialty.value(), collator.sortKey(filingName(*row))});
    }

    std::vector<qsizetype> order(size_t(rows.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const FilingKey &x = keys[size_t(a)];
        const FilingKey &y = keys[size_t(b)];
        if (const int c = x.specialty.compare(y.specialty))
            return c < 0;
        const RosterRow &rowA = *rows.at(a);
        const RosterRow &rowB = *rows.at(b);
        if (const int c = rowA.specialtyCode.compare(rowB.specialtyCode))
            return c < 0;
        if (const int c = x.name.compare(y.name))
            return c < 0;
        return rowA.candidateNumber < rowB.candidateNumber;
    });
    return order;
}

} // namespace pointage
