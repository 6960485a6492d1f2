// Merging one Cyclades export into the ledger. Withdrawal is inferred only inside the scope the
// export really covers (same establishment, same search criteria): a filtered export says
// nothing about candidates outside its filter. Nobody is ever deleted; versions are kept.
#include "ledger/LedgerStore.h"
#include "ledger/RosterRowJson.h"
#include "ledger/SqliteStatement.h"
#include "pointage/Ledger.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace pointage {

namespace {

struct StoredCandidate
{
    QString uai;
    QString fingerprint;
    bool withdrawn = false;
};

// Cyclades "Etat" values that mean the registration no longer stands.
bool stateMeansWithdrawn(const QString &state)
{
    const QString s = state.toLower();
    for (const char *word : {"annul", "démission", "demission", "retir", "désinscri", "desinscri",
                             "abandon", "radi"}) {
        if (s.contains(QString::fromUtf8(word)))
            return true;
    }
    return false;
}

Result<QHash<QString, StoredCandidate>> loadStored(const LedgerStore &store)
{
    auto q =
        store.run(QStringLiteral("SELECT number, uai, fingerprint, withdrawn FROM candidates"));
    if (!q)
        return q.error();
    QHash<QString, StoredCandidate> stored;
    while (q->next())
        stored.insert(q->value(0).toString(),
                      {q->value(1).toString(), q->value(2).toString(), q->value(3).toBool()});
    return stored;
}

Result<QSet<QString>> loadScopeMembers(const LedgerStore &store, const QString &scope)
{
    auto q =
        store.run(QStringLiteral("SELECT number FROM scope_members WHERE scope_key = ?"), {scope});
    if (!q)
        return q.error();
    QSet<QString> members;
    while (q->next())
        members.insert(q->value(0).toString());
    return members;
}

Status refuseOlderExport(const LedgerStore &store, const RosterExport &roster)
{
    if (!roster.editedAt.isValid())
        return Ok{};
    auto q = store.run(QStringLiteral("SELECT max(edited_at) FROM roster_imports WHERE "
                                      "scope_key = ? AND edited_at IS NOT NULL"),
                       {roster.scopeKey()});
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return Ok{};
    const QDateTime newest = QDateTime::fromString(q->value(0).toString(), Qt::ISODate);
    if (newest.isValid() && roster.editedAt < newest) {
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("cet export (édité le %1) est plus ancien que le dernier "
                                        "export importé pour le même établissement et les mêmes "
                                        "critères (édité le %2) : il n'a pas été importé, pour "
                                        "ne pas revenir en arrière. Importez l'export le plus "
                                        "récent.")
                             .arg(roster.editedAt.toString(QStringLiteral("dd/MM/yyyy HH:mm")),
                                  newest.toString(QStringLiteral("dd/MM/yyyy HH:mm"))),
                         roster.fileName);
    }
    return Ok{};
}

} // namespace

