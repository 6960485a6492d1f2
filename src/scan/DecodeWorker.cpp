#include "pointage/DecodeWorker.h"

#include "pointage/PageReader.h"
#include "pointage/PageSource.h"
#include "scan/DecodeProtocol.h"
#include "scan/WorkerChatter.h"

#include <QByteArray>
#include <cstdlib>
#include <memory>
#include <new>
#include <sys/resource.h>
#include <unistd.h>

namespace pointage {

namespace {

// The slowest real page needs about 60 MB (a 300-dpi A4 page decoded, its crops, zxing's
// buffers; docs/reliability.md). 1.5 GB leaves room for a huge legitimate page while a runaway
// decoder (a hostile PDF sent Poppler growing to 500 MB and beyond) dies within a second or
// two instead of growing for the whole page timeout, and two workers cannot exhaust the office
// PC's memory.
constexpr qint64 kDefaultMemoryLimitMb = 1536;

// operator new cannot get memory under the cap: leave at once with a status the ingest
// recognises, rather than unwinding through decoders that were never written for it.
void outOfMemory()
{
    ::_exit(decode::kOutOfMemoryExit);
}

// RLIMIT_DATA, not RLIMIT_AS: the fast path maps the whole PDF read-only (a 2 GB batch is
// fine), and that mapping must not count; RLIMIT_DATA counts the heap and anonymous mappings,
// which is what a runaway decoder grows. AddressSanitizer reserves terabytes of shadow memory
// up front, so sanitized builds leave the limit to ASan's own allocator checks.
void limitMemory()
{
#if !defined(__SANITIZE_ADDRESS__)
    const rlim_t bytes = rlim_t(decodeWorkerMemoryLimit());
    rlimit limit{bytes, bytes};
    ::setrlimit(RLIMIT_DATA, &limit);
#endif
    std::set_new_handler(&outOfMemory);
}

void answer(std::FILE *out, const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), out);
    std::fflush(out);
}

} // namespace

qint64 decodeWorkerMemoryLimit()
{
    bool ok = false;
    const qint64 mb = qEnvironmentVariable("POINTAGE_WORKER_MEMORY_MB").toLongLong(&ok);
    return (ok && mb > 0 ? mb : kDefaultMemoryLimitMb) << 20;
}

int runDecodeWorker(std::FILE *in, std::FILE *out, const DecodeWorkerHooks &hooks)
{
    limitMemory();
    WorkerChatter::instance().install();
    // The current file stays open between requests: pages of one file arrive in a row.
    const PageReader reader;
    std::unique_ptr<PageSource> source;
    QString sourcePath;
    PdfRendering sourceRendering = PdfRendering::FastWhenPlainScan;
    Error sourceError;

    char *buffer = nullptr;
    size_t capacity = 0;
    while (getline(&buffer, &capacity, in) > 0) {
        const auto request = decode::decodeRequest(QByteArray(buffer));
        if (!request) {
            answer(out, decode::encodeFailure(makeError(
                            ErrorCode::Format, QStringLiteral("requête de lecture invalide."))));
            continue;
        }
        if (request->path != sourcePath || request->rendering != sourceRendering || !source) {
            source.reset();
            sourcePath = request->path;
            sourceRendering = request->rendering;
            if (hooks.beforeOpen)
                hooks.beforeOpen(sourcePath, sourceRendering);
            auto opened = openPageSource(sourcePath, sourceRendering);
            const QString chatter = WorkerChatter::instance().take();
            if (opened) {
                source = std::move(opened.value());
            } else {
                sourceError = opened.error();
                sourceError.message += chatter;
            }
        }
        if (!source) {
            answer(out, decode::encodeFailure(sourceError));
            continue;
        }
        if (request->kind == decode::Request::Kind::Count) {
            answer(out, decode::encodePageCount(source->pageCount()));
            continue;
        }
        if (hooks.beforePage)
            hooks.beforePage(sourcePath, request->pageIndex, sourceRendering);
        PageRead page = reader.read(*source, request->pageIndex);
        page.pageNumber = request->pageIndex + 1;
        const QString chatter = WorkerChatter::instance().take();
        if (!page.decodeError.isEmpty())
            page.decodeError += chatter;
        answer(out, decode::encodePage(page));
    }
    std::free(buffer);
    return 0;
}

} // namespace pointage
