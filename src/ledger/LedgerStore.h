// Private to the ledger: the SQLite connection and the few primitives every store file uses
// (prepared queries that turn QtSql errors into Error values, a transaction guard, the journal).
// Thread-safety: owned by the thread that opened it.
#pragma once

#include "pointage/Result.h"
#include "pointage/SignatureCheck.h"

#include <QPolygonF>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <initializer_list>

namespace pointage {

// A write transaction takes the write lock at BEGIN (BEGIN IMMEDIATE), so it waits for another
// writer instead of failing when it later upgrades from reading; a read transaction only pins a
// consistent view (WAL readers never wait for writers).
enum class TransactionKind { Read, Write };

class LedgerStore
{
public:
    // Waits up to `busyTimeoutMs` for another process's write lock before failing with
    // ErrorCode::Busy.
    static Result<std::unique_ptr<LedgerStore>> open(const QString &path, int busyTimeoutMs);
    ~LedgerStore();

    QString path() const { return m_path; }
    QSqlDatabase database() const;

    // Prepares `sql` and binds `values` positionally. SQL text is always a literal of the
    // ledger; user data only ever travels as bound values.
    Result<QSqlQuery> prepare(const QString &sql) const;
    Result<QSqlQuery> run(const QString &sql, std::initializer_list<QVariant> values = {}) const;
    Status exec(QSqlQuery &query) const;
    // Binds `values` positionally. A null QString is stored as '' (columns holding text are
    // NOT NULL); SQL NULL is written with an invalid QVariant().
    static void bind(QSqlQuery &query, std::initializer_list<QVariant> values);

    Status begin(TransactionKind kind = TransactionKind::Write);
    Status commit();
    void rollback();

    // Appends to the journal (inside the caller's transaction when one is open).
    // `user` defaults to the OS user (front ends with their own logins pass the person's name).
    Status journal(const QString &action, const QString &detail, const QString &user = {});

    Error databaseError(const QString &what, const QString &driverText) const;
    // Like databaseError(), but a busy ledger (SQLite's primary code `sqliteCode` is
    // SQLITE_BUSY) becomes ErrorCode::Busy with its own message.
    Error databaseError(const QString &what, const QString &driverText, int sqliteCode) const;

private:
    LedgerStore(QString path, QString connection);
    QString m_path;
    QString m_connection;
};

// Rolls back unless commit() was reached: one file's import is all or nothing.
class Transaction
{
public:
    explicit Transaction(LedgerStore &store, TransactionKind kind = TransactionKind::Write)
        : m_store(store), m_kind(kind)
    {}
    ~Transaction()
    {
        if (m_open)
            m_store.rollback();
    }
    Status begin()
    {
        Status s = m_store.begin(m_kind);
        m_open = s.ok();
        return s;
    }
    Status commit()
    {
        Status s = m_store.commit();
        if (s.ok())
            m_open = false;
        return s;
    }

private:
    LedgerStore &m_store;
    TransactionKind m_kind;
    bool m_open = false;
};

Status migrate(LedgerStore &store);
int currentSchemaVersion(const LedgerStore &store);

// A signature zone's corners as stored: "x,y x,y x,y x,y"; unreadable text gives none.
QString polygonText(const QPolygonF &polygon);
QPolygonF polygonFromText(const QString &text);
// A page_signatures row from column `first` on: zone, label, finding, ink_share, strokes, area.
ZoneReading zoneReadingAt(const QSqlQuery &query, int first);

} // namespace pointage