Result<RosterImportSummary> Ledger::importRoster(const RosterExport &roster, const QString &sha256)
{
    LedgerStore &store = *m_store;
    RosterImportSummary summary;
    summary.file = roster.fileName;
    summary.uai = roster.uai;
    summary.establishmentName = roster.establishmentName;
    summary.rejected = roster.rowsRead - int(roster.rows.size());

    {
        auto seen =
            store.run(QStringLiteral("SELECT 1 FROM roster_imports WHERE sha256 = ?"), {sha256});
        if (!seen)
            return seen.error();
        if (seen->next()) {
            summary.alreadyImported = true;
            summary.unchanged = int(roster.rows.size());
            return summary;
        }
    }
    if (Status s = refuseOlderExport(store, roster); !s)
        return s.error();

    Transaction tx(store);
    if (Status s = tx.begin(); !s)
        return s.error();

    auto stored = loadStored(store);
    if (!stored)
        return stored.error();
    const QString scope = roster.scopeKey();
    auto previousMembers = loadScopeMembers(store, scope);
    if (!previousMembers)
        return previousMembers.error();

    auto importQuery = store.run(
        QStringLiteral("INSERT INTO roster_imports(file, sha256, scope_key, edited_at, "
                       "imported_at, user, rows_read, rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {roster.fileName, sha256, scope,
         roster.editedAt.isValid() ? QVariant(roster.editedAt.toString(Qt::ISODate)) : QVariant(),
         QDateTime::currentDateTimeUtc().toString(Qt::ISODate), currentOsUser(), roster.rowsRead,
         summary.rejected});
    if (!importQuery)
        return importQuery.error();
    const qint64 importId = importQuery->lastInsertId().toLongLong();

    auto upsertSchool = store.prepare(QStringLiteral(
        "INSERT INTO establishments(uai, name) VALUES (?, ?) ON CONFLICT(uai) DO UPDATE SET "
        "name = excluded.name WHERE excluded.name <> '' AND excluded.name <> name"));
    // The per-row statements go straight to SQLite: QtSql's per-value cost dominated imports.
    auto insertCandidate = SqliteStatement::prepare(
        store, "INSERT INTO candidates(number, uai, data, fingerprint, withdrawn, "
               "withdrawn_reason) VALUES (?, ?, ?, ?, ?, ?)");
    auto updateCandidate = SqliteStatement::prepare(
        store, "UPDATE candidates SET uai = ?, data = ?, fingerprint = ?, withdrawn = ?, "
               "withdrawn_reason = ? WHERE number = ?");
    auto insertVersion = SqliteStatement::prepare(
        store, "INSERT INTO candidate_versions(number, import_id, data, fingerprint) "
               "VALUES (?, ?, ?, ?)");
    auto addMember = SqliteStatement::prepare(
        store, "INSERT OR IGNORE INTO scope_members(scope_key, number) VALUES (?, ?)");
    if (!upsertSchool)
        return upsertSchool.error();
    for (auto *q : {&insertCandidate, &updateCandidate, &insertVersion, &addMember}) {
        if (!*q)
            return q->error();
    }

    auto count = [&summary](const QString &uai, int RosterImportCounts::*field) {
        ++(summary.*field);
        ++(summary.bySchool[uai].*field);
    };
    QSet<QString> seenSchools;
    QSet<QString> listed;
    listed.reserve(roster.rows.size());
    for (const RosterRow &row : roster.rows) {
        if (!seenSchools.contains(row.uai)) {
            seenSchools.insert(row.uai);
            LedgerStore::bind(upsertSchool.value(), {row.uai, row.establishmentName});
            if (Status s = store.exec(upsertSchool.value()); !s)
                return s.error();
        }
        listed.insert(row.candidateNumber);
        // JSON is built only for rows that are written: a re-import is mostly unchanged rows.
        const QString fingerprint = rosterRowFingerprint(row);
        QByteArray json;
        const bool withdrawnByState = stateMeansWithdrawn(row.state);
        const auto existing = stored->constFind(row.candidateNumber);
        if (existing == stored->cend() || existing->fingerprint != fingerprint ||
            existing->withdrawn != withdrawnByState)
            json = rosterRowToJson(row);
        auto bindState = [&](SqliteStatement &statement, int index) {
            statement.bind(index, qint64(withdrawnByState));
            if (withdrawnByState)
                statement.bind(index + 1, QStringLiteral("Etat : %1").arg(row.state));
            else
                statement.bindNull(index + 1);
        };
        if (existing == stored->cend()) {
            SqliteStatement &insert = *insertCandidate.value();
            insert.bind(1, row.candidateNumber);
            insert.bind(2, row.uai);
            insert.bind(3, json);
            insert.bind(4, fingerprint);
            bindState(insert, 5);
            if (Status s = insert.step(); !s)
                return s.error();
            count(row.uai, &RosterImportCounts::added);
        } else if (existing->fingerprint == fingerprint &&
                   existing->withdrawn == withdrawnByState) {
            count(row.uai, &RosterImportCounts::unchanged);
        } else {
            SqliteStatement &update = *updateCandidate.value();
            update.bind(1, row.uai);
            update.bind(2, json);
            update.bind(3, fingerprint);
            bindState(update, 4);
            update.bind(6, row.candidateNumber);
            if (Status s = update.step(); !s)
                return s.error();
            if (existing->withdrawn && !withdrawnByState)
                count(row.uai, &RosterImportCounts::reinstated);
            else if (!existing->withdrawn && withdrawnByState)
                count(row.uai, &RosterImportCounts::withdrawn);
            else
                count(row.uai, &RosterImportCounts::updated);
        }
        if (existing == stored->cend() || existing->fingerprint != fingerprint) {
            SqliteStatement &version = *insertVersion.value();
            version.bind(1, row.candidateNumber);
            version.bind(2, importId);
            version.bind(3, json);
            version.bind(4, fingerprint);
            if (Status s = version.step(); !s)
                return s.error();
        }
        if (!previousMembers->contains(row.candidateNumber)) {
            SqliteStatement &member = *addMember.value();
            member.bind(1, scope);
            member.bind(2, row.candidateNumber);
            if (Status s = member.step(); !s)
                return s.error();
        }
    }

    // Listed by the previous export of this very scope, absent now: withdrawn, not deleted.
    const QString reason = QStringLiteral("absent de l'export %1").arg(roster.fileName);
    summary.withdrawalsSkipped = summary.rejected > 0;
    for (const QString &number : std::as_const(previousMembers.value())) {
        if (listed.contains(number) || summary.withdrawalsSkipped)
            continue;
        auto member = store.run(QStringLiteral("DELETE FROM scope_members WHERE scope_key = ? "
                                               "AND number = ?"),
                                {scope, number});
        if (!member)
            return member.error();
        if (stored->value(number).withdrawn)
            continue;
        auto q = store.run(QStringLiteral("UPDATE candidates SET withdrawn = 1, withdrawn_reason "
                                          "= ? WHERE number = ? AND withdrawn = 0"),
                           {reason, number});
        if (!q)
            return q.error();
        count(stored->value(number).uai, &RosterImportCounts::withdrawn);
    }

    const QString detail =
        QStringLiteral("%1 (%2) : %3 ajouté(s), %4 modifié(s), %5 retiré(s), %6 réintégré(s), "
                       "%7 inchangé(s), %8 ligne(s) rejetée(s)")
            .arg(roster.fileName, roster.uai.isEmpty() ? QStringLiteral("académie") : roster.uai)
            .arg(summary.added)
            .arg(summary.updated)
            .arg(summary.withdrawn)
            .arg(summary.reinstated)
            .arg(summary.unchanged)
            .arg(summary.rejected);
    if (Status s = store.journal(QStringLiteral("import"), detail); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return summary;
}

} // namespace pointage
