#include "web/DeskData.h"

#include "pointage/Decisions.h"
#include "pointage/ExportImport.h"
#include "pointage/Reconciler.h"

#include <QElapsedTimer>

namespace pointage::web {

namespace {

template <class F> auto runOn(QThreadPool &thread, F work) -> QFuture<decltype(work())>
{
    using T = decltype(work());
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    thread.start([promise, work = std::move(work)]() mutable {
        if constexpr (std::is_void_v<T>)
            work();
        else
            promise->addResult(work());
        promise->finish();
    });
    return future;
}

// One thread that never expires: a QtSql connection lives on it.
void keepOneThread(QThreadPool &pool)
{
    pool.setMaxThreadCount(1);
    pool.setExpiryTimeout(-1);
}

} // namespace

template <class F> auto DeskData::onLedgerThread(F work) -> QFuture<decltype(work())>
{
    return runOn(m_ledgerThread, std::move(work));
}

template <class F> auto DeskData::onReaderThread(F work) -> QFuture<decltype(work())>
{
    return runOn(m_readerThread, std::move(work));
}

const CandidateStatus *DeskView::candidate(const QString &number) const
{
    const auto it = candidateAt.constFind(normaliseCandidateNumber(number));
    return it == candidateAt.cend() ? nullptr : &status.candidateStatus[*it];
}

const SchoolStatus *DeskView::school(const QString &uai) const
{
    const auto it = schoolAt.constFind(uai);
    return it == schoolAt.cend() ? nullptr : &status.schools[*it];
}

const PageOutcome *DeskView::outcome(qint64 pageId) const
{
    const auto it = outcomeAt.constFind(pageId);
    return it == outcomeAt.cend() ? nullptr : &status.pages[*it];
}

const StoredPage *DeskView::storedPage(qint64 pageId) const
{
    const auto it = storedAt.constFind(pageId);
    return it == storedAt.cend() ? nullptr : &snapshot.pages[*it];
}

const ScannedFile *DeskView::file(qint64 fileId) const
{
    const auto it = fileAt.constFind(fileId);
    return it == fileAt.cend() ? nullptr : &snapshot.files[*it];
}

QString DeskView::pieceLabel(const QString &code) const
{
    for (const PieceType &p : pieceTypes) {
        if (p.code == code)
            return p.label;
    }
    return code;
}

DeskView buildDeskView(LedgerSnapshot snapshot, const RequirementRules &rules,
                       const SessionConfig &config, QDate asOf,
                       std::shared_ptr<const RosterPlan> plan)
{
    DeskView v;
    v.plan = plan ? std::move(plan) : planRoster(snapshot.candidates, rules, config);
    v.status = reconcile(snapshot, rules, config, asOf, *v.plan);
    v.snapshot = std::move(snapshot);
    v.pieceTypes = rules.pieceTypes();
    for (qsizetype i = 0; i < v.status.candidateStatus.size(); ++i)
        v.candidateAt.insert(v.status.candidateStatus[i].candidate.candidateNumber, i);
    for (qsizetype i = 0; i < v.status.schools.size(); ++i)
        v.schoolAt.insert(v.status.schools[i].uai, i);
    for (qsizetype i = 0; i < v.status.pages.size(); ++i) {
        const PageOutcome &p = v.status.pages[i];
        v.outcomeAt.insert(p.pageId, i);
        const bool owned =
            p.bucket == PageBucket::Confirmation || p.bucket == PageBucket::Supporting;
        if (owned && !p.candidateNumber.isEmpty())
            v.pagesOf[p.candidateNumber].append(i);
    }
    for (qsizetype i = 0; i < v.snapshot.pages.size(); ++i) {
        v.storedAt.insert(v.snapshot.pages[i].id, i);
        v.pagesOfFile[v.snapshot.pages[i].fileId].append(i);
    }
    for (qsizetype i = 0; i < v.snapshot.files.size(); ++i)
        v.fileAt.insert(v.snapshot.files[i].id, i);
    return v;
}

DeskData::DeskData(QString ledgerPath, SessionConfig config, RequirementRules rules,
                   std::optional<QDate> fixedAsOf)
    : m_ledgerPath(std::move(ledgerPath)), m_config(std::move(config)), m_rules(std::move(rules)),
      m_fixedAsOf(fixedAsOf)
{
    keepOneThread(m_ledgerThread);
    keepOneThread(m_readerThread);
}

DeskData::~DeskData()
{
    // Each connection must be closed on the thread it was opened on. Queued behind the work
    // still pending on that single thread; QThreadPool::waitForDone() first would let the
    // thread go, and the connection would be closed from a new one.
    onLedgerThread([this] { m_ledger.reset(); }).waitForFinished();
    onReaderThread([this] { m_reader.reset(); }).waitForFinished();
}

QDate DeskData::asOf() const
{
    return m_fixedAsOf.value_or(QDate::currentDate());
}

Status DeskData::start()
{
    const QString error = onLedgerThread([this]() -> QString {
                              auto ledger = Ledger::open(m_ledgerPath);
                              if (!ledger)
                                  return ledger.error().located();
                              m_ledger = std::move(ledger.value());
                              rebuild();
                              return {};
                          }).result();
    if (!error.isEmpty())
        return makeError(ErrorCode::Database, error);
    // Opened after the writer, which created and migrated the file.
    const QString readerError = onReaderThread([this]() -> QString {
                                    auto reader = Ledger::open(m_ledgerPath);
                                    if (!reader)
                                        return reader.error().located();
                                    m_reader = std::move(reader.value());
                                    return {};
                                }).result();
    if (!readerError.isEmpty())
        return makeError(ErrorCode::Database, readerError);
    return Ok{};
}

std::shared_ptr<const DeskView> DeskData::view() const
{
    std::lock_guard lock(m_mutex);
    return m_view;
}

void DeskData::rebuild()
{
    QElapsedTimer clock;
    clock.start();
    const QDate date = asOf();
    // Read before the snapshot: a commit made while it is read shows at the next refresh.
    const qint64 version = m_ledger->othersChangeCounter();
    auto snapshot = m_ledger->snapshot();
    if (!snapshot)
        return; // keep the previous view; the next refresh tries again
    auto view = std::make_shared<const DeskView>(
        buildDeskView(std::move(snapshot.value()), m_rules, m_config, date));
    m_seenVersion = version;
    m_lastRebuildMs = clock.elapsed();
    std::lock_guard lock(m_mutex);
    m_view = std::move(view);
    m_viewDate = date;
}

bool DeskData::viewIsCurrent() const
{
    // Our own writes do not move the counter: only another command's or the ingest job's.
    const bool unchanged = m_ledger->othersChangeCounter() == m_seenVersion;
    std::lock_guard lock(m_mutex);
    return m_view && unchanged && asOf() == m_viewDate;
}

void DeskData::rebuildDecisions(bool viewWasCurrent)
{
    // Reading the whole snapshot again (20,000 candidates' JSON, 40,000 pages) cost more than
    // the reconciliation itself, with the server waiting (bench/web_http.py).
    auto decisions = m_ledger->decisions(false);
    const std::shared_ptr<const DeskView> current = view();
    if (!viewWasCurrent || !decisions || !current) {
        rebuild();
        return;
    }
    // m_seenVersion stays: another command's commit that slipped in since the check is still
    // unseen, and the next refresh reads it.
    const QDate date = asOf();
    LedgerSnapshot snapshot = current->snapshot;
    snapshot.decisions = std::move(decisions.value());
    // Same candidates, same rules: their filing order and owed pieces are reused (~60 ms of
    // a decision at 20,000 candidates).
    auto next = std::make_shared<const DeskView>(
        buildDeskView(std::move(snapshot), m_rules, m_config, date, current->plan));
    std::lock_guard lock(m_mutex);
    m_view = std::move(next);
    m_viewDate = date;
}

void DeskData::refreshIfChanged()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_refreshQueued || !m_view)
            return;
        m_refreshQueued = true;
    }
    onLedgerThread([this] {
        // While another command writes all along (a batch being read), rebuilding at every
        // tick would keep this thread busy (~1 s a rebuild at 20,000 candidates): decisions
        // would queue behind it and the rebuilds would take the ingest's CPU. So the pause
        // between two refreshes is a few times the last rebuild's length.
        const bool rested = !m_sinceRefresh.isValid() ||
                            m_sinceRefresh.elapsed() >= kRefreshPauseFactor * m_lastRebuildMs;
        if (rested && !viewIsCurrent()) {
            rebuild();
            m_sinceRefresh.start();
        }
        std::lock_guard lock(m_mutex);
        m_refreshQueued = false;
    });
}

