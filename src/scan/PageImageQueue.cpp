#include "pointage/PageImageQueue.h"

#include "pointage/PageRenderWorker.h"
#include "scan/DecodeWorkerPool.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QPromise>
#include <QUrl>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <sys/stat.h>
#include <thread>

namespace pointage {

namespace {

QFuture<PageImage> readyImage(PageImage image)
{
    QPromise<PageImage> promise;
    QFuture<PageImage> future = promise.future();
    promise.start();
    promise.addResult(std::move(image));
    promise.finish();
    return future;
}

std::optional<QByteArray> readCached(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

} // namespace

class PageImageQueue::Private
{
public:
    // One page image asked for, and everyone waiting for it. A member type, not one of the
    // file's anonymous namespace: a member of this class may not use such a type.
    struct Job
    {
        PageRenderRequest request;
        QString cacheKey;
        std::vector<std::shared_ptr<QPromise<PageImage>>> waiting;
    };

    QString program;
    QStringList arguments;
    QString cacheDirectory;
    int workers = 1;
    int timeoutMs = 20000;

    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::deque<QString> queue; // cache keys waiting for a worker
    QHash<QString, Job> jobs;  // by cache key: queued or in flight
    std::thread thread;

    void run();
    void finish(const QString &key, PageImage image);
};

PageImageQueue::PageImageQueue(QString program, QStringList arguments, QString cacheDirectory,
                               int workers, int timeoutMs)
    : d(std::make_unique<Private>())
{
    d->program = std::move(program);
    d->arguments = std::move(arguments);
    d->cacheDirectory = std::move(cacheDirectory);
    d->workers = qMax(1, workers);
    d->timeoutMs = timeoutMs;
    QDir().mkpath(d->cacheDirectory);
    ::chmod(QFile::encodeName(d->cacheDirectory).constData(), 0700);
    d->thread = std::thread([this] { d->run(); });
}

PageImageQueue::~PageImageQueue()
{
    {
        std::lock_guard lock(d->mutex);
        d->stopping = true;
    }
    d->wake.notify_all();
    d->thread.join();
}

QString PageImageQueue::cacheDirectory() const
{
    return d->cacheDirectory;
}

QFuture<PageImage> PageImageQueue::image(const QString &scanPath, const QString &sha256,
                                         int pageNumber, int dpi, int rotation)
{
    const int turn = (360 - ((rotation % 360) + 360) % 360) / 90 % 4 * 90;
    // The key depends on the file's content, never on a name from a request.
    const QString key = QStringLiteral("%1-p%2-%3dpi-r%4")
                            .arg(sha256.left(32).toLower())
                            .arg(pageNumber)
                            .arg(dpi)
                            .arg(turn);
    const QString path = QDir(d->cacheDirectory).filePath(key + QStringLiteral(".jpg"));
    if (auto cached = readCached(path))
        return readyImage({true, std::move(*cached), key, {}});

    auto promise = std::make_shared<QPromise<PageImage>>();
    QFuture<PageImage> future = promise->future();
    promise->start();
    {
        std::lock_guard lock(d->mutex);
        auto it = d->jobs.find(key);
        if (it == d->jobs.end()) {
            Private::Job job;
            job.request = {scanPath, pageNumber - 1, dpi, turn, path};
            job.cacheKey = key;
            it = d->jobs.insert(key, std::move(job));
            d->queue.push_back(key);
        }
        it->waiting.push_back(promise);
    }
    d->wake.notify_all();
    return future;
}

void PageImageQueue::Private::finish(const QString &key, PageImage image)
{
    Job job;
    {
        std::lock_guard lock(mutex);
        job = jobs.take(key);
    }
    image.cacheKey = key;
    if (image.ok) {
        auto bytes = readCached(job.request.outputPath);
        image.ok = bytes.has_value();
        image.jpeg = bytes.value_or(QByteArray());
        if (!image.ok)
            image.error = QStringLiteral("l'image rendue est introuvable.");
    }
    for (auto &promise : job.waiting) {
        promise->addResult(image);
        promise->finish();
    }
}

void PageImageQueue::Private::run()
{
    DecodeWorkerPool pool(program, arguments, workers, timeoutMs);
    const bool started = bool(pool.start());
    QHash<quint64, QString> inFlight; // ticket -> cache key
    quint64 nextTicket = 1;
    for (;;) {
        std::vector<QString> toSubmit;
        {
            std::unique_lock lock(mutex);
            wake.wait_for(lock, std::chrono::milliseconds(pool.busy() ? 0 : 1000), [&] {
                return stopping || (!queue.empty() && pool.idleWorker() >= 0) || pool.busy();
            });
            if (stopping)
                break;
            while (!queue.empty() && (!started || pool.idleWorker() >= 0)) {
                const QString key = queue.front();
                queue.pop_front();
                if (!started) {
                    toSubmit.push_back(key);
                    continue;
                }
                const int worker = pool.idleWorker();
                const quint64 ticket = nextTicket++;
                inFlight.insert(ticket, key);
                pool.submitLine(worker, encodePageRenderRequest(jobs.value(key).request), ticket);
            }
        }
        for (const QString &key : toSubmit) // no worker could be started at all
            finish(key, {false,
                         {},
                         {},
                         QStringLiteral("le programme de rendu des pages n'a pas "
                                        "pu être lancé.")});
        if (!pool.busy())
            continue;
        for (const auto &done : pool.wait(50)) {
            const QString key = inFlight.take(done.ticket);
            PageImage image;
            if (!done.line) {
                image.error = done.failureText;
            } else if (done.line->startsWith("ok")) {
                image.ok = true;
            } else {
                image.error = QUrl::fromPercentEncoding(done.line->mid(6).trimmed());
            }
            finish(key, std::move(image));
        }
    }
    // Anyone still waiting hears that the server is stopping.
    std::vector<QString> pending;
    {
        std::lock_guard lock(mutex);
        for (auto it = jobs.cbegin(); it != jobs.cend(); ++it)
            pending.push_back(it.key());
    }
    for (const QString &key : pending)
        finish(key, {false, {}, {}, QStringLiteral("le serveur s'arrête.")});
}

} // namespace pointage
