#include "pointage/ScanIngest.h"

#include "pointage/DecodeWorker.h"
#include "pointage/FileHash.h"
#include "pointage/Ledger.h"
#include "scan/DecodeWorkerPool.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QThread>
#include <deque>

namespace pointage {

namespace {

bool hasScanExtension(const QString &path)
{
    static const QStringList extensions{QStringLiteral("pdf"),  QStringLiteral("tif"),
                                        QStringLiteral("tiff"), QStringLiteral("png"),
                                        QStringLiteral("jpg"),  QStringLiteral("jpeg")};
    return extensions.contains(QFileInfo(path).suffix().toLower());
}

// A file this run did not record: no page, no received date.
IngestFileResult fileNotRead(const QString &path, IngestFileResult::Outcome outcome,
                             const QString &message)
{
    IngestFileResult result;
    result.path = path;
    result.outcome = outcome;
    result.message = message;
    return result;
}

// One file on its way through the run.
struct PendingFile
{
    QString path;
    QString sha256;
    int pageCount = -1;
    int pagesDone = 0;
    int failedPages = 0;
    QList<PageRead> pages;
    bool failed = false;
    bool recordedElsewhere = false; // another run recorded it while this one waited
    // The fast path took a worker down on this file: Poppler reads the rest of it.
    PdfRendering rendering = PdfRendering::FastWhenPlainScan;
};

// What the run does with a file when a worker is free to count its pages.
enum class Admission { Read, HeldElsewhere, RecordedElsewhere };

const QString recordedElsewhereMessage =
    QStringLiteral("enregistré entre-temps par une autre commande (déjà lu) : ignoré.");

// Whatever way run() ends, the files it claimed are free for the next run at once.
class ClaimsReleaser
{
public:
    ClaimsReleaser(Ledger &ledger, const std::vector<PendingFile> &files)
        : m_ledger(ledger), m_files(files)
    {}
    ~ClaimsReleaser()
    {
        for (const PendingFile &f : m_files)
            m_ledger.releaseScannedFile(f.sha256);
    }

private:
    Ledger &m_ledger;
    const std::vector<PendingFile> &m_files;
};

// A worker lost while the fast path read the file may have been killed by the fast path
// itself: the request deserves one more try through Poppler. A time-out does not (Poppler
// would be given the same page for as long again).
bool worthRetryingWithPoppler(const DecodeWorkerPool::Completion &c, PdfRendering rendering)
{
    return !c.line && rendering == PdfRendering::FastWhenPlainScan &&
           (c.failure == DecodeWorkerPool::Failure::Crashed ||
            c.failure == DecodeWorkerPool::Failure::OutOfMemory);
}

QString decodeFailure(const QString &why)
{
    return QStringLiteral("%1 ; la page est placée dans la file des exceptions : vérifiez-la et "
                          "attribuez-la à la main (pointage assign).")
        .arg(why);
}

} // namespace

QDate receivedDateFromFolder(const QString &path)
{
    QDir dir = QFileInfo(path).absoluteDir();
    do {
        const QDate date = QDate::fromString(dir.dirName(), Qt::ISODate);
        if (date.isValid())
            return date;
    } while (dir.cdUp());
    return {};
}

bool IngestSummary::somethingSkipped() const
{
    if (interrupted)
        return true;
    for (const IngestFileResult &f : files) {
        if (f.outcome == IngestFileResult::Outcome::Failed ||
            f.outcome == IngestFileResult::Outcome::Interrupted || f.failedPages > 0)
            return true;
    }
    return false;
}

QStringList scanInputFiles(const QStringList &inputs, Diagnostics &problems)
{
    QStringList files;
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(input, QDir::Files | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (hasScanExtension(path))
                    found.append(path);
            }
            found.sort();
            files += found;
        } else if (info.exists()) {
            files.append(input);
        } else {
            problems.append({Diagnostic::Severity::Error, input, 0, 0,
                             QStringLiteral("fichier ou dossier introuvable.")});
        }
    }
    return files;
}

ScanIngest::ScanIngest(Ledger &ledger, IngestOptions options)
    : m_ledger(ledger), m_options(std::move(options))
{}

void ScanIngest::setProgressCallback(std::function<void(const IngestProgress &)> callback)
{
    m_progress = std::move(callback);
}

