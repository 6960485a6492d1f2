#include "ledger/ScanClaims.h"

#include <QCryptographicHash>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace pointage {

namespace {

// 60 bits of the hash: a positive offset, and two different files practically never share it.
off_t offsetOf(const QString &sha256)
{
    bool ok = false;
    const qint64 value = sha256.left(15).toLongLong(&ok, 16);
    if (ok && sha256.size() >= 15)
        return off_t(value);
    const QByteArray digest =
        QCryptographicHash::hash(sha256.toUtf8(), QCryptographicHash::Sha256).toHex();
    return off_t(digest.left(15).toLongLong(nullptr, 16));
}

struct flock byteLock(short type, const QString &sha256)
{
    struct flock lock = {};
    lock.l_type = type;
    lock.l_whence = SEEK_SET;
    lock.l_start = offsetOf(sha256);
    lock.l_len = 1;
    lock.l_pid = 0; // required for open-file-description locks
    return lock;
}

} // namespace

ScanClaims::ScanClaims(QString ledgerPath) : m_path(ledgerPath + QStringLiteral("-claims")) {}

ScanClaims::~ScanClaims()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Status ScanClaims::openFile()
{
    if (m_fd >= 0)
        return Ok{};
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
                  0600);
    if (m_fd < 0) {
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("impossible d'ouvrir le fichier de réservation des lots "
                                        "(%1). Vérifiez vos droits d'écriture dans le dossier "
                                        "du registre.")
                             .arg(QString::fromLocal8Bit(std::strerror(errno))),
                         m_path);
    }
    return Ok{};
}

Result<bool> ScanClaims::claim(const QString &sha256)
{
    if (Status opened = openFile(); !opened)
        return opened.error();
    struct flock lock = byteLock(F_WRLCK, sha256);
    if (::fcntl(m_fd, F_OFD_SETLK, &lock) == 0)
        return true;
    if (errno == EAGAIN || errno == EACCES)
        return false;
    return makeError(ErrorCode::FileUnreadable,
                     QStringLiteral("réservation du lot impossible (%1).")
                         .arg(QString::fromLocal8Bit(std::strerror(errno))),
                     m_path);
}

void ScanClaims::release(const QString &sha256)
{
    if (m_fd < 0)
        return;
    struct flock lock = byteLock(F_UNLCK, sha256);
    ::fcntl(m_fd, F_OFD_SETLK, &lock);
}

} // namespace pointage
