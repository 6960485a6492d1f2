#include "pointage/RosterOrder.h"

#include <QCollator>
#include <QCollatorSortKey>

namespace pointage {

namespace {
struct FilingKey
{
    QString specialty;
    QCollatorSortKey lastName;
    QCollatorSortKey firstNames;
    QString number;
    qsizetype index;
};
} // namespace

std::vector<qsizetype> filingOrder(const QList<const RosterRow *> &rows)
{
    // QCollator must not be shared between threads.
    thread_local QCollator collator(QLocale(QLocale::French, QLocale::France));
    collator.setCaseSensitivity(Qt::CaseInsensitive);

    std::vector<FilingKey> keys;
    keys.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const RosterRow &row = *rows.at(i);
        keys.push_back({row.specialtyCode, collator.sortKey(row.lastName),
                        collator.sortKey(row.firstNames), row.candidateNumber, i});
    }
    std::stable_sort(keys.begin(), keys.end(), [](const FilingKey &a, const FilingKey &b) {
        if (a.specialty != b.specialty)
            return a.specialty < b.specialty;
        if (int c = a.lastName.compare(b.lastName); c != 0)
            return c < 0;
        if (int c = a.firstNames.compare(b.firstNames); c != 0)
            return c < 0;
        return a.number < b.number;
    });
    std::vector<qsizetype> order;
    order.reserve(keys.size());
    for (const FilingKey &k : keys)
        order.push_back(k.index);
    return order;
}

} // namespace pointage
