#include "web/HeldUploads.h"

#include "web/Sessions.h"

namespace pointage::web {

void HeldUploads::dropExpired()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_held.begin(); it != m_held.end();)
        it = it->until < now ? m_held.erase(it) : std::next(it);
}

QByteArray HeldUploads::hold(HeldUpload upload)
{
    std::lock_guard lock(m_mutex);
    dropExpired();
    // Bounded memory: the oldest decision waiting goes first.
    while (m_held.size() >= maxHeld) {
        auto oldest = m_held.begin();
        for (auto it = m_held.begin(); it != m_held.end(); ++it) {
            if (it->until < oldest->until)
                oldest = it;
        }
        m_held.erase(oldest);
    }
    const QByteArray key = randomToken();
    m_held.insert(key, {std::move(upload), QDateTime::currentDateTimeUtc().addSecs(keepSeconds)});
    return key;
}

std::optional<HeldUpload> HeldUploads::take(const QByteArray &key, const QString &user)
{
    std::lock_guard lock(m_mutex);
    dropExpired();
    const auto it = m_held.find(key);
    if (it == m_held.end() || it->upload.user != user)
        return std::nullopt;
    HeldUpload upload = std::move(it->upload);
    m_held.erase(it);
    return upload;
}

} // namespace pointage::web
