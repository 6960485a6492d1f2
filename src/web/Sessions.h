// Who is talking to the web desk: sessions behind an HttpOnly SameSite=Strict cookie, each
// with its own CSRF token; the start-up token that lets the OS user in on loopback; and the
// throttling of failed logins (per address and per name).
// Thread-safety: every member may be called from any thread (one mutex).
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <mutex>
#include <optional>

namespace pointage::web {

enum class Role { Reader, Manager }; // "lecture", "gestion"

QString roleKey(Role role); // "lecture" / "gestion"
std::optional<Role> roleFromKey(const QString &key);

struct WebSession
{
    QByteArray id;   // cookie value, 256 random bits, URL-safe base64
    QByteArray csrf; // form token, 256 random bits
    QString user;
    Role role = Role::Reader;
    QDateTime lastSeen;
};

QByteArray randomToken(); // 256 bits from the system's CSPRNG, URL-safe base64
bool sameToken(const QByteArray &a, const QByteArray &b); // constant time

class Sessions
{
public:
    explicit Sessions(int idleMinutes = 8 * 60);

    WebSession open(const QString &user, Role role);
    // The session for this cookie value, refreshed; nullopt when unknown or expired.
    std::optional<WebSession> find(const QByteArray &id);
    void close(const QByteArray &id);

    // Login throttling: seconds to wait before `address`/`user` may try again (0 = now).
    int loginDelay(const QString &address, const QString &user);
    void loginFailed(const QString &address, const QString &user);
    void loginSucceeded(const QString &address, const QString &user);

private:
    struct Failures
    {
        int count = 0;
        QDateTime last;
    };
    int delayFor(const Failures &f) const;

    std::mutex m_mutex;
    int m_idleMinutes;
    QHash<QByteArray, WebSession> m_sessions;
    QHash<QString, Failures> m_failures; // "a:" + address, "u:" + user
};

} // namespace pointage::web
