// Private to the ledger: a prepared statement on the ledger's own SQLite connection, for the
// bulk writes of an import (100,000 rows) where QtSql's per-value overhead dominates. Same
// connection, same transaction as every other ledger query; SQL text is a literal, values are
// always bound.
// Thread-safety: the thread that owns the ledger.
#pragma once

#include "ledger/LedgerStore.h"

#include <QByteArray>
#include <QString>

struct sqlite3_stmt;

namespace pointage {

class SqliteStatement
{
public:
    static Result<std::unique_ptr<SqliteStatement>> prepare(const LedgerStore &store,
                                                            const char *sql);
    ~SqliteStatement();

    void bind(int index, const QString &text); // 1-based, like SQLite
    void bind(int index, const QByteArray &utf8);
    void bind(int index, qint64 value);
    void bindNull(int index);
    // Runs the statement to completion and resets it for the next row.
    Status step();

private:
    SqliteStatement(const LedgerStore &store, sqlite3_stmt *statement);
    const LedgerStore &m_store;
    sqlite3_stmt *m_statement;
};

} // namespace pointage
