// Writes a report file readable by its owner only: the letters name candidates, so they must
// not be world-readable on a shared machine. The bytes go to a new owner-only temporary file in
// the same folder, flushed to disk, then rename()d over the report's name: an interrupted run
// never leaves a truncated file, and a symbolic link planted under that name is replaced
// itself, never followed (its target, inside or outside the folder, is left untouched).
// Thread-safety: reentrant; distinct paths may be written from distinct threads.
#pragma once

#include "pointage/Diagnostic.h"
#include "pointage/Result.h"

#include <QByteArray>
#include <QString>

namespace pointage {

// On success, the notes for the run's messages: a warning when a symbolic link was replaced.
Result<Diagnostics> writeOwnerOnlyFile(const QString &path, const QByteArray &bytes);

} // namespace pointage
