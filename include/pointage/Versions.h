// What this build is: Pointage's own version and the versions of the libraries doing the work
// (Qt, Poppler, zxing-cpp), for `pointage --version` and support requests.
// Thread-safety: pure functions.
#pragma once

#include <QString>

namespace pointage {

QString pointageVersion(); // "0.2.0"
QString libraryVersions(); // "Qt 6.4.2, Poppler 22.12.0, zxing-cpp 1.4.0"

} // namespace pointage
