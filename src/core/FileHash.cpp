#include "pointage/FileHash.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <memory>
#include <openssl/evp.h>

namespace pointage {

namespace {

// 1 MiB reads: few system calls, and a batch of any size in constant memory.
constexpr qint64 kChunk = 1 << 20;

struct DigestContextFree
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

QString hexOf(const unsigned char *digest, unsigned int length)
{
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

} // namespace

// OpenSSL rather than QCryptographicHash: it uses the processor's SHA instructions, about ten
// times faster here. Every scanned batch is hashed before its pages are read, so on a 444 MB
// batch Qt's hash cost 4.4 s of the ingest's 16.7 s (docs/performance.md).
Result<QString> sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!QFileInfo::exists(path)) {
        return makeError(ErrorCode::FileNotFound,
                         QStringLiteral("fichier introuvable. Vérifiez le chemin."), path);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("lecture impossible (%1).").arg(file.errorString()), path);
    }
    const auto digestFailed = [&] {
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("empreinte SHA-256 impossible à calculer (OpenSSL) : "
                                        "relancez la commande ; si cela se répète, signalez-le."),
                         path);
    };
    const std::unique_ptr<EVP_MD_CTX, DigestContextFree> context(EVP_MD_CTX_new());
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
        return digestFailed();
    QByteArray chunk(kChunk, Qt::Uninitialized);
    for (;;) {
        const qint64 read = file.read(chunk.data(), kChunk);
        if (read < 0) {
            return makeError(ErrorCode::FileUnreadable,
                             QStringLiteral("lecture interrompue (%1).").arg(file.errorString()),
                             path);
        }
        if (read == 0)
            break;
        if (EVP_DigestUpdate(context.get(), chunk.constData(), size_t(read)) != 1)
            return digestFailed();
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context.get(), digest, &length) != 1)
        return digestFailed();
    return hexOf(digest, length);
}

QString sha256Of(QByteArrayView bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), size_t(bytes.size()), digest, &length, EVP_sha256(), nullptr) == 1)
        return hexOf(digest, length);
    // Same digest, only slower: nothing here is worth refusing an upload over.
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace pointage
