// The recorded versions of one candidate's registration, each with the import it came from.
#include "ledger/LedgerStore.h"
#include "ledger/RosterRowJson.h"
#include "pointage/Ledger.h"

#include <QDateTime>
#include <QSqlQuery>

namespace pointage {

Result<QList<CandidateVersion>> Ledger::candidateVersions(const QString &candidateNumber) const
{
    auto q = m_store->run(
        QStringLiteral("SELECT v.import_id, i.file, i.edited_at, i.imported_at, i.user, v.data "
                       "FROM candidate_versions v JOIN roster_imports i ON i.id = v.import_id "
                       "WHERE v.number = ? ORDER BY v.id"),
        {candidateNumber});
    if (!q)
        return q.error();
    auto dateTime = [](const QVariant &value) {
        return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODate);
    };
    QList<CandidateVersion> versions;
    while (q->next()) {
        CandidateVersion v;
        v.importId = q->value(0).toLongLong();
        v.file = q->value(1).toString();
        v.editedAt = dateTime(q->value(2));
        v.importedAt = dateTime(q->value(3));
        v.user = q->value(4).toString();
        v.row = rosterRowFromJson(q->value(5).toByteArray());
        versions.append(v);
    }
    return versions;
}

} // namespace pointage
