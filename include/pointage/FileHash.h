// SHA-256 of a file, streamed (scanned batches can be hundreds of MB), or of bytes already in
// memory (a batch uploaded to the web desk): identifies a file already imported or ingested,
// whatever its name. Both give the same digest for the same bytes.
// Thread-safety: reentrant.
#pragma once

#include "pointage/Result.h"

#include <QByteArrayView>

namespace pointage {

Result<QString> sha256OfFile(const QString &path);
QString sha256Of(QByteArrayView bytes);

} // namespace pointage