QFuture<WriteOutcome> DeskData::decide(Decision decision, bool force)
{
    return onLedgerThread([this, decision, force]() {
        // The same operations as the command line: one set of rules for both front ends.
        const DecisionRules rules{m_config, m_rules};
        const bool viewWasCurrent = viewIsCurrent();
        const QString page = QString::number(decision.pageId);
        Result<RecordedDecision> recorded = makeError(ErrorCode::Format, QString());
        switch (decision.kind) {
        case DecisionKind::AssignConfirmation:
        case DecisionKind::AssignPiece:
            recorded = assignPage(
                *m_ledger, rules,
                {page, decision.candidateNumber, decision.pieceCode, force, decision.user});
            break;
        case DecisionKind::IgnorePage:
            recorded = ignorePage(*m_ledger, page, decision.user);
            break;
        case DecisionKind::ReceiveConfirmation:
        case DecisionKind::ReceivePiece:
            recorded = receivePaper(
                *m_ledger, rules,
                {decision.candidateNumber, decision.pieceCode, decision.date, decision.user});
            break;
        case DecisionKind::SignatureSigned:
        case DecisionKind::SignatureUnsigned:
            recorded = judgeSignature(
                *m_ledger, m_config,
                {page, decision.kind == DecisionKind::SignatureSigned, decision.user});
            break;
        }
        if (!recorded)
            return WriteOutcome{false, 0, recorded.error().message,
                                recorded.error().code == ErrorCode::NeedsConfirmation};
        rebuildDecisions(viewWasCurrent);
        return WriteOutcome{true, recorded->decision.id, {}};
    });
}

