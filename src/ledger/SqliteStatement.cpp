#include "ledger/SqliteStatement.h"

#include <QSqlDriver>
#include <sqlite3.h>

namespace pointage {

namespace {
sqlite3 *handleOf(const LedgerStore &store)
{
    const QVariant handle = store.database().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}
} // namespace

SqliteStatement::SqliteStatement(const LedgerStore &store, sqlite3_stmt *statement)
    : m_store(store), m_statement(statement)
{}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

Result<std::unique_ptr<SqliteStatement>> SqliteStatement::prepare(const LedgerStore &store,
                                                                  const char *sql)
{
    sqlite3 *db = handleOf(store);
    if (!db)
        return store.databaseError(QStringLiteral("préparation"),
                                   QStringLiteral("connexion SQLite inaccessible"));
    sqlite3_stmt *statement = nullptr;
    if (const int rc = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr); rc != SQLITE_OK) {
        return store.databaseError(QStringLiteral("préparation"),
                                   QString::fromUtf8(sqlite3_errmsg(db)), rc);
    }
    return std::unique_ptr<SqliteStatement>(new SqliteStatement(store, statement));
}

void SqliteStatement::bind(int index, const QString &text)
{
    bind(index, text.toUtf8());
}

void SqliteStatement::bind(int index, const QByteArray &utf8)
{
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

Status SqliteStatement::step()
{
    const int rc = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    if (rc != SQLITE_DONE) {
        return m_store.databaseError(
            QStringLiteral("écriture"),
            QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement))), rc);
    }
    return Ok{};
}

} // namespace pointage