Result<IngestSummary> ScanIngest::run()
{
    QElapsedTimer clock;
    clock.start();
    IngestSummary summary;
    Diagnostics walkProblems;
    const QStringList paths = scanInputFiles(m_options.inputs, walkProblems);
    for (const Diagnostic &d : std::as_const(walkProblems))
        summary.files.append(fileNotRead(d.file, IngestFileResult::Outcome::Failed, d.message));

    // Same content already recorded (or twice in this run): skipped, never re-counted.
    std::vector<PendingFile> pending;
    QSet<QString> shasThisRun;
    for (const QString &path : paths) {
        auto sha = sha256OfFile(path);
        if (!sha) {
            summary.files.append(
                fileNotRead(path, IngestFileResult::Outcome::Failed, sha.error().message));
            continue;
        }
        auto known = m_ledger.scannedFileBySha(sha.value());
        if (!known)
            return known.error();
        if (shasThisRun.contains(sha.value()) || (known.value() && !m_options.force)) {
            const QString where = known.value() ? known.value()->path : QString();
            summary.files.append(fileNotRead(
                path, IngestFileResult::Outcome::AlreadyIngested,
                where.isEmpty() || where == path
                    ? QStringLiteral("déjà enregistré, ignoré.")
                    : QStringLiteral("contenu identique à %1, déjà enregistré : ignoré.")
                          .arg(where)));
            continue;
        }
        shasThisRun.insert(sha.value());
        PendingFile file;
        file.path = path;
        file.sha256 = sha.value();
        pending.push_back(std::move(file));
    }
    if (pending.empty()) {
        summary.seconds = clock.elapsed() / 1000.0;
        return summary;
    }
    const ClaimsReleaser releaser(m_ledger, pending);
    // Another run may be reading the same folder: a file is read by whoever claims it first;
    // the other run waits for it and finds it recorded (or takes it over if that run stopped).
    auto admit = [&](PendingFile &f) -> Result<Admission> {
        auto claimed = m_ledger.claimScannedFile(f.sha256);
        if (!claimed)
            return claimed.error();
        if (!claimed.value())
            return Admission::HeldElsewhere;
        if (m_options.force)
            return Admission::Read;
        auto known = m_ledger.scannedFileBySha(f.sha256);
        if (!known)
            return known.error();
        if (!known.value())
            return Admission::Read;
        m_ledger.releaseScannedFile(f.sha256);
        f.recordedElsewhere = true;
        summary.files.append(fileNotRead(f.path, IngestFileResult::Outcome::AlreadyIngested,
                                         recordedElsewhereMessage));
        return Admission::RecordedElsewhere;
    };

    const int workers = m_options.workers > 0 ? m_options.workers : QThread::idealThreadCount();
    DecodeWorkerPool pool(m_options.workerProgram,
                          m_options.workerArguments + decodeWorkerArguments(m_options.reading),
                          qMin(workers, 64), m_options.pageTimeoutMs);
    if (auto started = pool.start(); !started)
        return started.error();

    // Tickets: file index in the high bits, page index + 1 in the low bits (0 = count).
    auto ticketOf = [](size_t file, int page) {
        return (quint64(file) << 32) | quint64(page + 1);
    };
    std::deque<std::pair<size_t, int>> queue; // (file, page) — page -1 asks for the count
    std::vector<PdfRendering> sentWith(size_t(pool.size())); // each worker's current request
    for (size_t i = 0; i < pending.size(); ++i)
        queue.push_back({i, -1});
    std::vector<size_t> waiting; // files another run holds: asked again once ours are dispatched

    int pagesTotal = 0;
    int pagesDone = 0;
    auto finishFile = [&](PendingFile &f) -> Status {
        if (f.failed)
            return Ok{};
        ScannedFile record;
        record.path = f.path;
        record.sha256 = f.sha256;
        ReceivedDateSource receivedFrom = ReceivedDateSource::Given;
        record.received = m_options.received;
        if (!record.received.isValid()) {
            receivedFrom = ReceivedDateSource::Folder;
            record.received = receivedDateFromFolder(f.path);
        }
        if (!record.received.isValid()) {
            receivedFrom = ReceivedDateSource::Today;
            record.received = QDate::currentDate();
        }
        record.pageCount = f.pageCount;
        record.user = m_options.user;
        auto recorded = m_ledger.recordScannedFile(record, f.pages, m_options.force);
        m_ledger.releaseScannedFile(f.sha256);
        f.pages.clear();
        f.pages.squeeze();
        if (!recorded && recorded.error().code == ErrorCode::Conflict) {
            // Recorded by a run that does not claim files (an older Pointage): same facts.
            summary.files.append(fileNotRead(f.path, IngestFileResult::Outcome::AlreadyIngested,
                                             recordedElsewhereMessage));
            return Ok{};
        }
        if (!recorded && recorded.error().code == ErrorCode::Busy) {
            // This file's pages are lost for now; the batch goes on and a re-run reads it.
            f.failed = true;
            summary.files.append(
                fileNotRead(f.path, IngestFileResult::Outcome::Failed, recorded.error().message));
            return Ok{};
        }
        if (!recorded)
            return recorded.error();
        summary.files.append({f.path,
                              IngestFileResult::Outcome::Ingested,
                              f.pageCount,
                              f.failedPages,
                              {},
                              record.received,
                              receivedFrom});
        return Ok{};
    };

    while (!m_stop.load() && (!queue.empty() || pool.busy() || !waiting.empty())) {
        if (queue.empty() && !waiting.empty()) {
            if (!pool.busy())
                QThread::msleep(100); // only files other runs hold are left: ask again shortly
            for (const size_t file : waiting)
                queue.push_back({file, -1});
            waiting.clear();
        }
        for (int w = pool.idleWorker(); w >= 0 && !queue.empty(); w = pool.idleWorker()) {
            const auto [file, page] = queue.front();
            queue.pop_front();
            if (page < 0) {
                auto admission = admit(pending[file]);
                if (!admission)
                    return admission.error();
                if (admission.value() == Admission::HeldElsewhere)
                    waiting.push_back(file);
                if (admission.value() != Admission::Read)
                    continue;
            }
            decode::Request request;
            request.kind = page < 0 ? decode::Request::Kind::Count : decode::Request::Kind::Page;
            request.path = pending[file].path;
            request.pageIndex = qMax(0, page);
            request.rendering = pending[file].rendering;
            sentWith[size_t(w)] = request.rendering;
            pool.submit(w, request, ticketOf(file, page));
        }
        if (pool.liveWorkers() == 0) {
            return makeError(ErrorCode::Decode,
                             QStringLiteral("plus aucun programme de lecture ne démarre ; "
                                            "lecture arrêtée. Relancez la commande."));
        }
        for (const auto &c : pool.wait(200)) {
            const size_t fileIndex = size_t(c.ticket >> 32);
            const int page = int(c.ticket & 0xffffffffu) - 1;
            PendingFile &f = pending[fileIndex];
            if (worthRetryingWithPoppler(c, sentWith[size_t(c.worker)])) {
                f.rendering = PdfRendering::PopplerOnly;
                queue.push_front({fileIndex, page});
                continue;
            }
            const decode::Answer answer = c.line ? decode::decodeAnswer(*c.line) : decode::Answer{};
            if (page < 0) {
                if (answer.pageCount > 0) {
                    f.pageCount = answer.pageCount;
                    f.pages.resize(f.pageCount);
                    pagesTotal += f.pageCount;
                    for (int p = 0; p < f.pageCount; ++p)
                        queue.push_back({fileIndex, p});
                    continue;
                }
                f.failed = true;
                m_ledger.releaseScannedFile(f.sha256);
                QString why = answer.error ? answer.error->message
                              : c.line     ? QStringLiteral("le fichier ne contient aucune page.")
                                           : decodeFailure(c.failureText);
                summary.files.append(fileNotRead(f.path, IngestFileResult::Outcome::Failed, why));
                continue;
            }
            PageRead read;
            if (answer.page) {
                read = *answer.page;
            } else {
                read.decodeError =
                    decodeFailure(answer.error ? answer.error->message : c.failureText);
            }
            read.pageNumber = page + 1;
            if (!read.decodeError.isEmpty())
                ++f.failedPages;
            f.pages[page] = read;
            ++f.pagesDone;
            ++pagesDone;
            if (m_progress)
                m_progress({f.path, f.pagesDone, f.pageCount, pagesDone, pagesTotal});
            if (f.pagesDone == f.pageCount) {
                if (Status s = finishFile(f); !s)
                    return s.error();
            }
        }
    }
    if (m_stop.load()) {
        summary.interrupted = true;
        for (const PendingFile &f : pending) {
            if (!f.failed && !f.recordedElsewhere &&
                (f.pageCount < 0 || f.pagesDone < f.pageCount)) {
                summary.files.append(
                    fileNotRead(f.path, IngestFileResult::Outcome::Interrupted,
                                QStringLiteral("interrompu : rien n'a été enregistré pour "
                                               "ce fichier ; relancez la commande.")));
            }
        }
    }
    pool.stopAll();
    // Files finish in whatever order the workers make; people read them in input order.
    std::stable_sort(summary.files.begin(), summary.files.end(),
                     [&paths](const IngestFileResult &a, const IngestFileResult &b) {
                         return paths.indexOf(a.path) < paths.indexOf(b.path);
                     });
    summary.pagesRead = pagesDone;
    summary.seconds = clock.elapsed() / 1000.0;
    return summary;
}

} // namespace pointage
