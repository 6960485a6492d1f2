#include "web/Sessions.h"

#include <QRandomGenerator>
#include <algorithm>

namespace pointage::web {

QString roleKey(Role role)
{
    return role == Role::Manager ? QStringLiteral("gestion") : QStringLiteral("lecture");
}

std::optional<Role> roleFromKey(const QString &key)
{
    if (key == QLatin1String("gestion"))
        return Role::Manager;
    if (key == QLatin1String("lecture"))
        return Role::Reader;
    return std::nullopt;
}

QByteArray randomToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / 4);
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool sameToken(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

Sessions::Sessions(int idleMinutes) : m_idleMinutes(idleMinutes) {}

WebSession Sessions::open(const QString &user, Role role)
{
    WebSession s{randomToken(), randomToken(), user, role, QDateTime::currentDateTimeUtc()};
    std::lock_guard lock(m_mutex);
    m_sessions.insert(s.id, s);
    return s;
}

std::optional<WebSession> Sessions::find(const QByteArray &id)
{
    std::lock_guard lock(m_mutex);
    auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return std::nullopt;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (it->lastSeen.secsTo(now) > qint64(m_idleMinutes) * 60) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    it->lastSeen = now;
    return *it;
}

void Sessions::close(const QByteArray &id)
{
    std::lock_guard lock(m_mutex);
    m_sessions.remove(id);
}

int Sessions::delayFor(const Failures &f) const
{
    // Three free tries, then 15 s, 30 s, 1 min… at most 15 minutes between tries.
    if (f.count < 3)
        return 0;
    const int wait = std::min(900, 15 << std::min(f.count - 3, 6));
    const qint64 elapsed = f.last.secsTo(QDateTime::currentDateTimeUtc());
    return int(std::max<qint64>(0, wait - elapsed));
}

int Sessions::loginDelay(const QString &address, const QString &user)
{
    std::lock_guard lock(m_mutex);
    return std::max(delayFor(m_failures.value(QStringLiteral("a:") + address)),
                    delayFor(m_failures.value(QStringLiteral("u:") + user)));
}

void Sessions::loginFailed(const QString &address, const QString &user)
{
    std::lock_guard lock(m_mutex);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString keys[] = {QStringLiteral("a:") + address, QStringLiteral("u:") + user};
    for (const QString &key : keys) {
        Failures &f = m_failures[key];
        ++f.count;
        f.last = now;
    }
}

void Sessions::loginSucceeded(const QString &address, const QString &user)
{
    std::lock_guard lock(m_mutex);
    m_failures.remove(QStringLiteral("a:") + address);
    m_failures.remove(QStringLiteral("u:") + user);
}

} // namespace pointage::web
