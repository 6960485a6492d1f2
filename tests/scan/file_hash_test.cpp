// A scanned batch is known by its SHA-256: a re-run skips a file whose digest the ledger holds.
// The digest must therefore never change from one version to the next, whatever computes it.
#include "pointage/FileHash.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;

namespace {

QString writeFile(const QTemporaryDir &dir, const QByteArray &bytes)
{
    const QString path = dir.filePath(QStringLiteral("lot.pdf"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    return path;
}

TEST(FileHash, GivesTheStandardDigests)
{
    const QTemporaryDir dir;
    EXPECT_EQ(sha256OfFile(writeFile(dir, {})).value(),
              QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    EXPECT_EQ(sha256OfFile(writeFile(dir, "abc")).value(),
              QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

TEST(FileHash, AgreesWithQtsDigestAcrossReadBoundaries)
{
    // Digests recorded by earlier versions came from QCryptographicHash.
    const QTemporaryDir dir;
    for (const qsizetype size :
         {qsizetype(1 << 20) - 1, qsizetype(1 << 20), qsizetype(3 << 20) + 17}) {
        QByteArray bytes(size, Qt::Uninitialized);
        for (qsizetype i = 0; i < size; ++i)
            bytes[i] = char((i * 7919) >> 3);
        const QString qtDigest = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        EXPECT_EQ(sha256OfFile(writeFile(dir, bytes)).value(), qtDigest) << size << " bytes";
        EXPECT_EQ(sha256Of(bytes), qtDigest) << size << " bytes, in memory";
    }
}

TEST(FileHash, BytesInMemoryGiveTheFilesDigest)
{
    const QTemporaryDir dir;
    for (const QByteArray &bytes : {QByteArray(), QByteArray("abc"), QByteArray("%PDF-1.7\n%")}) {
        EXPECT_EQ(sha256Of(bytes), sha256OfFile(writeFile(dir, bytes)).value());
    }
    EXPECT_EQ(sha256Of("abc"),
              QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

TEST(FileHash, AMissingFileIsNamed)
{
    const Result<QString> hash = sha256OfFile(QStringLiteral("/nulle/part/lot-3.pdf"));
    ASSERT_FALSE(hash);
    EXPECT_EQ(hash.error().code, ErrorCode::FileNotFound);
    EXPECT_TRUE(hash.error().located().contains(QStringLiteral("lot-3.pdf")));
}

} // namespace
