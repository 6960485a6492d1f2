#include "pointage/PieceRecognitionStage.h"

#include "pointage/PieceOcrWorker.h"
#include "pointage/Reconciler.h"
#include "scan/DecodeWorkerPool.h"

#include <QElapsedTimer>
#include <QHash>
#include <algorithm>

namespace pointage {

namespace {

struct PageToRead
{
    qint64 pageId = 0;
    QString file;
    int pageIndex = 0; // 0-based
};

// Only pages that could settle an owed piece, not yet read under these rules.
QList<PageToRead> pagesToRead(const LedgerSnapshot &snapshot, const AcademieStatus &status,
                              const QString &hash, bool again)
{
    QHash<qint64, const StoredPage *> stored;
    for (const StoredPage &page : snapshot.pages)
        stored.insert(page.id, &page);
    QList<PageToRead> list;
    for (const PageOutcome &page : status.pages) {
        if (!page.toIdentify)
            continue;
        const StoredPage *s = stored.value(page.pageId);
        if (!again && s && s->recognition && s->recognition->rulesHash == hash)
            continue;
        list.append({page.pageId, page.file, page.page - 1});
    }
    return list;
}

} // namespace

Result<RecognitionSummary> recognizePieces(Ledger &ledger, const RequirementRules &rules,
                                           const SessionConfig &config,
                                           const RecognitionOptions &options,
                                           const RecognitionProgress &progress)
{
    QElapsedTimer clock;
    clock.start();
    auto snapshot = ledger.snapshot();
    if (!snapshot)
        return snapshot.error();
    const QString hash = rules.recognitionHash();
    const QList<PieceSignature> signatures = rules.pieceSignatures();
    const AcademieStatus status = reconcile(snapshot.value(), rules, config, QDate());
    const QList<PageToRead> pages = pagesToRead(snapshot.value(), status, hash, options.again);

    RecognitionSummary summary;
    if (pages.isEmpty() || signatures.isEmpty())
        return summary;
    DecodeWorkerPool pool(options.workerProgram, options.workerArguments,
                          std::max(1, std::min<int>(options.workers, int(pages.size()))),
                          options.timeoutMs);
    // Tesseract spreads its LSTM over OpenMP threads in each worker; with a worker per core
    // they only wait for one another (mostly in the kernel): one thread each read the
    // benchmark's pieces four times faster (docs/performance.md).
    pool.setEnvironmentDefault("OMP_THREAD_LIMIT", "1");
    if (Status s = pool.start(); !s)
        return s.error();

    const auto store = [&](const PageToRead &page, const PageRecognition &r) -> Status {
        ++summary.pagesRead;
        if (!r.failure.isEmpty())
            ++summary.failed;
        else if (r.pieceCode.isEmpty())
            ++summary.leftToIdentify;
        else {
            ++summary.typed;
            ++summary.byPiece[r.pieceCode];
        }
        if (progress)
            progress(summary.pagesRead, int(pages.size()));
        return ledger.recordRecognition(page.pageId, r);
    };

    qsizetype next = 0;
    while (next < pages.size() || pool.busy()) {
        for (int w = pool.idleWorker(); w >= 0 && next < pages.size(); w = pool.idleWorker()) {
            const PageToRead &page = pages.at(next);
            pool.submitLine(w, encodePieceOcrRequest({page.file, page.pageIndex, options.dpi}),
                            quint64(next));
            ++next;
        }
        for (const DecodeWorkerPool::Completion &done : pool.wait(1000)) {
            const PageToRead &page = pages.at(qsizetype(done.ticket));
            PageRecognition r;
            r.rulesHash = hash;
            if (!done.line) {
                r.failure = done.failureText;
            } else {
                const PieceOcrAnswer answer = decodePieceOcrAnswer(done.line.value());
                if (!answer.ok) {
                    r.failure = answer.text;
                } else {
                    const PieceGuess guess = recognisePiece(answer.text, signatures);
                    r.pieceCode = guess.pieceCode;
                    r.confidence = guess.confidence;
                }
            }
            if (Status s = store(page, r); !s)
                return s.error();
        }
        if (pool.liveWorkers() == 0 && next < pages.size())
            return makeError(ErrorCode::Decode,
                             QStringLiteral("aucun lecteur OCR n'a pu démarrer."),
                             options.workerProgram);
    }
    pool.stopAll();
    summary.seconds = clock.nsecsElapsed() / 1e9;
    return summary;
}

} // namespace pointage
