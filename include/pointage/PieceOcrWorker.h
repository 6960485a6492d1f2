// The OCR worker: a small loop run in its own process (`pointage __ocr-worker`) that renders the
// part of a supporting page that tells what it is (its top, where titles, letterheads and ID
// card copies sit) and returns the text Tesseract reads there, in French. A separate process
// keeps a crash, an abort or a hang in Poppler or Tesseract on a hostile page from taking the
// recognition stage down: the caller kills and replaces the worker and the page stays
// « à identifier ». Its memory is capped like the decode worker's (decodeWorkerMemoryLimit()).
// Protocol, one line each way: "ocr <pageIndex> <dpi> <scan path>" (path percent-encoded)
// -> "ok <percent-encoded UTF-8 text>" or "error <percent-encoded French message>".
// Thread-safety: runPieceOcrWorker is single-threaded; the encoders are pure functions.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QRectF>
#include <QString>
#include <cstdio>
#include <optional>

namespace pointage {

struct PieceOcrRequest
{
    QString scanPath;
    int pageIndex = 0; // 0-based
    int dpi = 150;     // clamped to 100–300 by the worker
};

QByteArray encodePieceOcrRequest(const PieceOcrRequest &request);
std::optional<PieceOcrRequest> decodePieceOcrRequest(const QByteArray &line);

// The answer line: the text read, or a French failure.
struct PieceOcrAnswer
{
    bool ok = false;
    QString text; // ok: what was read; otherwise the failure, in French
};
QByteArray encodePieceOcrAnswer(const PieceOcrAnswer &answer);
PieceOcrAnswer decodePieceOcrAnswer(const QByteArray &line);

// The part of a page that OCR reads, in fractions of the page: the top 45 % (titles,
// letterheads, an ID card copy and its MRZ). Only that band is decoded.
QRectF identifyingBand();

// Reads the French text on a grey image with Tesseract (tessdata from Debian's
// tesseract-ocr-fra). In-process: only the worker and tests call it.
std::optional<QString> ocrFrench(const QImage &grey, int dpi);

// Serves requests from `in` until end of input; returns the process exit status.
int runPieceOcrWorker(std::FILE *in, std::FILE *out);

} // namespace pointage
