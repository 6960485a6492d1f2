#include "scan/IngestRun.h"

#include "pointage/DecodeWorker.h"
#include "pointage/Ledger.h"
#include "scan/DecodeWorkerPool.h"
#include "scan/InputFingerprints.h"

#include <QFileInfo>
#include <QThread>
#include <algorithm>

namespace pointage {

namespace {

using Admission = IngestRun::File::Admission;

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

const QString recordedElsewhereMessage =
    QStringLiteral("enregistré entre-temps par une autre commande (déjà lu) : ignoré.");

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

// Tickets: file index in the high bits, page index + 1 in the low bits (0 = count).
quint64 ticketOf(size_t file, int page)
{
    return (quint64(file) << 32) | quint64(page + 1);
}

// Whatever way the run ends, the files it claimed are free for the next run at once.
class ClaimsReleaser
{
public:
    ClaimsReleaser(Ledger &ledger, const std::vector<IngestRun::File> &files)
        : m_ledger(ledger), m_files(files)
    {}
    ~ClaimsReleaser()
    {
        for (const IngestRun::File &f : m_files)
            if (!f.sha256.isEmpty())
                m_ledger.releaseScannedFile(f.sha256);
    }
    ClaimsReleaser(const ClaimsReleaser &) = delete;
    ClaimsReleaser &operator=(const ClaimsReleaser &) = delete;

private:
    Ledger &m_ledger;
    const std::vector<IngestRun::File> &m_files;
};

} // namespace

bool IngestRun::File::readable() const
{
    return !settled &&
           (admission == Admission::Read || (admission == Admission::Undecided && ahead));
}

bool IngestRun::File::hasWork() const
{
    return readable() &&
           (!countAsked || !retries.empty() || (pageCount > 0 && nextPage < pageCount));
}

IngestRun::IngestRun(Ledger &ledger, const IngestOptions &options,
                     const std::function<void(const IngestProgress &)> &progress,
                     const std::atomic<bool> &stop)
    : m_ledger(ledger), m_options(options), m_progress(progress), m_stop(stop)
{}

Result<IngestSummary> IngestRun::run(const QStringList &paths,
                                     const InputFingerprints &fingerprints,
                                     const Diagnostics &walkProblems)
{
    for (const Diagnostic &d : walkProblems)
        m_summary.files.append(fileNotRead(d.file, IngestFileResult::Outcome::Failed, d.message));
    if (paths.isEmpty())
        return m_summary;
    if (auto recorded = m_ledger.scannedFiles(); recorded) {
        for (const ScannedFile &file : std::as_const(recorded.value()))
            m_recordedPaths.insert(QFileInfo(file.path).absoluteFilePath());
    }
    m_files.resize(size_t(paths.size()));
    for (qsizetype i = 0; i < paths.size(); ++i)
        m_files[size_t(i)].path = paths.at(i);
    const ClaimsReleaser releaser(m_ledger, m_files);
    // The workers start while the files are hashed; a pool that cannot start is an error only
    // once a file must be read (every file may turn out to be recorded already).
    const int workers = m_options.workers > 0 ? m_options.workers : QThread::idealThreadCount();
    DecodeWorkerPool pool(m_options.workerProgram,
                          m_options.workerArguments + decodeWorkerArguments(m_options.reading),
                          qMin(workers, 64), m_options.pageTimeoutMs);
    const Result<Ok> started = pool.start();
    std::vector<PdfRendering> sentWith(size_t(pool.size())); // each worker's current request

    while (!m_stop.load() && anyUnsettled()) {
        if (Status s = decideHashedFiles(fingerprints); !s)
            return s.error();
        const bool needed = std::any_of(m_files.cbegin(), m_files.cend(), [](const File &f) {
            return f.admission == Admission::Read && !f.settled;
        });
        if (!started && needed)
            return started.error();
        for (int w = started ? pool.idleWorker() : -1; w >= 0; w = pool.idleWorker()) {
            const std::optional<Request> next = nextRequest();
            if (!next)
                break;
            File &f = m_files[next->file];
            decode::Request request;
            request.kind =
                next->page < 0 ? decode::Request::Kind::Count : decode::Request::Kind::Page;
            request.path = f.path;
            request.pageIndex = qMax(0, next->page);
            request.rendering = f.rendering;
            sentWith[size_t(w)] = request.rendering;
            pool.submit(w, request, ticketOf(next->file, next->page));
        }
        const bool workLeft = std::any_of(m_files.cbegin(), m_files.cend(),
                                          [](const File &f) { return f.hasWork(); });
        if (started && pool.liveWorkers() == 0 && workLeft) {
            return makeError(ErrorCode::Decode,
                             QStringLiteral("plus aucun programme de lecture ne démarre ; "
                                            "lecture arrêtée. Relancez la commande."));
        }
        if (!pool.busy()) {
            // Nothing in flight and nothing to hand out: the run waits for the digest of the
            // file it read ahead, or for files another run holds.
            const auto ahead = std::find_if(m_files.cbegin(), m_files.cend(), [](const File &f) {
                return f.admission == Admission::Undecided;
            });
            if (ahead != m_files.cend()) {
                fingerprints.wait(ahead - m_files.cbegin());
                continue;
            }
            const Result<bool> held = retryHeldFiles();
            if (!held)
                return held.error();
            if (!held.value() && !workLeft)
                break; // nothing can move any more (never expected): end rather than spin
            continue;
        }
        if (Status s = takeCompletions(pool, sentWith); !s)
            return s.error();
    }
    if (m_stop.load()) {
        m_summary.interrupted = true;
        for (const File &f : m_files) {
            if (!f.settled && f.admission != Admission::Dropped) {
                m_summary.files.append(
                    fileNotRead(f.path, IngestFileResult::Outcome::Interrupted,
                                QStringLiteral("interrompu : rien n'a été enregistré pour "
                                               "ce fichier ; relancez la commande.")));
            }
        }
    }
    pool.stopAll();
    // Files finish in whatever order the workers make; people read them in input order.
    std::stable_sort(m_summary.files.begin(), m_summary.files.end(),
                     [&paths](const IngestFileResult &a, const IngestFileResult &b) {
                         return paths.indexOf(a.path) < paths.indexOf(b.path);
                     });
    m_summary.pagesRead = m_pagesDone;
    return m_summary;
}

bool IngestRun::anyUnsettled() const
{
    return std::any_of(m_files.cbegin(), m_files.cend(), [](const File &f) {
        return !f.settled && f.admission != Admission::Dropped;
    });
}

Status IngestRun::decideHashedFiles(const InputFingerprints &fingerprints)
{
    for (size_t i = 0; i < m_files.size(); ++i) {
        File &f = m_files[i];
        if (f.admission != Admission::Undecided)
            continue;
        const std::optional<Result<QString>> digest = fingerprints.ready(qsizetype(i));
        if (!digest) {
            // Files are hashed in order: this one is being hashed, the next ones wait. Only
            // this one is read ahead, and only when its name is new to the ledger: reading a
            // file recorded already would take the cores its digest needs (0.7 s instead of
            // 0.4 s to find a 444 MB batch recorded).
            f.ahead = !m_recordedPaths.contains(QFileInfo(f.path).absoluteFilePath());
            return Ok{};
        }
        if (Status s = admit(f, *digest); !s)
            return s;
    }
    return Ok{};
}

Status IngestRun::admit(File &f, const Result<QString> &digest)
{
    if (!digest) {
        drop(f, IngestFileResult::Outcome::Failed, digest.error().message);
        return Ok{};
    }
    f.sha256 = digest.value();
    // Same content already recorded (or twice in this run): skipped, never re-counted.
    auto known = m_ledger.scannedFileBySha(f.sha256);
    if (!known)
        return known.error();
    if (m_shasThisRun.contains(f.sha256) || (known.value() && !m_options.force)) {
        const QString where = known.value() ? known.value()->path : QString();
        drop(f, IngestFileResult::Outcome::AlreadyIngested,
             where.isEmpty() || where == f.path
                 ? QStringLiteral("déjà enregistré, ignoré.")
                 : QStringLiteral("contenu identique à %1, déjà enregistré : ignoré.").arg(where));
        f.sha256.clear(); // the same content's claim, if any, is another file's
        return Ok{};
    }
    m_shasThisRun.insert(f.sha256);
    return claim(f);
}

// Another run may be reading the same folder: a file is read by whoever claims it first; the
// other run waits for it and finds it recorded (or takes it over if that run stopped).
Status IngestRun::claim(File &f)
{
    auto claimed = m_ledger.claimScannedFile(f.sha256);
    if (!claimed)
        return claimed.error();
    if (!claimed.value()) {
        // What was read ahead is kept: the same bytes read the same, should the claim come.
        f.admission = Admission::HeldElsewhere;
        return Ok{};
    }
    if (!m_options.force) {
        auto known = m_ledger.scannedFileBySha(f.sha256);
        if (!known)
            return known.error();
        if (known.value()) {
            m_ledger.releaseScannedFile(f.sha256);
            drop(f, IngestFileResult::Outcome::AlreadyIngested, recordedElsewhereMessage);
            return Ok{};
        }
    }
    f.admission = Admission::Read;
    return afterAdmission(f);
}

Result<bool> IngestRun::retryHeldFiles()
{
    const bool anyHeld = std::any_of(m_files.cbegin(), m_files.cend(), [](const File &f) {
        return f.admission == Admission::HeldElsewhere;
    });
    if (!anyHeld)
        return false;
    QThread::msleep(100); // only files other runs hold are left: ask again shortly
    for (File &f : m_files)
        if (f.admission == Admission::HeldElsewhere)
            if (Status s = claim(f); !s)
                return s.error();
    return true;
}

Status IngestRun::afterAdmission(File &f)
{
    if (!f.countFailure.isEmpty()) {
        m_ledger.releaseScannedFile(f.sha256);
        f.settled = true;
        m_summary.files.append(
            fileNotRead(f.path, IngestFileResult::Outcome::Failed, f.countFailure));
        return Ok{};
    }
    if (f.pageCount > 0 && f.pagesDone == f.pageCount)
        return finish(f);
    return Ok{};
}

void IngestRun::drop(File &f, IngestFileResult::Outcome outcome, const QString &message)
{
    f.admission = Admission::Dropped;
    // Pages read ahead of the digest are forgotten, and leave the progress counts.
    m_pagesTotal -= qMax(0, f.pageCount);
    m_pagesDone -= f.pagesDone;
    f.pages.clear();
    f.retries.clear();
    m_summary.files.append(fileNotRead(f.path, outcome, message));
}

std::optional<IngestRun::Request> IngestRun::nextRequest()
{
    // Pages to retry first, then every file's count (so that each is claimed early and the
    // progress knows the whole batch), then pages in input order.
    for (size_t i = 0; i < m_files.size(); ++i) {
        File &f = m_files[i];
        if (f.readable() && !f.retries.empty()) {
            const int page = f.retries.front();
            f.retries.pop_front();
            return Request{i, page};
        }
    }
    for (size_t i = 0; i < m_files.size(); ++i) {
        File &f = m_files[i];
        if (f.readable() && !f.countAsked) {
            f.countAsked = true;
            return Request{i, -1};
        }
    }
    for (size_t i = 0; i < m_files.size(); ++i) {
        File &f = m_files[i];
        if (f.hasWork())
            return Request{i, f.nextPage++};
    }
    return std::nullopt;
}

Status IngestRun::takeCompletions(DecodeWorkerPool &pool, const std::vector<PdfRendering> &sentWith)
{
    for (const auto &c : pool.wait(200)) {
        const size_t fileIndex = size_t(c.ticket >> 32);
        const int page = int(c.ticket & 0xffffffffu) - 1;
        File &f = m_files[fileIndex];
        if (f.settled || f.admission == Admission::Dropped)
            continue; // read ahead of a digest that dropped the file
        if (worthRetryingWithPoppler(c, sentWith[size_t(c.worker)])) {
            f.rendering = PdfRendering::PopplerOnly;
            if (page < 0)
                f.countAsked = false;
            else
                f.retries.push_front(page);
            continue;
        }
        const decode::Answer answer = c.line ? decode::decodeAnswer(*c.line) : decode::Answer{};
        if (page < 0) {
            if (answer.pageCount > 0) {
                f.pageCount = answer.pageCount;
                f.pages.resize(f.pageCount);
                m_pagesTotal += f.pageCount;
                continue;
            }
            f.countFailure = answer.error ? answer.error->message
                             : c.line     ? QStringLiteral("le fichier ne contient aucune page.")
                                          : decodeFailure(c.failureText);
            if (f.admission == Admission::Read)
                if (Status s = afterAdmission(f); !s)
                    return s;
            continue;
        }
        PageRead read;
        if (answer.page) {
            read = *answer.page;
        } else {
            read.decodeError = decodeFailure(answer.error ? answer.error->message : c.failureText);
        }
        read.pageNumber = page + 1;
        if (!read.decodeError.isEmpty())
            ++f.failedPages;
        f.pages[page] = read;
        ++f.pagesDone;
        ++m_pagesDone;
        if (m_progress)
            m_progress({f.path, f.pagesDone, f.pageCount, m_pagesDone, m_pagesTotal});
        if (f.pagesDone == f.pageCount && f.admission == Admission::Read)
            if (Status s = finish(f); !s)
                return s;
    }
    return Ok{};
}

Status IngestRun::finish(File &f)
{
    f.settled = true;
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
        m_summary.files.append(fileNotRead(f.path, IngestFileResult::Outcome::AlreadyIngested,
                                           recordedElsewhereMessage));
        return Ok{};
    }
    if (!recorded && recorded.error().code == ErrorCode::Busy) {
        // This file's pages are lost for now; the batch goes on and a re-run reads it.
        m_summary.files.append(
            fileNotRead(f.path, IngestFileResult::Outcome::Failed, recorded.error().message));
        return Ok{};
    }
    if (!recorded)
        return recorded.error();
    m_summary.files.append({f.path,
                            IngestFileResult::Outcome::Ingested,
                            f.pageCount,
                            f.failedPages,
                            {},
                            record.received,
                            receivedFrom});
    return Ok{};
}

} // namespace pointage
