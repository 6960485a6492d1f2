// Private to the scan layer: one run of ScanIngest over its input files. Each file goes
// through admission (its digest: recorded already, twice in the batch, held by another run,
// or claimed by this one), counting, its pages handed to the worker pool, and one ledger
// transaction. The first file not yet hashed is read ahead of its digest, so that hashing a
// large batch overlaps the workers' start and first pages; what was read ahead is kept only if
// the file is then admitted, and nothing is recorded before it is. A file recorded under the
// same path is not read ahead: a re-run over a folder would only slow its own hashing.
// Thread-safety: one thread (the ingest's); `stop` may be set from any thread.
#pragma once

#include "pointage/ScanIngest.h"

#include <QSet>
#include <atomic>
#include <deque>
#include <functional>
#include <vector>

namespace pointage {

class DecodeWorkerPool;
class InputFingerprints;

class IngestRun
{
public:
    IngestRun(Ledger &ledger, const IngestOptions &options,
              const std::function<void(const IngestProgress &)> &progress,
              const std::atomic<bool> &stop);

    // `fingerprints` hashes exactly `paths`, already walked; `walkProblems`, what the walk found
    // wrong, is told as files not read. The summary's time is the caller's to set.
    Result<IngestSummary> run(const QStringList &paths, const InputFingerprints &fingerprints,
                              const Diagnostics &walkProblems);

    // One file on its way through the run (public for the helpers beside the run).
    struct File
    {
        enum class Admission { Undecided, Read, HeldElsewhere, Dropped };

        QString path;
        QString sha256; // once hashed
        Admission admission = Admission::Undecided;
        bool ahead = false; // read before its digest was known
        bool countAsked = false;
        QString countFailure; // why its pages could not be counted; told once it is admitted
        int pageCount = -1;
        int nextPage = 0;        // the next page to hand to a worker
        std::deque<int> retries; // pages to hand out again, through Poppler
        int pagesDone = 0;
        int failedPages = 0;
        QList<PageRead> pages;
        bool settled = false; // recorded, or told as not read: nothing more to do
        // The fast path took a worker down on this file: Poppler reads the rest of it.
        PdfRendering rendering = PdfRendering::FastWhenPlainScan;

        // A worker may be given work on it: it is this run's, or read ahead of its digest.
        bool readable() const;
        bool hasWork() const;
    };

private:
    struct Request
    {
        size_t file;
        int page; // -1: the page count
    };

    Status decideHashedFiles(const InputFingerprints &fingerprints);
    Status admit(File &file, const Result<QString> &digest);
    Status claim(File &file);
    // False when no file is held elsewhere.
    Result<bool> retryHeldFiles();
    // What follows admission: a count that failed is told, a file read in full is recorded.
    Status afterAdmission(File &file);
    void drop(File &file, IngestFileResult::Outcome outcome, const QString &message);
    std::optional<Request> nextRequest();
    // The completions the pool has, stored in their files; a file read in full is recorded.
    Status takeCompletions(DecodeWorkerPool &pool, const std::vector<PdfRendering> &sentWith);
    Status finish(File &file);
    bool anyUnsettled() const;

    Ledger &m_ledger;
    const IngestOptions &m_options;
    const std::function<void(const IngestProgress &)> &m_progress;
    const std::atomic<bool> &m_stop;

    IngestSummary m_summary;
    std::vector<File> m_files;
    QSet<QString> m_shasThisRun;
    QSet<QString> m_recordedPaths; // absolute paths of the files the ledger holds
    int m_pagesTotal = 0;
    int m_pagesDone = 0;
};

} // namespace pointage
