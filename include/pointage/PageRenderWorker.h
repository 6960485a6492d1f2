// The page-image worker: a small loop run in its own process (`pointage __render-worker`) that
// renders one scanned page to a JPEG file on request, for people to look at (the web desk's
// thumbnails and full pages). A separate process keeps a crash or hang in Poppler on a hostile
// PDF from taking the server down: the caller kills and replaces the worker. Its memory is
// capped like the decode worker's (decodeWorkerMemoryLimit()).
// Protocol, one line each way: "render <pageIndex> <dpi> <turn> <scan path> <output path>"
// (paths percent-encoded) -> "ok" or "error <percent-encoded French message>".
// Thread-safety: runPageRenderWorker is single-threaded; the encoders are pure functions.
#pragma once

#include <QByteArray>
#include <QString>
#include <cstdio>
#include <optional>

namespace pointage {

struct PageRenderRequest
{
    QString scanPath;
    int pageIndex = 0; // 0-based
    int dpi = 100;     // clamped to 10–200 by the worker
    int turn = 0;      // clockwise quarter turn that sets the page upright: 0, 90, 180 or 270
    QString outputPath;
};

QByteArray encodePageRenderRequest(const PageRenderRequest &request);
std::optional<PageRenderRequest> decodePageRenderRequest(const QByteArray &line);

// Serves requests from `in` until end of input; returns the process exit status. The output
// is written next to `outputPath` then renamed over it, so a reader never sees half a file.
int runPageRenderWorker(std::FILE *in, std::FILE *out);

} // namespace pointage
