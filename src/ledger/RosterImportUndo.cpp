// Listing roster imports and undoing one: every change an import made was recorded with what
// it replaced (see RosterMerge.cpp), so undoing puts the roster back exactly as it was.
#include "ledger/LedgerStore.h"
#include "pointage/Ledger.h"

#include <QDateTime>
#include <QSqlQuery>

namespace pointage {

namespace {

QDateTime isoDateTime(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODate);
}

// A later import still in force that touched the same scope or the same candidates: undoing
// this one alone would leave that one standing on a roster it did not see.
Result<std::optional<RosterImportRecord>> laterImportInTheWay(const LedgerStore &store,
                                                              qint64 importId)
{
    auto q = store.run(
        QStringLiteral("SELECT later.id, later.file FROM roster_imports later WHERE later.id > ? "
                       "AND later.undone_at IS NULL AND (later.scope_key = (SELECT scope_key FROM "
                       "roster_imports WHERE id = ?) OR EXISTS (SELECT 1 FROM "
                       "roster_import_candidates mine JOIN roster_import_candidates theirs ON "
                       "theirs.number = mine.number WHERE mine.import_id = ? AND "
                       "theirs.import_id = later.id)) ORDER BY later.id DESC LIMIT 1"),
        {importId, importId, importId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<RosterImportRecord>();
    RosterImportRecord later;
    later.id = q->value(0).toLongLong();
    later.file = q->value(1).toString();
    return std::optional<RosterImportRecord>(later);
}

// The restoring statements, in foreign-key order: memberships and versions before the
// candidates they point at, candidates before their establishments.
const char *const restoreStatements[] = {
    "DELETE FROM scope_members WHERE EXISTS (SELECT 1 FROM roster_import_members m WHERE "
    "m.import_id = ?1 AND m.added = 1 AND m.scope_key = scope_members.scope_key AND m.number = "
    "scope_members.number)",
    "DELETE FROM candidate_versions WHERE import_id = ?1",
    "UPDATE candidates SET uai = b.uai, data = b.data, fingerprint = b.fingerprint, withdrawn = "
    "b.withdrawn, withdrawn_reason = b.withdrawn_reason FROM roster_import_candidates b WHERE "
    "b.import_id = ?1 AND b.existed = 1 AND b.number = candidates.number",
    "DELETE FROM scope_members WHERE number IN (SELECT number FROM roster_import_candidates "
    "WHERE import_id = ?1 AND existed = 0)",
    "DELETE FROM candidates WHERE number IN (SELECT number FROM roster_import_candidates WHERE "
    "import_id = ?1 AND existed = 0)",
    "INSERT OR IGNORE INTO scope_members(scope_key, number) SELECT scope_key, number FROM "
    "roster_import_members WHERE import_id = ?1 AND added = 0 AND number IN (SELECT number FROM "
    "candidates)",
    "UPDATE establishments SET name = b.name FROM roster_import_establishments b WHERE "
    "b.import_id = ?1 AND b.existed = 1 AND b.uai = establishments.uai",
    "DELETE FROM establishments WHERE uai IN (SELECT uai FROM roster_import_establishments WHERE "
    "import_id = ?1 AND existed = 0) AND NOT EXISTS (SELECT 1 FROM candidates WHERE "
    "candidates.uai = establishments.uai)",
};

} // namespace

Result<QList<RosterImportRecord>> Ledger::rosterImports() const
{
    auto q = m_store->run(QStringLiteral(
        "SELECT i.id, i.file, i.scope_key, i.edited_at, i.imported_at, i.user, i.rows_read, "
        "i.rejected, i.undone_at, i.undone_by, (SELECT count(*) FROM roster_import_candidates c "
        "WHERE c.import_id = i.id) FROM roster_imports i ORDER BY i.id"));
    if (!q)
        return q.error();
    QList<RosterImportRecord> imports;
    while (q->next()) {
        RosterImportRecord r;
        r.id = q->value(0).toLongLong();
        r.file = q->value(1).toString();
        r.scopeKey = q->value(2).toString();
        r.editedAt = isoDateTime(q->value(3));
        r.importedAt = isoDateTime(q->value(4));
        r.user = q->value(5).toString();
        r.rowsRead = q->value(6).toInt();
        r.rejected = q->value(7).toInt();
        r.undoneAt = isoDateTime(q->value(8));
        r.undoneBy = q->value(9).toString();
        r.candidatesChanged = q->value(10).toInt();
        imports.append(r);
    }
    return imports;
}

Result<RosterImportUndone> Ledger::undoRosterImport(qint64 importId)
{
    LedgerStore &store = *m_store;
    Transaction tx(store);
    if (Status s = tx.begin(); !s)
        return s.error();
    auto found = store.run(
        QStringLiteral("SELECT file, undone_at FROM roster_imports WHERE id = ?"), {importId});
    if (!found)
        return found.error();
    if (!found->next()) {
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("aucun import n° %1 : « pointage imports » les liste.").arg(importId));
    }
    RosterImportUndone undone;
    undone.importId = importId;
    undone.file = found->value(0).toString();
    if (!found->value(1).isNull()) {
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("l'import n° %1 a déjà été annulé.").arg(importId),
                         undone.file);
    }
    auto later = laterImportInTheWay(store, importId);
    if (!later)
        return later.error();
    if (later->has_value()) {
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("l'import n° %1 (%2), fait après, porte sur les mêmes "
                                        "candidats ou le même établissement : annulez-le "
                                        "d'abord (pointage undo-import %1), puis celui-ci.")
                             .arg(later->value().id)
                             .arg(later->value().file),
                         undone.file);
    }
    auto counts = store.run(QStringLiteral("SELECT sum(existed), sum(1 - existed) FROM "
                                           "roster_import_candidates WHERE import_id = ?"),
                            {importId});
    if (!counts)
        return counts.error();
    if (counts->next()) {
        undone.restored = counts->value(0).toInt();
        undone.removed = counts->value(1).toInt();
    }
    for (const char *sql : restoreStatements) {
        auto q = store.run(QString::fromLatin1(sql), {importId});
        if (!q)
            return q.error();
    }
    auto mark = store.run(
        QStringLiteral("UPDATE roster_imports SET undone_at = ?, undone_by = ? WHERE id = ?"),
        {QDateTime::currentDateTimeUtc().toString(Qt::ISODate), currentOsUser(), importId});
    if (!mark)
        return mark.error();
    if (Status s = store.journal(QStringLiteral("annulation d'import"),
                                 QStringLiteral("import n° %1 (%2) annulé : %3 candidat(s) remis "
                                                "comme avant, %4 retiré(s) du registre")
                                     .arg(importId)
                                     .arg(undone.file)
                                     .arg(undone.restored)
                                     .arg(undone.removed));
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return undone;
}

} // namespace pointage
