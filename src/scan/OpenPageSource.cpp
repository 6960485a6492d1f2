// openPageSource(): picks the page source from the file's first bytes, never its extension
// (scanners and people name files freely).
#include "ImageFilePageSource.h"
#include "PdfPageSource.h"

#include <QFile>
#include <QFileInfo>
#include <cmath>
#include <mutex>
#include <poppler-qt6.h>

namespace pointage {

namespace {

// PDF readers accept the header anywhere in the first kilobyte.
constexpr qint64 kSniffBytes = 1024;

QByteArray imageFormatOf(const QByteArray &head)
{
    if (head.startsWith(QByteArrayLiteral("II*\0")) || head.startsWith(QByteArrayLiteral("MM\0*")))
        return "tiff";
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return "png";
    if (head.startsWith("\xFF\xD8\xFF"))
        return "jpeg";
    return {};
}

// Poppler reports syntax errors of damaged files on stderr by default; the library never
// prints, and the failure reaches the caller as an Error anyway.
void silencePoppler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Poppler::setDebugErrorFunction([](const QString &, const QVariant &) {}, QVariant());
    });
}

} // namespace

Result<std::unique_ptr<PageSource>> openPageSource(const QString &path, PdfRendering rendering)
{
    const QString name = QFileInfo(path).fileName();
    const QFileInfo info(path);
    if (!info.exists() || info.isDir())
        return makeError(ErrorCode::FileNotFound,
                         QStringLiteral("fichier introuvable ; vérifiez le chemin indiqué."), name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("le fichier ne peut pas être ouvert (droits d'accès ?)."),
                         name);
    if (file.size() == 0)
        return makeError(ErrorCode::EmptyFile,
                         QStringLiteral("le fichier est vide (0 octet) ; la numérisation a "
                                        "probablement échoué, recommencez-la."),
                         name);
    const QByteArray head = file.read(kSniffBytes);
    file.close();
    if (head.contains("%PDF-")) {
        silencePoppler();
        return PdfPageSource::open(path, rendering);
    }
    const QByteArray format = imageFormatOf(head);
    if (!format.isEmpty())
        return ImageFilePageSource::open(path, format);
    return makeError(ErrorCode::Format,
                     QStringLiteral("ce fichier n'est ni un PDF ni une image TIFF, PNG ou JPEG ; "
                                    "seuls les fichiers issus du scanner peuvent être lus."),
                     name);
}

} // namespace pointage
