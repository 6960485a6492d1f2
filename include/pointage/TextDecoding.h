// Turns the raw bytes of a text file into a QString, detecting its encoding from the bytes:
// a UTF-8 byte-order mark is dropped, valid UTF-8 is read as UTF-8, anything else as
// Windows-1252 (what Excel writes when it re-saves a CSV). Binary files are refused.
// Thread-safety: pure function, callable from any thread.
#pragma once

#include "pointage/Result.h"

#include <QByteArray>
#include <QString>

namespace pointage {

struct DecodedText
{
    QString text;
    QString encoding; // "UTF-8" or "Windows-1252"
};

// Fails with ErrorCode::Encoding, naming `fileName`, when the bytes are not text: NUL bytes,
// a UTF-16 byte-order mark, or too many control characters.
Result<DecodedText> decodeText(const QByteArray &bytes, const QString &fileName = {});

} // namespace pointage
