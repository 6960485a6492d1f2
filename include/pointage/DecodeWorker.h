// The decode worker: a small loop run in its own process (`pointage __decode-worker`) that opens
// scanned files and reads pages on request, one JSON line per answer. Living in a separate
// process is what keeps a crash in Poppler or zxing from taking the batch down; its memory is
// capped so that a runaway decoder dies quickly instead of growing for the whole page timeout.
// Thread-safety: one worker per process, single-threaded; it owns the process's Qt message
// handler and memory limit.
#pragma once

#include "pointage/PageReader.h"
#include "pointage/PageSource.h"

#include <QString>
#include <QStringList>
#include <cstdio>
#include <functional>

namespace pointage {

struct DecodeWorkerHooks
{
    // Called before a file is opened and before each page is read; tests use them to make a
    // worker die, hang or grow on purpose.
    std::function<void(const QString &path, PdfRendering rendering)> beforeOpen;
    std::function<void(const QString &path, int pageIndex, PdfRendering rendering)> beforePage;
};

// The arguments that hand `options` (the barcode patterns, the signature zones) to a worker:
// ScanIngest appends them to the worker's command line.
QStringList decodeWorkerArguments(const ReadOptions &options);

// Serves requests from `in` until end of input; returns the process exit status. Caps the
// process's memory first (see decodeWorkerMemoryLimit()). `arguments`: the worker's command
// line, where decodeWorkerArguments() may be; without them, pages are read with the default
// ReadOptions (no signature check). Arguments that cannot be read make every answer an error:
// a page is never read without the check it was meant to have.
int runDecodeWorker(std::FILE *in, std::FILE *out, const QStringList &arguments = {},
                    const DecodeWorkerHooks &hooks = {});

// Bytes of heap a decode worker may hold: POINTAGE_WORKER_MEMORY_MB if set, else 1536 MB.
qint64 decodeWorkerMemoryLimit();

} // namespace pointage
