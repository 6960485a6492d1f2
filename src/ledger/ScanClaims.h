// Private to the ledger: which scanned files a run is reading right now, so that two runs on one
// ledger never read the same file. A claim is an open-file-description lock (F_OFD_SETLK) on one
// byte of "<ledger>-claims", at an offset taken from the file's SHA-256: the kernel drops it when
// the claims are closed or the process dies, even killed, so no claim ever outlives its run.
// Thread-safety: one thread; two ScanClaims (even in one process) exclude each other.
#pragma once

#include "pointage/Result.h"

#include <QString>

namespace pointage {

class ScanClaims
{
public:
    explicit ScanClaims(QString ledgerPath);
    ~ScanClaims();
    ScanClaims(const ScanClaims &) = delete;
    ScanClaims &operator=(const ScanClaims &) = delete;

    // True: this object now holds the claim (or already did); false: someone else holds it.
    Result<bool> claim(const QString &sha256);
    void release(const QString &sha256);

private:
    Status openFile();
    QString m_path;
    int m_fd = -1;
};

} // namespace pointage
