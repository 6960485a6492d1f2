// Private to the scan layer: the line protocol between the ingest and its decode workers.
// Requests: "count <mode> <path>" or "page <index> <mode> <path>" (mode "fast" or "poppler",
// path percent-encoded). Answers: one compact JSON object per line.
// Thread-safety: pure functions.
#pragma once

#include "pointage/PageSource.h"
#include "pointage/Result.h"
#include "pointage/ScanTypes.h"

#include <QByteArray>
#include <optional>

namespace pointage::decode {

// Exit status of a worker whose allocation failed under its memory cap.
constexpr int kOutOfMemoryExit = 86;

struct Request
{
    enum class Kind { Count, Page } kind = Kind::Count;
    QString path;
    int pageIndex = 0; // 0-based
    // PopplerOnly after the fast path failed on this file: a hostile file must cost the fast
    // path one try, never the file.
    PdfRendering rendering = PdfRendering::FastWhenPlainScan;
};

QByteArray encodeRequest(const Request &request);
std::optional<Request> decodeRequest(const QByteArray &line);

QByteArray encodePageCount(int pages);
QByteArray encodeFailure(const Error &error);
QByteArray encodePage(const PageRead &page);

// An answer as the ingest sees it: a page count, a page, or a file-level error.
struct Answer
{
    int pageCount = -1;
    std::optional<PageRead> page;
    std::optional<Error> error;
};
Answer decodeAnswer(const QByteArray &line);

} // namespace pointage::decode
