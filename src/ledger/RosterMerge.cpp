// Merging one Cyclades export into the ledger. Withdrawal is inferred only inside the scope the
// export really covers (same establishment, same search criteria): a filtered export says
// nothing about candidates outside its filter. Nobody is ever deleted; versions are kept, and
// every change is recorded with what it replaced so that the import can be undone.
#include "ledger/LedgerStore.h"
#include "ledger/RosterMergeGuard.h"
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

// An export older than the newest one in force for its scope would turn the roster back. The
// same file imported again (a clerk re-running `import exports/*.csv` every morning) is no
// mistake: it was superseded, nothing to do. Any other older export is refused.
Result<bool> supersededExport(const LedgerStore &store, const RosterExport &roster,
                              const QString &sha256)
{
    if (!roster.editedAt.isValid())
        return false;
    auto q = store.run(QStringLiteral("SELECT max(edited_at) FROM roster_imports WHERE "
                                      "scope_key = ? AND edited_at IS NOT NULL AND undone_at IS "
                                      "NULL"),
                       {roster.scopeKey()});
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return false;
    const QDateTime newest = QDateTime::fromString(q->value(0).toString(), Qt::ISODate);
    if (!newest.isValid() || roster.editedAt >= newest)
        return false;
    auto seen = store.run(QStringLiteral("SELECT 1 FROM roster_imports WHERE sha256 = ? AND "
                                         "scope_key = ? AND undone_at IS NULL"),
                          {sha256, roster.scopeKey()});
    if (!seen)
        return seen.error();
    if (seen->next())
        return true;
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

// One import, as a sequence of named steps inside one transaction.
class RosterMerge
{
public:
    RosterMerge(LedgerStore &store, const RosterExport &roster, const QString &sha256, QString user)
        : m_store(store), m_roster(roster), m_sha256(sha256), m_scope(roster.scopeKey()),
          m_user(user.isEmpty() ? currentOsUser() : std::move(user))
    {
        m_summary.file = roster.fileName;
        m_summary.uai = roster.uai;
        m_summary.establishmentName = roster.establishmentName;
        m_summary.rejected = roster.rowsRead - int(roster.rows.size());
        m_summary.withdrawalsSkipped = m_summary.rejected > 0;
    }

    Status loadState();
    Status recordImport();
    Status prepareStatements();
    Status mergeRows();
    Status withdrawAbsent();
    Status journal(const ImportPolicy &policy);

    bool changedNothing() const
    {
        return m_summary.added + m_summary.updated + m_summary.withdrawn + m_summary.reinstated ==
                   0 &&
               !m_membersChanged;
    }
    const RosterImportSummary &summary() const { return m_summary; }
    RosterMergeEffect effect() const
    {
        return {int(m_previousMembers.size()), int(m_roster.rows.size()), m_absent, m_summary.moved,
                m_movedTo};
    }

private:
    Status mergeRow(const RosterRow &row);
    Status rememberCandidate(const QString &number, bool existed);
    Status rememberMember(const QString &number, bool added);
    Status rememberEstablishment(const QString &uai);
    void count(const QString &uai, int RosterImportCounts::*field)
    {
        ++(m_summary.*field);
        ++(m_summary.bySchool[uai].*field);
    }

    LedgerStore &m_store;
    const RosterExport &m_roster;
    const QString m_sha256;
    const QString m_scope;
    RosterImportSummary m_summary;
    QHash<QString, StoredCandidate> m_stored;
    QSet<QString> m_previousMembers;
    QSet<QString> m_listed;
    QSet<QString> m_seenSchools;
    QStringList m_movedTo; // "0131234W → 0133456L" per moved candidate, for the message
    bool m_membersChanged = false;
    int m_absent = 0; // withdrawn because absent from the export (not because of their Etat)
    qint64 m_importId = 0;
    QString m_user;
    std::optional<QSqlQuery> m_upsertSchool;
    std::unique_ptr<SqliteStatement> m_insertCandidate, m_updateCandidate, m_insertVersion,
        m_addMember, m_rememberExisting, m_rememberNew, m_rememberMember;
};

Status RosterMerge::loadState()
{
    auto q =
        m_store.run(QStringLiteral("SELECT number, uai, fingerprint, withdrawn FROM candidates"));
    if (!q)
        return q.error();
    while (q->next())
        m_stored.insert(q->value(0).toString(),
                        {q->value(1).toString(), q->value(2).toString(), q->value(3).toBool()});
    auto members = m_store.run(
        QStringLiteral("SELECT number FROM scope_members WHERE scope_key = ?"), {m_scope});
    if (!members)
        return members.error();
    while (members->next())
        m_previousMembers.insert(members->value(0).toString());
    return Ok{};
}

Status RosterMerge::recordImport()
{
    auto q = m_store.run(
        QStringLiteral("INSERT INTO roster_imports(file, sha256, scope_key, edited_at, "
                       "imported_at, user, rows_read, rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {m_roster.fileName, m_sha256, m_scope,
         m_roster.editedAt.isValid() ? QVariant(m_roster.editedAt.toString(Qt::ISODate))
                                     : QVariant(),
         QDateTime::currentDateTimeUtc().toString(Qt::ISODate), m_user, m_roster.rowsRead,
         m_summary.rejected});
    if (!q)
        return q.error();
    m_importId = q->lastInsertId().toLongLong();
    m_summary.importId = m_importId;
    return Ok{};
}

Status RosterMerge::prepareStatements()
{
    auto upsertSchool = m_store.prepare(QStringLiteral(
        "INSERT INTO establishments(uai, name) VALUES (?, ?) ON CONFLICT(uai) DO UPDATE SET "
        "name = excluded.name WHERE excluded.name <> '' AND excluded.name <> name"));
    if (!upsertSchool)
        return upsertSchool.error();
    m_upsertSchool = std::move(upsertSchool).value();
    // The per-row statements go straight to SQLite: QtSql's per-value cost dominated imports.
    const std::pair<std::unique_ptr<SqliteStatement> *, const char *> statements[] = {
        {&m_insertCandidate, "INSERT INTO candidates(number, uai, data, fingerprint, withdrawn, "
                             "withdrawn_reason) VALUES (?, ?, ?, ?, ?, ?)"},
        {&m_updateCandidate, "UPDATE candidates SET uai = ?, data = ?, fingerprint = ?, "
                             "withdrawn = ?, withdrawn_reason = ? WHERE number = ?"},
        {&m_insertVersion, "INSERT INTO candidate_versions(number, import_id, data, fingerprint) "
                           "VALUES (?, ?, ?, ?)"},
        {&m_addMember, "INSERT OR IGNORE INTO scope_members(scope_key, number) VALUES (?, ?)"},
        {&m_rememberExisting,
         "INSERT OR IGNORE INTO roster_import_candidates(import_id, number, existed, uai, data, "
         "fingerprint, withdrawn, withdrawn_reason) SELECT ?, number, 1, uai, data, fingerprint, "
         "withdrawn, withdrawn_reason FROM candidates WHERE number = ?"},
        {&m_rememberNew, "INSERT OR IGNORE INTO roster_import_candidates(import_id, number, "
                         "existed) VALUES (?, ?, 0)"},
        {&m_rememberMember, "INSERT INTO roster_import_members(import_id, scope_key, number, "
                            "added) VALUES (?, ?, ?, ?)"},
    };
    for (const auto &[target, sql] : statements) {
        auto prepared = SqliteStatement::prepare(m_store, sql);
        if (!prepared)
            return prepared.error();
        *target = std::move(prepared).value();
    }
    return Ok{};
}

Status RosterMerge::rememberCandidate(const QString &number, bool existed)
{
    SqliteStatement &remember = existed ? *m_rememberExisting : *m_rememberNew;
    remember.bind(1, m_importId);
    remember.bind(2, number);
    return remember.step();
}

Status RosterMerge::rememberMember(const QString &number, bool added)
{
    m_membersChanged = true;
    m_rememberMember->bind(1, m_importId);
    m_rememberMember->bind(2, m_scope);
    m_rememberMember->bind(3, number);
    m_rememberMember->bind(4, qint64(added));
    return m_rememberMember->step();
}

Status RosterMerge::rememberEstablishment(const QString &uai)
{
    auto q = m_store.run(
        QStringLiteral("INSERT OR IGNORE INTO roster_import_establishments(import_id, uai, "
                       "existed, name) VALUES (?, ?, EXISTS (SELECT 1 FROM establishments WHERE "
                       "uai = ?), (SELECT name FROM establishments WHERE uai = ?))"),
        {m_importId, uai, uai, uai});
    return q ? Status(Ok{}) : Status(q.error());
}

Status RosterMerge::mergeRows()
{
    m_listed.reserve(m_roster.rows.size());
    for (const RosterRow &row : m_roster.rows) {
        if (Status s = mergeRow(row); !s)
            return s;
    }
    return Ok{};
}

Status RosterMerge::mergeRow(const RosterRow &row)
{
    if (!m_seenSchools.contains(row.uai)) {
        m_seenSchools.insert(row.uai);
        if (Status s = rememberEstablishment(row.uai); !s)
            return s;
        LedgerStore::bind(*m_upsertSchool, {row.uai, row.establishmentName});
        if (Status s = m_store.exec(*m_upsertSchool); !s)
            return s;
    }
    m_listed.insert(row.candidateNumber);
    // JSON is built only for rows that are written: a re-import is mostly unchanged rows.
    const QString fingerprint = rosterRowFingerprint(row);
    const bool withdrawnByState = stateMeansWithdrawn(row.state);
    const auto existing = m_stored.constFind(row.candidateNumber);
    const bool isNew = existing == m_stored.cend();
    const bool unchanged =
        !isNew && existing->fingerprint == fingerprint && existing->withdrawn == withdrawnByState;
    QByteArray json;
    if (!unchanged)
        json = rosterRowToJson(row);
    auto bindState = [&](SqliteStatement &statement, int index) {
        statement.bind(index, qint64(withdrawnByState));
        if (withdrawnByState)
            statement.bind(index + 1, QStringLiteral("Etat : %1").arg(row.state));
        else
            statement.bindNull(index + 1);
    };
    if (isNew) {
        if (Status s = rememberCandidate(row.candidateNumber, false); !s)
            return s;
        SqliteStatement &insert = *m_insertCandidate;
        insert.bind(1, row.candidateNumber);
        insert.bind(2, row.uai);
        insert.bind(3, json);
        insert.bind(4, fingerprint);
        bindState(insert, 5);
        if (Status s = insert.step(); !s)
            return s;
        count(row.uai, &RosterImportCounts::added);
    } else if (unchanged) {
        count(row.uai, &RosterImportCounts::unchanged);
    } else {
        if (Status s = rememberCandidate(row.candidateNumber, true); !s)
            return s;
        if (!existing->withdrawn && existing->uai != row.uai) {
            ++m_summary.moved;
            m_movedTo.append(QStringLiteral("%1 → %2").arg(existing->uai, row.uai));
        }
        SqliteStatement &update = *m_updateCandidate;
        update.bind(1, row.uai);
        update.bind(2, json);
        update.bind(3, fingerprint);
        bindState(update, 4);
        update.bind(6, row.candidateNumber);
        if (Status s = update.step(); !s)
            return s;
        if (existing->withdrawn && !withdrawnByState)
            count(row.uai, &RosterImportCounts::reinstated);
        else if (!existing->withdrawn && withdrawnByState)
            count(row.uai, &RosterImportCounts::withdrawn);
        else
            count(row.uai, &RosterImportCounts::updated);
    }
    if (isNew || existing->fingerprint != fingerprint) {
        SqliteStatement &version = *m_insertVersion;
        version.bind(1, row.candidateNumber);
        version.bind(2, m_importId);
        version.bind(3, json);
        version.bind(4, fingerprint);
        if (Status s = version.step(); !s)
            return s;
    }
    if (!m_previousMembers.contains(row.candidateNumber)) {
        if (Status s = rememberMember(row.candidateNumber, true); !s)
            return s;
        m_addMember->bind(1, m_scope);
        m_addMember->bind(2, row.candidateNumber);
        if (Status s = m_addMember->step(); !s)
            return s;
    }
    return Ok{};
}

// Listed by the previous export of this very scope, absent now: withdrawn, not deleted.
Status RosterMerge::withdrawAbsent()
{
    if (m_summary.withdrawalsSkipped)
        return Ok{};
    const QString reason = QStringLiteral("absent de l'export %1").arg(m_roster.fileName);
    for (const QString &number : std::as_const(m_previousMembers)) {
        if (m_listed.contains(number))
            continue;
        if (Status s = rememberMember(number, false); !s)
            return s;
        auto member = m_store.run(QStringLiteral("DELETE FROM scope_members WHERE scope_key = ? "
                                                 "AND number = ?"),
                                  {m_scope, number});
        if (!member)
            return member.error();
        if (m_stored.value(number).withdrawn)
            continue;
        if (Status s = rememberCandidate(number, true); !s)
            return s;
        auto q = m_store.run(QStringLiteral("UPDATE candidates SET withdrawn = 1, withdrawn_reason "
                                            "= ? WHERE number = ? AND withdrawn = 0"),
                             {reason, number});
        if (!q)
            return q.error();
        count(m_stored.value(number).uai, &RosterImportCounts::withdrawn);
        ++m_absent;
    }
    return Ok{};
}

Status RosterMerge::journal(const ImportPolicy &policy)
{
    QString detail =
        QStringLiteral("import n° %9 — %1 (%2) : %3 ajouté(s), %4 modifié(s), %5 retiré(s), %6 "
                       "réintégré(s), %7 inchangé(s), %8 ligne(s) rejetée(s)")
            .arg(m_roster.fileName,
                 m_roster.uai.isEmpty() ? QStringLiteral("académie") : m_roster.uai)
            .arg(m_summary.added)
            .arg(m_summary.updated)
            .arg(m_summary.withdrawn)
            .arg(m_summary.reinstated)
            .arg(m_summary.unchanged)
            .arg(m_summary.rejected)
            .arg(m_importId);
    if (policy.acceptWithdrawals && needsConfirmation(effect(), policy))
        detail += QStringLiteral(" ; retraits et changements d'établissement acceptés "
                                 "explicitement");
    return m_store.journal(QStringLiteral("import"), detail, m_user);
}

} // namespace

