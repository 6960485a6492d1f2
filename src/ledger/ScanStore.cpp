// Scanned files and their pages' decode facts. One file = one transaction, so a crash or
// Ctrl-C mid-file leaves that file un-ingested and a re-run completes it.
#include "ledger/LedgerStore.h"
#include "pointage/Ledger.h"

#include <QDateTime>
#include <QSqlQuery>

namespace pointage {

namespace {

ScannedFile scannedFileFrom(const QSqlQuery &q)
{
    ScannedFile f;
    f.id = q.value(0).toLongLong();
    f.path = q.value(1).toString();
    f.sha256 = q.value(2).toString();
    f.received = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    f.pageCount = q.value(4).toInt();
    return f;
}

const char *const selectFiles = "SELECT id, path, sha256, received, page_count FROM scan_files";

} // namespace

Result<std::optional<ScannedFile>> Ledger::scannedFileBySha(const QString &sha256) const
{
    auto q = m_store->run(QString::fromLatin1(selectFiles) + QStringLiteral(" WHERE sha256 = ?"),
                          {sha256});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ScannedFile>();
    return std::optional<ScannedFile>(scannedFileFrom(q.value()));
}

Result<QList<ScannedFile>> Ledger::scannedFiles() const
{
    auto q = m_store->run(QString::fromLatin1(selectFiles) + QStringLiteral(" ORDER BY id"));
    if (!q)
        return q.error();
    QList<ScannedFile> files;
    while (q->next())
        files.append(scannedFileFrom(q.value()));
    return files;
}

Result<qint64> Ledger::recordScannedFile(const ScannedFile &file, const QList<PageRead> &pages,
                                         bool replace)
{
    LedgerStore &store = *m_store;
    Transaction tx(store);
    if (Status s = tx.begin(); !s)
        return s.error();

    qint64 fileId = 0;
    auto existing =
        store.run(QStringLiteral("SELECT id FROM scan_files WHERE sha256 = ?"), {file.sha256});
    if (!existing)
        return existing.error();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    if (existing->next()) {
        if (!replace) {
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("ce fichier a déjà été enregistré."), file.path);
        }
        fileId = existing->value(0).toLongLong();
        auto q = store.run(QStringLiteral("UPDATE scan_files SET path = ?, received = ?, "
                                          "page_count = ?, ingested_at = ?, user = ? WHERE id = ?"),
                           {file.path, file.received.toString(Qt::ISODate), file.pageCount, now,
                            file.user.isEmpty() ? currentOsUser() : file.user, fileId});
        if (!q)
            return q.error();
        auto codes = store.run(QStringLiteral("DELETE FROM page_codes WHERE page_id IN (SELECT "
                                              "id FROM pages WHERE file_id = ?)"),
                               {fileId});
        if (!codes)
            return codes.error();
        auto signatures = store.run(QStringLiteral("DELETE FROM page_signatures WHERE page_id IN "
                                                   "(SELECT id FROM pages WHERE file_id = ?)"),
                                    {fileId});
        if (!signatures)
            return signatures.error();
    } else {
        auto q =
            store.run(QStringLiteral("INSERT INTO scan_files(path, sha256, received, page_count, "
                                     "ingested_at, user) VALUES (?, ?, ?, ?, ?, ?)"),
                      {file.path, file.sha256, file.received.toString(Qt::ISODate), file.pageCount,
                       now, file.user.isEmpty() ? currentOsUser() : file.user});
        if (!q)
            return q.error();
        fileId = q->lastInsertId().toLongLong();
    }

    // Upsert keeps each page's id stable across a forced re-ingest: decisions stay attached.
    auto upsertPage = store.prepare(QStringLiteral(
        "INSERT INTO pages(file_id, page_number, blank, rotation, suspected_code, decode_error) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(file_id, page_number) DO UPDATE SET "
        "blank = excluded.blank, rotation = excluded.rotation, suspected_code = "
        "excluded.suspected_code, decode_error = excluded.decode_error RETURNING id"));
    auto insertCode = store.prepare(QStringLiteral(
        "INSERT INTO page_codes(page_id, format, text, rotation) VALUES (?, ?, ?, ?)"));
    auto insertSignature = store.prepare(
        QStringLiteral("INSERT INTO page_signatures(page_id, zone, label, finding, ink_share, "
                       "strokes, area, dpi, picture) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!upsertPage)
        return upsertPage.error();
    if (!insertCode)
        return insertCode.error();
    if (!insertSignature)
        return insertSignature.error();
    for (const PageRead &page : pages) {
        LedgerStore::bind(upsertPage.value(),
                          {QVariant(fileId), QVariant(page.pageNumber), QVariant(page.blank),
                           QVariant(page.rotation), QVariant(page.suspectedCode),
                           QVariant(page.decodeError)});
        if (Status s = store.exec(upsertPage.value()); !s)
            return s.error();
        if (!upsertPage->next())
            return store.databaseError(QStringLiteral("page"), QStringLiteral("id absent"));
        const qint64 pageId = upsertPage->value(0).toLongLong();
        upsertPage->finish();
        for (const BarcodeRead &code : page.codes) {
            LedgerStore::bind(insertCode.value(), {QVariant(pageId), QVariant(code.format),
                                                   QVariant(code.text), QVariant(code.rotation)});
            if (Status s = store.exec(insertCode.value()); !s)
                return s.error();
        }
        for (const ZoneReading &zone : page.signatures) {
            LedgerStore::bind(insertSignature.value(),
                              {QVariant(pageId), QVariant(zone.key), QVariant(zone.label),
                               QVariant(signatureFindingKey(zone.finding)), QVariant(zone.inkShare),
                               QVariant(zone.strokes), QVariant(polygonText(zone.area)),
                               QVariant(page.signatureDpi),
                               zone.picture.isEmpty() ? QVariant() : QVariant(zone.picture)});
            if (Status s = store.exec(insertSignature.value()); !s)
                return s.error();
        }
    }
    if (Status s =
            store.journal(replace ? QStringLiteral("ingest-force") : QStringLiteral("ingest"),
                          QStringLiteral("%1 (%2 pages, reçu le %3)")
                              .arg(file.path)
                              .arg(file.pageCount)
                              .arg(file.received.toString(Qt::ISODate)),
                          file.user);
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return fileId;
}

} // namespace pointage
