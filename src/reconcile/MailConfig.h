// Reads the "mail" section of the session configuration into MailSettings: addresses, sender,
// template (placeholders checked), SMTP server. Private to SessionConfig's reader.
// Thread-safety: pure function.
#pragma once

#include "JsonFile.h"
#include "pointage/MailSettings.h"

#include <QDir>

namespace pointage {

// `folder` anchors a relative addresses file or CA file. Errors name the key and its line.
Status readMailSettings(const JsonFile &file, const QJsonObject &root, const QDir &folder,
                        MailSettings &mail);

} // namespace pointage
