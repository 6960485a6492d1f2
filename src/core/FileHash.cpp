#include "pointage/FileHash.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace pointage {

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
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("lecture interrompue (%1).").arg(file.errorString()), path);
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace pointage
