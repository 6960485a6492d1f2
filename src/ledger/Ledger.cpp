#include "pointage/Ledger.h"

#include "ledger/LedgerStore.h"
#include "ledger/ScanClaims.h"

#include <QStringList>

namespace pointage {

Ledger::Ledger(std::unique_ptr<LedgerStore> store)
    : m_store(std::move(store)), m_claims(std::make_unique<ScanClaims>(m_store->path()))
{}

Ledger::~Ledger() = default;

Result<std::unique_ptr<Ledger>> Ledger::open(const QString &path, int busyTimeoutMs)
{
    auto store = LedgerStore::open(path, busyTimeoutMs);
    if (!store)
        return store.error();
    return std::unique_ptr<Ledger>(new Ledger(std::move(store.value())));
}

QString Ledger::path() const
{
    return m_store->path();
}

int Ledger::schemaVersion() const
{
    return currentSchemaVersion(*m_store);
}

qint64 Ledger::othersChangeCounter() const
{
    auto q = m_store->run(QStringLiteral("PRAGMA data_version"));
    if (!q || !q->next())
        return -1;
    return q->value(0).toLongLong();
}

Result<bool> Ledger::claimScannedFile(const QString &sha256)
{
    return m_claims->claim(sha256);
}

void Ledger::releaseScannedFile(const QString &sha256)
{
    m_claims->release(sha256);
}

Status Ledger::checkIntegrity() const
{
    auto q = m_store->run(QStringLiteral("PRAGMA integrity_check"));
    if (!q)
        return q.error();
    QStringList problems;
    while (q->next()) {
        const QString line = q->value(0).toString();
        if (line != QStringLiteral("ok"))
            problems.append(line);
    }
    if (problems.isEmpty())
        return Ok{};
    return makeError(ErrorCode::Database,
                     QStringLiteral("le registre est endommagé (%1). Restaurez la dernière "
                                    "sauvegarde.")
                         .arg(problems.join(QStringLiteral(" ; "))),
                     m_store->path());
}

} // namespace pointage
