// SHA-256 of a file, streamed (scanned batches can be hundreds of MB): identifies a file
// already imported or ingested, whatever its name.
// Thread-safety: reentrant.
#pragma once

#include "pointage/Result.h"

namespace pointage {

Result<QString> sha256OfFile(const QString &path);

} // namespace pointage
