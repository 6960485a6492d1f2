// Signature readings (schema v6) are written with their page by the scan store; here they are
// read back for one page with the crops the snapshot leaves out (people look at one page at a
// time; the snapshot is read on every refresh).
#include "ledger/LedgerStore.h"
#include "pointage/Ledger.h"

#include <QSqlQuery>

namespace pointage {

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
