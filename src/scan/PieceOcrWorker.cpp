#include "pointage/PieceOcrWorker.h"

#include "pointage/PageSource.h"
#include "scan/PageWorkerLoop.h"
#include "scan/WorkerChatter.h"

#include <QUrl>
#include <leptonica/allheaders.h>
#include <memory>
#include <tesseract/baseapi.h>

namespace pointage {

namespace {

QByteArray ocrFailure(const QString &message)
{
    return encodePieceOcrAnswer({false, message});
}

// One engine per process, initialised on first use: loading the French model costs ~0.3 s.
tesseract::TessBaseAPI *engine()
{
    static std::unique_ptr<tesseract::TessBaseAPI> api;
    static bool tried = false;
    if (!tried) {
        tried = true;
        // Leptonica reports clipping trivia on stderr; the page's result says what matters.
        setMsgSeverity(L_SEVERITY_NONE);
        auto candidate = std::make_unique<tesseract::TessBaseAPI>();
        if (candidate->Init(nullptr, "fra", tesseract::OEM_LSTM_ONLY) == 0) {
            candidate->SetPageSegMode(tesseract::PSM_AUTO);
            // Scans are dark ink on light paper: no inverted-text pass.
            candidate->SetVariable("tessedit_do_invert", "0");
            candidate->SetVariable("debug_file", "/dev/null");
            api = std::move(candidate);
        }
    }
    return api.get();
}

} // namespace

QByteArray encodePieceOcrRequest(const PieceOcrRequest &r)
{
    return "ocr " + QByteArray::number(r.pageIndex) + ' ' + QByteArray::number(r.dpi) + ' ' +
           QUrl::toPercentEncoding(r.scanPath, "/") + '\n';
}

std::optional<PieceOcrRequest> decodePieceOcrRequest(const QByteArray &line)
{
    const QList<QByteArray> parts = line.trimmed().split(' ');
    if (parts.size() != 4 || parts[0] != "ocr")
        return std::nullopt;
    PieceOcrRequest r;
    bool indexOk = false;
    bool dpiOk = false;
    r.pageIndex = parts[1].toInt(&indexOk);
    r.dpi = parts[2].toInt(&dpiOk);
    r.scanPath = QUrl::fromPercentEncoding(parts[3]);
    if (!indexOk || !dpiOk || r.pageIndex < 0 || r.scanPath.isEmpty())
        return std::nullopt;
    return r;
}

QByteArray encodePieceOcrAnswer(const PieceOcrAnswer &a)
{
    return (a.ok ? "ok " : "error ") + QUrl::toPercentEncoding(a.text) + '\n';
}

PieceOcrAnswer decodePieceOcrAnswer(const QByteArray &line)
{
    const QByteArray trimmed = line.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    const QByteArray head = space < 0 ? trimmed : trimmed.left(space);
    const QString body = space < 0 ? QString() : QUrl::fromPercentEncoding(trimmed.mid(space + 1));
    if (head == "ok")
        return {true, body};
    if (head == "error")
        return {false, body};
    return {false, QStringLiteral("réponse illisible du lecteur OCR.")};
}

QRectF identifyingBand()
{
    return QRectF(0, 0, 1, 0.45);
}

std::optional<QString> ocrFrench(const QImage &grey, int dpi)
{
    tesseract::TessBaseAPI *api = engine();
    if (!api || grey.isNull())
        return std::nullopt;
    api->SetImage(grey.constBits(), grey.width(), grey.height(), 1, int(grey.bytesPerLine()));
    api->SetSourceResolution(dpi);
    char *text = api->GetUTF8Text();
    if (!text)
        return std::nullopt;
    QString result = QString::fromUtf8(text);
    delete[] text;
    api->Clear();
    return result;
}

int runPieceOcrWorker(std::FILE *in, std::FILE *out)
{
    worker::enterWorkerProcess();
    worker::OpenScanFile file;
    worker::forEachLine(in, [&](const QByteArray &line) {
        const auto request = decodePieceOcrRequest(line);
        if (!request) {
            worker::answer(out, ocrFailure(QStringLiteral("requête de lecture OCR invalide.")));
            return;
        }
        const int dpi = qBound(100, request->dpi, 300);
        const Result<QImage> image =
            file.render(request->scanPath, request->pageIndex, dpi, identifyingBand());
        if (!image) {
            worker::answer(out, ocrFailure(image.error().located()));
            return;
        }
        const auto text = ocrFrench(image.value(), dpi);
        // Tesseract's own complaints are noise once the page is read or refused.
        WorkerChatter::instance().take();
        if (!text) {
            worker::answer(out,
                           ocrFailure(QStringLiteral("Tesseract n'a pas pu lire la page (modèle "
                                                     "français tesseract-ocr-fra installé ?).")));
            return;
        }
        worker::answer(out, encodePieceOcrAnswer({true, text.value()}));
    });
    // Before static destruction: Tesseract's model cache complains of leaks otherwise.
    if (tesseract::TessBaseAPI *api = engine())
        api->End();
    return 0;
}

} // namespace pointage
