// The web desk's accounts: name, role and password hash. Storage only; hashing and the
// meaning of roles live with their users.
#include "ledger/LedgerStore.h"
#include "pointage/Ledger.h"

#include <QDateTime>
#include <QSqlQuery>

namespace pointage {

Status Ledger::setUser(const UserAccount &account)
{
    LedgerStore &store = *m_store;
    Transaction tx(store);
    if (Status s = tx.begin(); !s)
        return s;
    auto q = store.run(QStringLiteral("INSERT INTO users(name, role, password_hash, updated_at) "
                                      "VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                                      "role = excluded.role, password_hash = "
                                      "excluded.password_hash, updated_at = excluded.updated_at"),
                       {account.name, account.role, account.passwordHash,
                        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    if (!q)
        return q.error();
    if (Status s = store.journal(QStringLiteral("user"),
                                 QStringLiteral("compte %1 (%2)").arg(account.name, account.role));
        !s)
        return s;
    return tx.commit();
}

Result<std::optional<UserAccount>> Ledger::user(const QString &name) const
{
    auto q = m_store->run(
        QStringLiteral("SELECT name, role, password_hash FROM users WHERE name = ?"), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<UserAccount>();
    return std::optional<UserAccount>(
        UserAccount{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()});
}

Result<QList<UserAccount>> Ledger::users() const
{
    auto q = m_store->run(QStringLiteral("SELECT name, role FROM users ORDER BY name"));
    if (!q)
        return q.error();
    QList<UserAccount> list;
    while (q->next())
        list.append({q->value(0).toString(), q->value(1).toString(), {}});
    return list;
}

} // namespace pointage
