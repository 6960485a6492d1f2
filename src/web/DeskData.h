// The web desk's view of the ledger: the status computed as of a date, indexed for the screens,
// rebuilt after every change. The server is the ledger's single writer: every write, and the
// snapshot each view is built from, runs on one dedicated thread (a QtSql connection belongs to
// its thread). Small reads (journal, a candidate's versions, a page's signature zones) go
// through a second connection on a second thread, so that a screen needing one (or a login)
// does not wait
// behind a view being rebuilt. Handlers read the current view, an immutable value shared
// between threads.
// Thread-safety: view() and the futures-returning calls may be used from any thread.
#pragma once

#include "pointage/Ledger.h"
#include "pointage/Reconciler.h"
#include "pointage/RegistrationHistory.h"
#include "pointage/RequirementRules.h"
#include "pointage/SessionConfig.h"
#include "pointage/StatusTypes.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QPromise>
#include <QStringList>
#include <QThreadPool>
#include <memory>
#include <mutex>
#include <optional>

namespace pointage::web {

struct DeskView
{
    AcademieStatus status;
    LedgerSnapshot snapshot;
    std::shared_ptr<const RosterPlan> plan; // for snapshot.candidates: reused after a decision
    QList<PieceType> pieceTypes;
    QHash<QString, qsizetype> candidateAt;       // number -> status.candidateStatus
    QHash<QString, qsizetype> schoolAt;          // UAI -> status.schools
    QHash<qint64, qsizetype> outcomeAt;          // page id -> status.pages
    QHash<qint64, qsizetype> storedAt;           // page id -> snapshot.pages
    QHash<qint64, qsizetype> fileAt;             // file id -> snapshot.files
    QHash<QString, QList<qsizetype>> pagesOf;    // candidate -> status.pages (own pages)
    QHash<qint64, QList<qsizetype>> pagesOfFile; // file id -> snapshot.pages, in page order

    const CandidateStatus *candidate(const QString &number) const;
    const SchoolStatus *school(const QString &uai) const;
    const PageOutcome *outcome(qint64 pageId) const;
    const StoredPage *storedPage(qint64 pageId) const;
    const ScannedFile *file(qint64 fileId) const;
    QString pieceLabel(const QString &code) const;
};

// `plan`: planRoster() of this snapshot's candidates when the caller has it (only decisions
// changed since); otherwise made here.
DeskView buildDeskView(LedgerSnapshot snapshot, const RequirementRules &rules,
                       const SessionConfig &config, QDate asOf,
                       std::shared_ptr<const RosterPlan> plan = {});

// The answer of a write: ok, or a French message for the clerk.
struct WriteOutcome
{
    bool ok = false;
    qint64 id = 0;
    QString error;
    // Nothing written: the person must confirm (ErrorCode::NeedsConfirmation); `error` says what.
    bool needsConfirmation = false;
};

// The answer of an export import: the summary lines, or why nothing was written.
struct ImportOutcome
{
    QString fileName;
    bool ok = false;
    bool needsConfirmation = false; // withdrawals to accept explicitly; `error` says which
    QString error;
    QStringList lines;       // the summary (ExportImport.h)
    QStringList diagnostics; // rows refused, with their line
};

class DeskData
{
public:
    // `fixedAsOf`: compute the status as of that day (tests, demos); otherwise today.
    DeskData(QString ledgerPath, SessionConfig config, RequirementRules rules,
             std::optional<QDate> fixedAsOf);
    ~DeskData();

    // Opens the ledger on its thread and computes the first view (blocks).
    Status start();

    std::shared_ptr<const DeskView> view() const;
    const SessionConfig &config() const { return m_config; }
    const RequirementRules &rules() const { return m_rules; }

    // Checked, recorded and journaled under `user`; the view is rebuilt before the future ends.
    // `force`: the person confirmed an assignment over another candidate's confirmation.
    QFuture<WriteOutcome> decide(Decision decision, bool force = false);
    QFuture<WriteOutcome> undo(qint64 decisionId, const QString &user);
    QFuture<QList<JournalEntry>> journal(int limit);
    // A candidate's registration versions, newest first (empty when unknown or unreadable).
    QFuture<QList<RegistrationVersion>> registrationHistory(const QString &candidateNumber);
    // What the signature check saw on a page, with the crops of doubtful zones.
    QFuture<QList<ZoneReading>> signatureReadings(qint64 pageId);
    // A desk account, for a login (none when unknown or unreadable).
    QFuture<std::optional<UserAccount>> user(const QString &name);
    // A Cyclades export uploaded from the desk: the core's import, journaled under `user`.
    QFuture<ImportOutcome> importExport(QByteArray bytes, const QString &fileName,
                                        bool acceptWithdrawals, const QString &user);
    // Rebuilds the view now (after another connection wrote, e.g. an ingest job); blocks.
    void rebuildNow();
    QString ledgerPath() const { return m_ledgerPath; }

    // Rebuilds the view when another connection wrote to the ledger or the day changed, at
    // most once per four times the last rebuild's length. Never waits; a cheap check queued on
    // the ledger's thread. Call it from a timer.
    void refreshIfChanged();

private:
    // Runs `work` on the ledger's thread. Not QtConcurrent::run: waiting on its future may run
    // the task on the waiting thread ("work stealing"), which would move the ledger's
    // connection to another thread.
    template <class F> auto onLedgerThread(F work) -> QFuture<decltype(work())>;
    template <class F> auto onReaderThread(F work) -> QFuture<decltype(work())>;
    void rebuild(); // ledger thread only
    // After a decision of ours: only the decisions changed, so the rest of the snapshot is
    // reused when nobody else wrote since the view was built (ledger thread only).
    void rebuildDecisions(bool viewWasCurrent);
    bool viewIsCurrent() const; // ledger thread only
    QDate asOf() const;

    QString m_ledgerPath;
    SessionConfig m_config;
    RequirementRules m_rules;
    std::optional<QDate> m_fixedAsOf;
    QThreadPool m_ledgerThread;
    std::unique_ptr<Ledger> m_ledger; // ledger thread only
    QThreadPool m_readerThread;
    std::unique_ptr<Ledger> m_reader; // reader thread only: never written through
    mutable std::mutex m_mutex;
    std::shared_ptr<const DeskView> m_view;
    qint64 m_seenVersion = -1; // ledger thread only: othersChangeCounter() at the last snapshot
    static constexpr int kRefreshPauseFactor = 4;
    qint64 m_lastRebuildMs = 0;   // ledger thread only
    QElapsedTimer m_sinceRefresh; // ledger thread only: since the last refresh that rebuilt
    QDate m_viewDate;
    bool m_refreshQueued = false;
};

} // namespace pointage::web
