#include "OwnerOnlyFile.h"

#include <QFileInfo>
#include <QSaveFile>

namespace pointage {

Status writeOwnerOnlyFile(const QString &path, const QByteArray &bytes)
{
    const QString shownName = QFileInfo(path).fileName();
    QSaveFile file(path);
    // Narrow the temporary file before any byte lands in it; the rename keeps its permissions.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("Impossible de créer le fichier (%1). Vérifiez que le "
                                        "dossier de sortie existe et que vous pouvez y écrire.")
                             .arg(file.errorString()),
                         shownName);
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("L'écriture du fichier a échoué (%1). Vérifiez l'espace "
                                        "disque disponible, puis relancez.")
                             .arg(file.errorString()),
                         shownName);
    }
    return Ok{};
}

} // namespace pointage
