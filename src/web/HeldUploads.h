// Uploaded exports the core refused to merge until someone accepts their withdrawals: kept in
// memory (never on disk, never by a name from the request) under a random key for a short
// while, so that « accepter les retraits » imports exactly the bytes that were shown, and only
// for the person who uploaded them.
// Thread-safety: every member may be called from any thread.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <mutex>
#include <optional>

namespace pointage::web {

struct HeldUpload
{
    QString fileName;
    QByteArray bytes;
    QString user;
};

class HeldUploads
{
public:
    static constexpr int keepSeconds = 1800;
    static constexpr int maxHeld = 16;

    // The key to give back with the decision.
    QByteArray hold(HeldUpload upload);
    // Takes the upload out (one decision per upload); nothing when unknown, expired or held for
    // someone else.
    std::optional<HeldUpload> take(const QByteArray &key, const QString &user);

private:
    struct Entry
    {
        HeldUpload upload;
        QDateTime until;
    };
    void dropExpired();

    std::mutex m_mutex;
    QHash<QByteArray, Entry> m_held;
};

} // namespace pointage::web
