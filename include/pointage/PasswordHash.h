// Password hashing for the web desk's accounts: scrypt (OpenSSL's EVP_PBE_scrypt, N=2^15,
// r=8, p=1, 16-byte random salt), stored as "$scrypt$ln=15,r=8,p=1$<salt>$<hash>" (base64).
// Verification is constant-time and reads its parameters from the stored string.
// Thread-safety: pure functions (each call uses ~32 MB for a few tens of milliseconds).
#pragma once

#include <QString>

namespace pointage {

QString hashPassword(const QString &password);
bool verifyPassword(const QString &password, const QString &stored);

} // namespace pointage
