// Recognition results (schema v4): one row per page, replaced by each new reading, journaled so
// that "who typed this page" always has an answer — here, the recognition stage and its rules.
#include "ledger/LedgerStore.h"
#include "pointage/Ledger.h"

#include <QDateTime>
#include <QSqlQuery>

namespace pointage {

Status Ledger::recordRecognition(qint64 pageId, const PageRecognition &recognition)
{
    LedgerStore &store = *m_store;
    Transaction tx(store);
    if (Status s = tx.begin(); !s)
        return s;
    auto q = store.run(
        QStringLiteral("INSERT OR REPLACE INTO page_recognitions(page_id, rules_hash, piece, "
                       "confidence, failure, recognised_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {pageId, recognition.rulesHash, recognition.pieceCode, recognition.confidence,
         recognition.failure, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    if (!q)
        return q.error();
    const QString detail =
        QStringLiteral("reconnaissance page=%1 pièce=%2 confiance=%3 règles=%4%5")
            .arg(pageId)
            .arg(recognition.pieceCode.isEmpty() ? QStringLiteral("(à identifier)")
                                                 : recognition.pieceCode)
            .arg(recognition.confidence, 0, 'f', 2)
            .arg(recognition.rulesHash,
                 recognition.failure.isEmpty() ? QString() : QStringLiteral(" échec"));
    if (Status s = store.journal(QStringLiteral("recognition"), detail); !s)
        return s;
    return tx.commit();
}

} // namespace pointage
