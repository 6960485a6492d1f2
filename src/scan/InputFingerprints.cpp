#include "scan/InputFingerprints.h"

#include "pointage/FileHash.h"

namespace pointage {

InputFingerprints::InputFingerprints(QStringList paths, HashFunction hash)
    : m_paths(std::move(paths)), m_hash(hash ? std::move(hash) : HashFunction(sha256OfFile)),
      m_digests(size_t(m_paths.size()))
{
    m_thread = std::thread([this] { hashAll(); });
}

InputFingerprints::~InputFingerprints()
{
    m_stop = true;
    m_thread.join();
}

void InputFingerprints::hashAll()
{
    for (qsizetype i = 0; i < m_paths.size() && !m_stop.load(); ++i) {
        Result<QString> digest = m_hash(m_paths.at(i));
        const std::lock_guard lock(m_mutex);
        m_digests[size_t(i)] = std::move(digest);
        m_computed.notify_all();
    }
}

std::optional<Result<QString>> InputFingerprints::ready(qsizetype index) const
{
    const std::lock_guard lock(m_mutex);
    return m_digests.at(size_t(index));
}

void InputFingerprints::wait(qsizetype index) const
{
    std::unique_lock lock(m_mutex);
    m_computed.wait(lock, [&] { return m_digests.at(size_t(index)).has_value(); });
}

} // namespace pointage
