#include "pointage/Ledger.h"

#include "ledger/LedgerStore.h"

namespace pointage {

Ledger::Ledger(std::unique_ptr<LedgerStore> store) : m_store(std::move(store)) {}

Ledger::~Ledger() = default;

Result<std::unique_ptr<Ledger>> Ledger::open(const QString &path)
{
    auto store = LedgerStore::open(path);
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

} // namespace pointage
