// Page images for people to look at, rendered on demand by page-image worker processes
// (`pointage __render-worker`), cached as JPEG files in an owner-only folder. A worker that
// crashes or overruns its time limit is replaced and the request fails with a French message;
// the caller (the web desk) never renders a page itself.
// Thread-safety: image() may be called from any thread; the workers are driven by one
// internal thread. Futures complete on that thread.
#pragma once

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QStringList>
#include <memory>

namespace pointage {

struct PageImage
{
    bool ok = false;
    QByteArray jpeg;
    QString cacheKey; // stable name of the rendering (for HTTP ETags)
    QString error;    // French, when !ok
};

class PageImageQueue
{
public:
    // `program` + `arguments` start one worker; `cacheDirectory` is created owner-only.
    PageImageQueue(QString program, QStringList arguments, QString cacheDirectory, int workers,
                   int timeoutMs = 20000);
    ~PageImageQueue();
    PageImageQueue(const PageImageQueue &) = delete;
    PageImageQueue &operator=(const PageImageQueue &) = delete;

    // Page `pageNumber` (1-based) of the scanned file `scanPath` whose content hash is
    // `sha256`, at `dpi`, set upright from `rotation` (how far clockwise the sheet lay when it
    // was read: 0, 90, 180 or 270). Cached renderings come back at once.
    QFuture<PageImage> image(const QString &scanPath, const QString &sha256, int pageNumber,
                             int dpi, int rotation = 0);

    QString cacheDirectory() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace pointage
