// The SHA-256 of each of an ingest's input files, computed in input order on a thread of its
// own from construction on. The run needs a file's digest before it may record the file, not
// before its workers start reading it: on a 444 MB batch the digest takes 0.3 s, during which
// one core would otherwise sit idle and every page wait.
// Thread-safety: ready() and wait() from the owner's thread; hashing runs on an internal thread,
// which the destructor stops after the file in hand.
#pragma once

#include "pointage/Result.h"

#include <QStringList>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace pointage {

class InputFingerprints
{
public:
    using HashFunction = std::function<Result<QString>(const QString &path)>;

    // `hash`: sha256OfFile, unless a test needs to hold a digest back.
    explicit InputFingerprints(QStringList paths, HashFunction hash = {});
    ~InputFingerprints();
    InputFingerprints(const InputFingerprints &) = delete;
    InputFingerprints &operator=(const InputFingerprints &) = delete;

    // The digest of the file at `index` (or why it could not be read) once computed; nothing
    // while it is still being computed.
    std::optional<Result<QString>> ready(qsizetype index) const;
    // Returns once the digest of the file at `index` is known.
    void wait(qsizetype index) const;

private:
    void hashAll();

    const QStringList m_paths;
    const HashFunction m_hash;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_computed;
    std::vector<std::optional<Result<QString>>> m_digests; // guarded by m_mutex
    std::atomic<bool> m_stop = false;
    std::thread m_thread;
};

} // namespace pointage
