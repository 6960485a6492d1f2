// Reads the "signatures" section of the session configuration: where the signature zones of
// the confirmation lie, in millimetres from the top-left corner of its barcode (x along the
// code, y downwards), and whether a school stamp alone signs a zone. Private to SessionConfig's
// reader. Thread-safety: pure function.
#pragma once

#include "JsonFile.h"
#include "pointage/SignatureCheck.h"

namespace pointage {

// Leaves `zones` as they are when the section is absent. Errors name the key and its line.
Status readSignatureZones(const JsonFile &file, const QJsonObject &root,
                          QList<SignatureZone> &zones);

} // namespace pointage
