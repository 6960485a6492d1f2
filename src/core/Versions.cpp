#include "pointage/Versions.h"

#include <QtGlobal>
#include <ZXing/ZXVersion.h>
#include <poppler-version.h>

namespace pointage {

QString pointageVersion()
{
    return QStringLiteral(POINTAGE_VERSION);
}

// The run-time versions where the library tells them (Qt, Poppler): a Debian update changes
// them without rebuilding Pointage. zxing-cpp only says what it was built with.
QString libraryVersions()
{
    return QStringLiteral("Qt %1, Poppler %2, zxing-cpp %3.%4.%5")
        .arg(QString::fromLatin1(qVersion()), Poppler::Version::string())
        .arg(ZXING_VERSION_MAJOR)
        .arg(ZXING_VERSION_MINOR)
        .arg(ZXING_VERSION_PATCH);
}

} // namespace pointage
