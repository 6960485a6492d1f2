#include "pointage/PageRenderWorker.h"

#include "pointage/PageSource.h"
#include "scan/PageWorkerLoop.h"

#include <QFile>
#include <QImageWriter>
#include <QTransform>
#include <QUrl>

namespace pointage {

namespace {

QByteArray renderFailure(const QString &message)
{
    return "error " + QUrl::toPercentEncoding(message) + '\n';
}

bool writeJpeg(const QImage &image, const QString &path)
{
    const QString partial = path + QStringLiteral(".part");
    QImageWriter writer(partial, "jpeg");
    writer.setQuality(80);
    if (!writer.write(image)) {
        QFile::remove(partial);
        return false;
    }
    QFile::remove(path);
    return QFile::rename(partial, path);
}

QImage upright(const QImage &image, int turn)
{
    return turn == 0 ? image : image.transformed(QTransform().rotate(turn));
}

} // namespace

QByteArray encodePageRenderRequest(const PageRenderRequest &r)
{
    return "render " + QByteArray::number(r.pageIndex) + ' ' + QByteArray::number(r.dpi) + ' ' +
           QByteArray::number(r.turn) + ' ' + QUrl::toPercentEncoding(r.scanPath, "/") + ' ' +
           QUrl::toPercentEncoding(r.outputPath, "/") + '\n';
}

std::optional<PageRenderRequest> decodePageRenderRequest(const QByteArray &line)
{
    const QList<QByteArray> parts = line.trimmed().split(' ');
    if (parts.size() != 6 || parts[0] != "render")
        return std::nullopt;
    PageRenderRequest r;
    bool indexOk = false;
    bool dpiOk = false;
    bool turnOk = false;
    r.pageIndex = parts[1].toInt(&indexOk);
    r.dpi = parts[2].toInt(&dpiOk);
    r.turn = parts[3].toInt(&turnOk);
    r.scanPath = QUrl::fromPercentEncoding(parts[4]);
    r.outputPath = QUrl::fromPercentEncoding(parts[5]);
    if (!indexOk || !dpiOk || !turnOk || r.turn % 90 != 0 || r.turn < 0 || r.turn >= 360 ||
        r.pageIndex < 0 || r.scanPath.isEmpty() || r.outputPath.isEmpty())
        return std::nullopt;
    return r;
}

int runPageRenderWorker(std::FILE *in, std::FILE *out)
{
    worker::enterWorkerProcess();
    worker::OpenScanFile file;
    worker::forEachLine(in, [&](const QByteArray &line) {
        const auto request = decodePageRenderRequest(line);
        if (!request) {
            worker::answer(out, renderFailure(QStringLiteral("requête d'image invalide.")));
            return;
        }
        const Result<QImage> image =
            file.render(request->scanPath, request->pageIndex, qBound(10, request->dpi, 200));
        if (!image)
            worker::answer(out, renderFailure(image.error().located()));
        else if (!writeJpeg(upright(image.value(), request->turn), request->outputPath))
            worker::answer(
                out, renderFailure(QStringLiteral("impossible d'écrire l'image de la page.")));
        else
            worker::answer(out, "ok\n");
    });
    return 0;
}

} // namespace pointage
