#include "pointage/DecodeWorker.h"

#include "pointage/PageReader.h"
#include "pointage/PageSource.h"
#include "scan/DecodeProtocol.h"
#include "scan/PageWorkerLoop.h"
#include "scan/WorkerChatter.h"

#include <QByteArray>

namespace pointage {

namespace {

// The slowest real page needs about 60 MB (a 300-dpi A4 page decoded, its crops, zxing's
// buffers; docs/reliability.md). 1.5 GB leaves room for a huge legitimate page while a runaway
// decoder (a hostile PDF sent Poppler growing to 500 MB and beyond) dies within a second or
// two instead of growing for the whole page timeout, and two workers cannot exhaust the office
// PC's memory.
constexpr qint64 kDefaultMemoryLimitMb = 1536;

} // namespace

qint64 decodeWorkerMemoryLimit()
{
    bool ok = false;
    const qint64 mb = qEnvironmentVariable("POINTAGE_WORKER_MEMORY_MB").toLongLong(&ok);
    return (ok && mb > 0 ? mb : kDefaultMemoryLimitMb) << 20;
}

int runDecodeWorker(std::FILE *in, std::FILE *out, const DecodeWorkerHooks &hooks)
{
    worker::enterWorkerProcess();
    const PageReader reader;
    worker::OpenScanFile file;
    worker::forEachLine(in, [&](const QByteArray &line) {
        const auto request = decode::decodeRequest(line);
        if (!request) {
            worker::answer(out,
                           decode::encodeFailure(makeError(
                               ErrorCode::Format, QStringLiteral("requête de lecture invalide."))));
            return;
        }
        if (hooks.beforeOpen && file.needsOpening(request->path, request->rendering))
            hooks.beforeOpen(request->path, request->rendering);
        const Result<PageSource *> source = file.source(request->path, request->rendering);
        if (!source) {
            worker::answer(out, decode::encodeFailure(source.error()));
            return;
        }
        if (request->kind == decode::Request::Kind::Count) {
            worker::answer(out, decode::encodePageCount(source.value()->pageCount()));
            return;
        }
        if (hooks.beforePage)
            hooks.beforePage(request->path, request->pageIndex, request->rendering);
        PageRead page = reader.read(*source.value(), request->pageIndex);
        page.pageNumber = request->pageIndex + 1;
        const QString chatter = WorkerChatter::instance().take();
        if (!page.decodeError.isEmpty())
            page.decodeError += chatter;
        worker::answer(out, decode::encodePage(page));
    });
    return 0;
}

} // namespace pointage
