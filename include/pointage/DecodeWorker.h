// The decode worker: a small loop run in its own process (`pointage __decode-worker`) that opens
// scanned files and reads pages on request, one JSON line per answer. Living in a separate
// process is what keeps a crash in Poppler or zxing from taking the batch down.
// Thread-safety: one worker per process, single-threaded.
#pragma once

#include <QString>
#include <cstdio>
#include <functional>

namespace pointage {

struct DecodeWorkerHooks
{
    // Called before each page is read; tests use it to make a worker die on purpose.
    std::function<void(const QString &path, int pageIndex)> beforePage;
};

// Serves requests from `in` until end of input; returns the process exit status.
int runDecodeWorker(std::FILE *in, std::FILE *out, const DecodeWorkerHooks &hooks = {});

} // namespace pointage
