#include "OwnerOnlyFile.h"

#include "core/FileDescriptorWrite.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pointage {

namespace {

QString systemReason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

Error cannotCreate(const QString &shownName, int error)
{
    return makeError(ErrorCode::FileUnreadable,
                     QStringLiteral("Impossible de créer le fichier (%1). Vérifiez que le "
                                    "dossier de sortie existe et que vous pouvez y écrire.")
                         .arg(systemReason(error)),
                     shownName);
}

Error cannotWrite(const QString &shownName, int error)
{
    return makeError(ErrorCode::FileUnreadable,
                     QStringLiteral("L'écriture du fichier a échoué (%1). Vérifiez l'espace "
                                    "disque disponible, puis relancez.")
                         .arg(systemReason(error)),
                     shownName);
}

// Makes the rename itself durable; a folder that refuses fsync (some network mounts) is no
// reason to fail a report that is already in place.
void syncFolder(const QByteArray &folder)
{
    const int fd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

Result<Diagnostics> writeOwnerOnlyFile(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    const QString shownName = info.fileName();
    const QByteArray finalName = QFile::encodeName(info.absoluteFilePath());
    const QByteArray folder = QFile::encodeName(info.absolutePath());

    // What sits under the name now: only to tell the user, the rename below never follows it.
    struct stat existing = {};
    const bool exists = ::lstat(finalName.constData(), &existing) == 0;
    if (exists && S_ISDIR(existing.st_mode))
        return cannotCreate(shownName, EISDIR);
    const bool replacingLink = exists && S_ISLNK(existing.st_mode);

    // mkostemp creates the file with O_EXCL and mode 0600: never an existing file, never a link.
    QByteArray temporary = folder + "/." + QFile::encodeName(shownName) + ".XXXXXX";
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        return cannotCreate(shownName, errno);
    const bool written = writeAllTo(fd, bytes) && ::fsync(fd) == 0;
    const int writeError = errno;
    if (::close(fd) != 0 || !written) {
        ::unlink(temporary.constData());
        return cannotWrite(shownName, written ? errno : writeError);
    }
    if (::rename(temporary.constData(), finalName.constData()) != 0) {
        const int renameError = errno;
        ::unlink(temporary.constData());
        return cannotCreate(shownName, renameError);
    }
    syncFolder(folder);

    Diagnostics notes;
    if (replacingLink) {
        notes.append({Diagnostic::Severity::Warning, shownName, 0, 0,
                      QStringLiteral("un lien symbolique portait le nom de ce fichier : il a été "
                                     "remplacé par le fichier lui-même, sa cible n'a pas été "
                                     "modifiée. Vérifiez qui l'a placé dans le dossier de "
                                     "sortie.")});
    }
    return notes;
}

} // namespace pointage
