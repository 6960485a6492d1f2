#include "web/IngestJob.h"

#include "pointage/IngestText.h"
#include "pointage/Ledger.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace pointage::web {

IngestJob::IngestJob(QString ledgerPath, QString workerProgram)
    : m_ledgerPath(std::move(ledgerPath)), m_workerProgram(std::move(workerProgram))
{}

IngestJob::~IngestJob()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_ingest)
            m_ingest->requestStop(); // files not finished are not recorded; a re-run completes
    }
    if (m_thread)
        m_thread->wait();
}

bool IngestJob::start(IngestOptions options, const QString &user, const SessionConfig &config,
                      std::function<void()> afterRun)
{
    std::lock_guard lock(m_mutex);
    if (m_progress.state == IngestJobProgress::State::Running)
        return false;
    if (m_thread)
        m_thread->wait(); // the previous job's thread has finished its work already
    m_progress = IngestJobProgress();
    m_progress.state = IngestJobProgress::State::Running;
    m_progress.startedBy = user;
    m_progress.startedAt = QDateTime::currentDateTime();
    options.user = user;
    options.workerProgram = m_workerProgram;
    options.workerArguments = {QStringLiteral("__decode-worker")};
    options.reading = config.readOptions();
    m_thread.reset(QThread::create(
        [this, options = std::move(options), config, afterRun = std::move(afterRun)]() mutable {
            run(std::move(options), config, std::move(afterRun));
        }));
    m_thread->start();
    return true;
}

IngestJobProgress IngestJob::progress() const
{
    std::lock_guard lock(m_mutex);
    return m_progress;
}

void IngestJob::run(IngestOptions options, const SessionConfig &config,
                    std::function<void()> afterRun)
{
    QStringList lines;
    bool failed = false;
    {
        // The job's own connection: a QtSql connection belongs to the thread that opened it.
        auto ledger = Ledger::open(m_ledgerPath);
        if (!ledger) {
            lines.append(ledger.error().located());
            failed = true;
        } else {
            ScanIngest ingest(*ledger.value(), options);
            QElapsedTimer clock;
            clock.start();
            ingest.setProgressCallback([this, &clock](const IngestProgress &p) {
                std::lock_guard lock(m_mutex);
                m_progress.file = QFileInfo(p.file).fileName();
                m_progress.pagesDone = p.pagesDone;
                m_progress.pagesTotal = p.pagesTotal;
                const double seconds = clock.elapsed() / 1000.0;
                m_progress.pagesPerSecond = seconds > 0 ? p.pagesDone / seconds : 0;
                m_progress.secondsLeft =
                    m_progress.pagesPerSecond > 0
                        ? int((p.pagesTotal - p.pagesDone) / m_progress.pagesPerSecond + 0.5)
                        : -1;
            });
            {
                std::lock_guard lock(m_mutex);
                m_ingest = &ingest;
            }
            auto summary = ingest.run();
            {
                std::lock_guard lock(m_mutex);
                m_ingest = nullptr;
            }
            if (!summary) {
                lines.append(summary.error().located());
                failed = true;
            } else {
                lines = ingestSummaryLines(summary.value()) +
                        receivedDateWarningLines(summary.value(), config);
                failed = summary->somethingSkipped();
            }
        }
    }
    if (afterRun)
        afterRun();
    std::lock_guard lock(m_mutex);
    m_progress.state = IngestJobProgress::State::Finished;
    m_progress.secondsLeft = 0;
    m_progress.lines = lines;
    m_progress.failed = failed;
}

} // namespace pointage::web