Result<RosterImportSummary> Ledger::importRoster(const RosterExport &roster, const QString &sha256,
                                                 const ImportPolicy &policy, const QString &user)
{
    LedgerStore &store = *m_store;
    // Every check reads inside the write transaction: two imports of one export at once see
    // each other's result, not the state before both.
    Transaction tx(store);
    if (Status s = tx.begin(); !s)
        return s.error();
    auto superseded = supersededExport(store, roster, sha256);
    if (!superseded)
        return superseded.error();
    if (superseded.value()) {
        RosterImportSummary summary;
        summary.file = roster.fileName;
        summary.uai = roster.uai;
        summary.establishmentName = roster.establishmentName;
        summary.alreadyImported = true;
        summary.superseded = true;
        summary.unchanged = int(roster.rows.size());
        return summary;
    }
    RosterMerge merge(store, roster, sha256, user);
    for (Status (RosterMerge::*step)() :
         {&RosterMerge::loadState, &RosterMerge::recordImport, &RosterMerge::prepareStatements,
          &RosterMerge::mergeRows, &RosterMerge::withdrawAbsent}) {
        if (Status s = (merge.*step)(); !s)
            return s.error();
    }
    // "Identical" means identical to what the ledger holds now, not to a file seen before: a
    // good export imported again after a bad one repairs the ledger. Nothing is recorded.
    if (merge.changedNothing()) {
        RosterImportSummary summary = merge.summary();
        summary.alreadyImported = true;
        summary.importId = 0;
        return summary;
    }
    if (!policy.acceptWithdrawals && needsConfirmation(merge.effect(), policy))
        return makeError(ErrorCode::NeedsConfirmation, confirmationMessage(merge.effect(), policy),
                         roster.fileName);
    if (Status s = merge.journal(policy); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return merge.summary();
}

} // namespace pointage
