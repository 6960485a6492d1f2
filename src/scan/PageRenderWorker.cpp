#include "pointage/PageRenderWorker.h"

#include "pointage/PageSource.h"
#include "scan/WorkerChatter.h"

#include <QFile>
#include <QImageWriter>
#include <QUrl>
#include <cstdlib>
#include <memory>

namespace pointage {

namespace {

void answer(std::FILE *out, const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), out);
    std::fflush(out);
}

QByteArray failure(const QString &message)
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

} // namespace

QByteArray encodePageRenderRequest(const PageRenderRequest &r)
{
    return "render " + QByteArray::number(r.pageIndex) + ' ' + QByteArray::number(r.dpi) + ' ' +
           QUrl::toPercentEncoding(r.scanPath, "/") + ' ' +
           QUrl::toPercentEncoding(r.outputPath, "/") + '\n';
}

std::optional<PageRenderRequest> decodePageRenderRequest(const QByteArray &line)
{
    const QList<QByteArray> parts = line.trimmed().split(' ');
    if (parts.size() != 5 || parts[0] != "render")
        return std::nullopt;
    PageRenderRequest r;
    bool indexOk = false;
    bool dpiOk = false;
    r.pageIndex = parts[1].toInt(&indexOk);
    r.dpi = parts[2].toInt(&dpiOk);
    r.scanPath = QUrl::fromPercentEncoding(parts[3]);
    r.outputPath = QUrl::fromPercentEncoding(parts[4]);
    if (!indexOk || !dpiOk || r.pageIndex < 0 || r.scanPath.isEmpty() || r.outputPath.isEmpty())
        return std::nullopt;
    return r;
}

int runPageRenderWorker(std::FILE *in, std::FILE *out)
{
    WorkerChatter::instance().install();
    // The current file stays open between requests: a school's pages often share a file.
    std::unique_ptr<PageSource> source;
    QString sourcePath;
    char *buffer = nullptr;
    size_t capacity = 0;
    while (getline(&buffer, &capacity, in) > 0) {
        const auto request = decodePageRenderRequest(QByteArray(buffer));
        if (!request) {
            answer(out, failure(QStringLiteral("requête d'image invalide.")));
            continue;
        }
        if (request->scanPath != sourcePath || !source) {
            source.reset();
            sourcePath = request->scanPath;
            auto opened = openPageSource(sourcePath);
            if (!opened) {
                answer(out, failure(opened.error().located() + WorkerChatter::instance().take()));
                continue;
            }
            source = std::move(opened.value());
        }
        if (request->pageIndex >= source->pageCount()) {
            answer(out, failure(QStringLiteral("cette page n'existe plus dans le fichier.")));
            continue;
        }
        auto image = source->render(request->pageIndex, qBound(10, request->dpi, 200));
        const QString chatter = WorkerChatter::instance().take();
        if (!image) {
            answer(out, failure(image.error().located() + chatter));
            continue;
        }
        if (!writeJpeg(image.value(), request->outputPath)) {
            answer(out, failure(QStringLiteral("impossible d'écrire l'image de la page.")));
            continue;
        }
        answer(out, "ok\n");
    }
    std::free(buffer);
    return 0;
}

} // namespace pointage
