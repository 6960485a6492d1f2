// Writes a report file readable by its owner only: the letters name candidates, so they must
// not be world-readable on a shared machine. The write is atomic (temporary file + rename),
// so an interrupted run never leaves a truncated PDF behind.
// Thread-safety: reentrant; distinct paths may be written from distinct threads.
#pragma once

#include "pointage/Result.h"

#include <QByteArray>
#include <QString>

namespace pointage {

Status writeOwnerOnlyFile(const QString &path, const QByteArray &bytes);

} // namespace pointage