QFuture<WriteOutcome> DeskData::undo(qint64 decisionId, const QString &user)
{
    return onLedgerThread([this, decisionId, user]() {
        const bool viewWasCurrent = viewIsCurrent();
        if (auto undone = undoDecision(*m_ledger, decisionId, user); !undone)
            return WriteOutcome{false, 0, undone.error().message};
        rebuildDecisions(viewWasCurrent);
        return WriteOutcome{true, decisionId, {}};
    });
}

QFuture<QList<JournalEntry>> DeskData::journal(int limit)
{
    return onReaderThread([this, limit]() {
        auto entries = m_reader->journal(limit);
        return entries ? entries.value() : QList<JournalEntry>();
    });
}

QFuture<QList<RegistrationVersion>> DeskData::registrationHistory(const QString &candidateNumber)
{
    return onReaderThread([this, candidateNumber]() {
        auto history = pointage::registrationHistory(*m_reader, candidateNumber);
        return history ? history.value() : QList<RegistrationVersion>();
    });
}

QFuture<QList<ZoneReading>> DeskData::signatureReadings(qint64 pageId)
{
    return onReaderThread([this, pageId]() {
        auto zones = m_reader->pageSignatures(pageId);
        return zones ? zones.value() : QList<ZoneReading>();
    });
}

QFuture<std::optional<UserAccount>> DeskData::user(const QString &name)
{
    return onReaderThread([this, name]() -> std::optional<UserAccount> {
        auto found = m_reader->user(name);
        return found ? found.value() : std::nullopt;
    });
}

QFuture<ImportOutcome> DeskData::importExport(QByteArray bytes, const QString &fileName,
                                              bool acceptWithdrawals, const QString &user)
{
    return onLedgerThread([this, bytes = std::move(bytes), fileName, acceptWithdrawals,
                           user]() mutable {
        ImportPolicy policy = m_config.import;
        policy.acceptWithdrawals = acceptWithdrawals;
        ImportOutcome outcome;
        outcome.fileName = fileName;
        auto imported = importCycladesBytes(*m_ledger, std::move(bytes), fileName, policy, user);
        if (!imported) {
            outcome.error = imported.error().message;
            outcome.needsConfirmation = imported.error().code == ErrorCode::NeedsConfirmation;
            return outcome;
        }
        outcome.ok = true;
        outcome.lines = importSummaryLines(imported->summary);
        for (const Diagnostic &d : std::as_const(imported->diagnostics))
            outcome.diagnostics.append(d.located());
        if (!imported->summary.alreadyImported)
            rebuild();
        return outcome;
    });
}

void DeskData::rebuildNow()
{
    onLedgerThread([this] { rebuild(); }).waitForFinished();
}

} // namespace pointage::web
