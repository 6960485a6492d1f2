// One page's stored facts read alone — its codes, its signature readings with the crops the
// snapshot leaves out — for a decision or a screen about that page: the whole snapshot costs
// about half a second on a 20,000-candidate ledger.
#include "ledger/LedgerStore.h"
#include "pointage/Ledger.h"

#include <QSqlQuery>

namespace pointage {

Result<QList<BarcodeRead>> Ledger::pageCodes(qint64 pageId) const
{
    auto q = m_store->run(QStringLiteral("SELECT format, text, rotation FROM page_codes WHERE "
                                         "page_id = ? ORDER BY rowid"),
                          {pageId});
    if (!q)
        return q.error();
    QList<BarcodeRead> codes;
    while (q->next())
        codes.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toInt()});
    return codes;
}

Result<QList<ZoneReading>> Ledger::pageSignatures(qint64 pageId) const
{
    auto q = m_store->run(QStringLiteral("SELECT zone, label, finding, ink_share, strokes, area, "
                                         "picture FROM page_signatures WHERE page_id = ? "
                                         "ORDER BY rowid"),
                          {pageId});
    if (!q)
        return q.error();
    QList<ZoneReading> zones;
    while (q->next()) {
        ZoneReading zone = zoneReadingAt(q.value(), 0);
        zone.picture = q->value(6).toByteArray();
        zones.append(zone);
    }
    return zones;
}

} // namespace pointage
