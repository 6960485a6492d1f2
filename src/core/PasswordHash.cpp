#include "pointage/PasswordHash.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace pointage {

namespace {

constexpr int keyLength = 32;

QByteArray scrypt(const QByteArray &password, const QByteArray &salt, int logN, int r, int p)
{
    QByteArray key(keyLength, Qt::Uninitialized);
    const uint64_t n = uint64_t(1) << logN;
    const uint64_t maxMemory = 256ull * 1024 * 1024;
    if (EVP_PBE_scrypt(password.constData(), size_t(password.size()),
                       reinterpret_cast<const unsigned char *>(salt.constData()),
                       size_t(salt.size()), n, uint64_t(r), uint64_t(p), maxMemory,
                       reinterpret_cast<unsigned char *>(key.data()), size_t(key.size())) != 1)
        return {};
    return key;
}

} // namespace

QString hashPassword(const QString &password)
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), 4);
    const QByteArray key = scrypt(password.toUtf8(), salt, 15, 8, 1);
    return QStringLiteral("$scrypt$ln=15,r=8,p=1$%1$%2")
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool verifyPassword(const QString &password, const QString &stored)
{
    static const QRegularExpression format(
        QStringLiteral("^\\$scrypt\\$ln=(\\d{1,2}),r=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/=]+)"
                       "\\$([A-Za-z0-9+/=]+)$"));
    const QRegularExpressionMatch m = format.match(stored);
    if (!m.hasMatch())
        return false;
    const int logN = m.captured(1).toInt();
    const int r = m.captured(2).toInt();
    const int p = m.captured(3).toInt();
    if (logN < 10 || logN > 20 || r < 1 || r > 32 || p < 1 || p > 4)
        return false;
    const QByteArray salt = QByteArray::fromBase64(m.captured(4).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(m.captured(5).toLatin1());
    const QByteArray key = scrypt(password.toUtf8(), salt, logN, r, p);
    return key.size() == expected.size() && !key.isEmpty() &&
           CRYPTO_memcmp(key.constData(), expected.constData(), size_t(key.size())) == 0;
}

} // namespace pointage
