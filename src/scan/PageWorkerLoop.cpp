#include "scan/PageWorkerLoop.h"

#include "pointage/DecodeWorker.h"
#include "scan/DecodeProtocol.h"
#include "scan/WorkerChatter.h"

#include <cstdlib>
#include <malloc.h>
#include <new>
#include <sys/resource.h>
#include <unistd.h>

namespace pointage::worker {

namespace {

// operator new cannot get memory under the cap: leave at once with a status the pool
// recognises, rather than unwinding through decoders that were never written for it.
void outOfMemory()
{
    ::_exit(decode::kOutOfMemoryExit);
}

} // namespace

void enterWorkerProcess()
{
    // RLIMIT_DATA, not RLIMIT_AS: the fast path maps the whole PDF read-only (a 2 GB batch is
    // fine), and that mapping must not count; RLIMIT_DATA counts the heap and anonymous
    // mappings, which is what a runaway decoder grows. AddressSanitizer reserves terabytes of
    // shadow memory up front, so sanitized builds leave the limit to ASan's own checks.
#if !defined(__SANITIZE_ADDRESS__)
    const rlim_t bytes = rlim_t(decodeWorkerMemoryLimit());
    rlimit limit{bytes, bytes};
    ::setrlimit(RLIMIT_DATA, &limit);
#endif
    // Each page allocates and frees the same few buffers of 2 to 9 MB (its image, zxing's
    // matrices, libjpeg's rows). glibc's adaptive defaults returned them to the kernel after
    // a page and faulted them in again on the next: 260,000 page faults for 500 pages, a tenth
    // of the worker's time. Fixed thresholds keep them in the heap; a freed top of the heap is
    // still given back beyond 64 MB.
    ::mallopt(M_MMAP_THRESHOLD, 32 << 20);
    ::mallopt(M_TRIM_THRESHOLD, 64 << 20);
    std::set_new_handler(&outOfMemory);
    WorkerChatter::instance().install();
}

void answer(std::FILE *out, const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), out);
    std::fflush(out);
}

void forEachLine(std::FILE *in, const std::function<void(const QByteArray &)> &handle)
{
    char *buffer = nullptr;
    size_t capacity = 0;
    for (ssize_t length; (length = getline(&buffer, &capacity, in)) > 0;)
        handle(QByteArray(buffer, length));
    std::free(buffer);
}

bool OpenScanFile::needsOpening(const QString &path, PdfRendering rendering) const
{
    return !m_tried || path != m_path || rendering != m_rendering;
}

Result<PageSource *> OpenScanFile::source(const QString &path, PdfRendering rendering)
{
    if (needsOpening(path, rendering)) {
        m_source.reset();
        m_path = path;
        m_rendering = rendering;
        m_tried = true;
        auto opened = openPageSource(path, rendering);
        const QString chatter = WorkerChatter::instance().take();
        if (opened) {
            m_source = std::move(opened.value());
        } else {
            m_error = opened.error();
            m_error.message += chatter;
        }
    }
    if (!m_source)
        return m_error;
    return m_source.get();
}

Result<QImage> OpenScanFile::render(const QString &path, int pageIndex, int dpi,
                                    const QRectF &within)
{
    const Result<PageSource *> opened = source(path);
    if (!opened)
        return opened.error();
    PageSource *page = opened.value();
    if (pageIndex >= page->pageCount())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("cette page n'existe plus dans le fichier."), path);
    Result<QImage> image =
        within.isNull() ? page->render(pageIndex, dpi) : page->renderArea(pageIndex, dpi, within);
    const QString chatter = WorkerChatter::instance().take();
    if (!image) {
        Error error = image.error();
        error.message += chatter;
        return error;
    }
    return image;
}

} // namespace pointage::worker
