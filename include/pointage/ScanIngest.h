// Ingests scanned batches: walks the inputs, skips files already recorded (same SHA-256),
// has every page rendered and decoded by a pool of worker processes (a decoder crash or hang
// costs one page, never the batch), and records each file with all its pages in one ledger
// transaction. Interrupted files are simply not recorded; a re-run completes them. Two runs on
// one folder share it: each file is read by the run that claims it first (Ledger claims); the
// other waits for it, then counts it "déjà lu", or reads it itself if the first run stopped.
// Files are hashed beside the reading: the file being hashed is already read, and what was read
// of it is recorded only once its digest admits it (scan/IngestRun.h).
// Thread-safety: run() on the thread that owns the Ledger; requestStop() from any thread or a
// signal handler.
#pragma once

#include "pointage/Diagnostic.h"
#include "pointage/PageReader.h"
#include "pointage/ReceivedDateSource.h"
#include "pointage/Result.h"

#include <QDate>
#include <QStringList>
#include <atomic>
#include <functional>

namespace pointage {

class Ledger;

struct IngestOptions
{
    QStringList inputs;          // files or folders; folders are walked in name order
    QDate received;              // when the paper arrived at the rectorat
    bool force = false;          // re-read files already recorded (page ids and decisions are kept)
    QString workerProgram;       // executable running runDecodeWorker()
    QStringList workerArguments; // its arguments
    ReadOptions reading;         // handed to every worker (SessionConfig::readOptions())
    int workers = 0;             // 0: one per core
    QString user;                // who has the batch read (journal); empty: the OS user
    // A page taking longer is abandoned and becomes an exception saying so. The slowest page of
    // a generated 300-dpi batch takes under 1 s of CPU through Poppler, 6.6 s of wall time on
    // this machine 4x oversubscribed (bench_slowest_page, docs/reliability.md): 20 s leaves a
    // margin for a loaded PC and sanitized builds, while a page sending a decoder into a loop
    // costs 20 s instead of minutes.
    int pageTimeoutMs = 20000;
};

struct IngestProgress
{
    QString file;
    int filePage = 0; // pages of this file done
    int filePages = 0;
    int pagesDone = 0; // over the whole run
    int pagesTotal = 0;
};

struct IngestFileResult
{
    enum class Outcome { Ingested, AlreadyIngested, Failed, Interrupted };
    QString path;
    Outcome outcome = Outcome::Failed;
    int pages = 0;
    int failedPages = 0; // pages whose decoding failed (they are recorded as exceptions)
    QString message;     // French, for Failed / AlreadyIngested
    // Ingested: the date recorded for the batch, and where it came from.
    QDate received;
    ReceivedDateSource receivedFrom = ReceivedDateSource::Today;
};

struct IngestSummary
{
    QList<IngestFileResult> files;
    int pagesRead = 0;
    double seconds = 0;
    bool interrupted = false;
    // Something was not recorded: the exit status must say so.
    bool somethingSkipped() const;
};

class ScanIngest
{
public:
    ScanIngest(Ledger &ledger, IngestOptions options);

    void setProgressCallback(std::function<void(const IngestProgress &)> callback);
    // Stops dispatching pages; files not complete are not recorded. Async-signal-safe.
    void requestStop() { m_stop.store(true); }

    Result<IngestSummary> run();

private:
    Ledger &m_ledger;
    IngestOptions m_options;
    std::function<void(const IngestProgress &)> m_progress;
    std::atomic<bool> m_stop{false};
};

// The folder walk: regular files with a scan extension, in name order, recursively; files
// named explicitly are always taken (their content decides what they are).
QStringList scanInputFiles(const QStringList &inputs, Diagnostics &problems);

// The date of the nearest parent folder named AAAA-MM-JJ, or a null date.
QDate receivedDateFromFolder(const QString &path);

} // namespace pointage
