// What the three page workers share (`__decode-worker`, `__render-worker`, `__ocr-worker`). Each
// runs in its own process so that a crash, a hang or a runaway allocation in Poppler, zxing or
// Tesseract costs one page, never the batch or the server: one request line in, one answer
// line out, the memory capped, the libraries' stderr chatter collected (WorkerChatter).
// Thread-safety: single-threaded; one loop per worker process.
#pragma once

#include "pointage/PageSource.h"
#include "pointage/Result.h"

#include <QByteArray>
#include <QImage>
#include <QString>
#include <cstdio>
#include <functional>
#include <memory>

namespace pointage::worker {

// Caps the process's heap at decodeWorkerMemoryLimit() and takes over its stderr. An allocation
// that fails under the cap leaves at once with decode::kOutOfMemoryExit, which the pool reports
// as a page that needed too much memory.
void enterWorkerProcess();

void answer(std::FILE *out, const QByteArray &line);

// Calls `handle` with each line read from `in`, until end of input.
void forEachLine(std::FILE *in, const std::function<void(const QByteArray &)> &handle);

// The scanned file of the last request, kept open: a school's pages arrive in a row.
class OpenScanFile
{
public:
    // Whether a request for `path` would open the file anew.
    bool needsOpening(const QString &path, PdfRendering rendering) const;

    // The source for `path`. A file that failed to open keeps its error, with what the
    // libraries said while failing, for the requests that follow.
    Result<PageSource *> source(const QString &path,
                                PdfRendering rendering = PdfRendering::FastWhenPlainScan);

    // Page `pageIndex` of `path` at `dpi`, or only the part `within` (PageSource::renderArea)
    // when it is not null; what the libraries said is appended to the error.
    Result<QImage> render(const QString &path, int pageIndex, int dpi, const QRectF &within = {});

private:
    std::unique_ptr<PageSource> m_source;
    QString m_path;
    PdfRendering m_rendering = PdfRendering::FastWhenPlainScan;
    Error m_error;
    bool m_tried = false;
};

} // namespace pointage::worker
