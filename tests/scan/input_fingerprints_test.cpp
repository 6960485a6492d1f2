// The input files' digests, computed on a thread of their own: the same as sha256OfFile, in
// input order, a file that cannot be read given as an error in its place.
#include "pointage/FileHash.h"
#include "scan/InputFingerprints.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

} // namespace

TEST(InputFingerprints, GivesEachFilesDigestOrWhyItHasNone)
{
    QTemporaryDir dir;
    const QString first = writeFile(dir, QStringLiteral("a.pdf"), QByteArray(3 << 20, 'a'));
    const QString missing = dir.filePath(QStringLiteral("absent.pdf"));
    const QString last = writeFile(dir, QStringLiteral("b.pdf"), "%PDF-1.4 b");
    const InputFingerprints fingerprints({first, missing, last});
    for (qsizetype i = 0; i < 3; ++i)
        fingerprints.wait(i);
    const auto a = fingerprints.ready(0);
    ASSERT_TRUE(a && a->ok());
    EXPECT_EQ(a->value(), sha256OfFile(first).value());
    const auto absent = fingerprints.ready(1);
    ASSERT_TRUE(absent.has_value());
    EXPECT_FALSE(absent->ok());
    EXPECT_EQ(absent->error().file, missing);
    const auto b = fingerprints.ready(2);
    ASSERT_TRUE(b && b->ok());
    EXPECT_EQ(b->value(), sha256Of("%PDF-1.4 b"));
}

TEST(InputFingerprints, HasNoDigestUntilItIsComputedAndHashesInOrder)
{
    QTemporaryDir dir;
    const QString first = writeFile(dir, QStringLiteral("a.pdf"), "a");
    const QString second = writeFile(dir, QStringLiteral("b.pdf"), "b");
    std::mutex mutex;
    std::condition_variable released;
    bool release = false;
    QStringList order;
    const InputFingerprints fingerprints({first, second}, [&](const QString &path) {
        std::unique_lock lock(mutex);
        order.append(path);
        released.wait(lock, [&] { return release; });
        return sha256OfFile(path);
    });
    EXPECT_FALSE(fingerprints.ready(0).has_value());
    EXPECT_FALSE(fingerprints.ready(1).has_value());
    {
        const std::lock_guard lock(mutex);
        release = true;
    }
    released.notify_all();
    fingerprints.wait(1);
    EXPECT_TRUE(fingerprints.ready(0).has_value());
    EXPECT_EQ(order, QStringList({first, second}));
}
