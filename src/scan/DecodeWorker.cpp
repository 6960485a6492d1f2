#include "pointage/DecodeWorker.h"

#include "pointage/PageReader.h"
#include "pointage/PageSource.h"
#include "scan/DecodeProtocol.h"

#include <QByteArray>
#include <cstdlib>
#include <memory>

namespace pointage {

namespace {

void answer(std::FILE *out, const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), out);
    std::fflush(out);
}

} // namespace

int runDecodeWorker(std::FILE *in, std::FILE *out, const DecodeWorkerHooks &hooks)
{
    // The current file stays open between requests: pages of one file arrive in a row.
    const PageReader reader;
    std::unique_ptr<PageSource> source;
    QString sourcePath;
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
        if (request->path != sourcePath || !source) {
            source.reset();
            sourcePath = request->path;
            auto opened = openPageSource(sourcePath);
            if (opened)
                source = std::move(opened.value());
            else
                sourceError = opened.error();
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
            hooks.beforePage(sourcePath, request->pageIndex);
        PageRead page = reader.read(*source, request->pageIndex);
        page.pageNumber = request->pageIndex + 1;
        answer(out, decode::encodePage(page));
    }
    std::free(buffer);
    return 0;
}

} // namespace pointage
