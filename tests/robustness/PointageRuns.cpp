#include "PointageRuns.h"

#include "PageBatch.h"
#include "RosterGenerator.h"
#include "ScanPdfWriter.h"
#include "ledger/RosterRowJson.h"
#include "pointage/Ledger.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace pointage::robustness {

PointageProcess::PointageProcess(const QString &workDir, const QString &ledger)
    : m_process(std::make_unique<QProcess>())
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("POINTAGE_DB"), ledger);
    env.insert(
        QStringLiteral("POINTAGE_CONFIG"),
        QDir(QStringLiteral(POINTAGE_SOURCE_DIR)).filePath(QStringLiteral("config/pointage.json")));
    env.insert(QStringLiteral("CI"), QStringLiteral("true"));
    m_process->setProcessEnvironment(env);
    m_process->setWorkingDirectory(workDir);
}

void PointageProcess::start(const QStringList &arguments)
{
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    m_process->start(QStringLiteral(POINTAGE_BINARY), arguments);
    m_process->waitForStarted();
}

bool PointageProcess::running() const
{
    // QProcess learns of the end only while it processes events: poll without waiting.
    if (m_process->state() != QProcess::NotRunning)
        m_process->waitForFinished(0);
    return m_process->state() != QProcess::NotRunning;
}

CommandRun PointageProcess::collect(bool killed)
{
    CommandRun run;
    run.killed = killed;
    run.exitCode =
        killed || m_process->exitStatus() != QProcess::NormalExit ? -1 : m_process->exitCode();
    run.out = m_process->readAllStandardOutput();
    run.err = m_process->readAllStandardError();
    run.elapsedMs = QDateTime::currentMSecsSinceEpoch() - m_startedAt;
    return run;
}

CommandRun PointageProcess::finish(int timeoutMs)
{
    // waitForFinished() is false for a process that already ended, too: ask the state.
    m_process->waitForFinished(timeoutMs);
    if (m_process->state() == QProcess::NotRunning)
        return collect(false);
    m_process->kill();
    m_process->waitForFinished();
    return collect(true);
}

CommandRun PointageProcess::killAfter(int afterMs)
{
    m_process->waitForFinished(afterMs);
    if (m_process->state() == QProcess::NotRunning)
        return collect(false);
    m_process->kill(); // SIGKILL: no handler, no cleanup, like a power cut for the process
    m_process->waitForFinished();
    return collect(true);
}

CommandRun runPointage(const QString &workDir, const QString &ledger, const QStringList &arguments)
{
    PointageProcess process(workDir, ledger);
    process.start(arguments);
    return process.finish();
}

Inputs writeInputs(const QString &dir, int rowsPerExport, int files, int pages)
{
    Inputs inputs;
    QDir().mkpath(dir);
    const QList<QPair<QString, QString>> schools{
        {QStringLiteral("0131234"), QStringLiteral("LYCEE PROFESSIONNEL LES CALANQUES")},
        {QStringLiteral("0840012"), QStringLiteral("CFA DU VAUCLUSE")}};
    for (qsizetype i = 0; i < schools.size(); ++i) {
        testkit::RosterGeneratorOptions options;
        options.rowCount = rowsPerExport;
        options.seed = quint64(11 + i);
        options.uai = testkit::uaiWithChecksum(schools[i].first);
        options.establishmentName = schools[i].second;
        const QString path = QDir(dir).filePath(QStringLiteral("export-%1.csv").arg(options.uai));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(testkit::generateRoster(options).bytes) < 0)
            return {};
        inputs.exports.append(path);
    }
    if (files == 0)
        return inputs;
    inputs.scans = QDir(dir).filePath(QStringLiteral("scans"));
    QDir().mkpath(inputs.scans);
    for (int i = 0; i < files; ++i) {
        testkit::BatchMix mix;
        mix.pages = pages;
        mix.seed = quint32(500 + i);
        const QList<testkit::BatchPage> batch = testkit::planBatch(mix);
        const QString name = QStringLiteral("lot-%1.pdf").arg(i + 1, 2, 10, QLatin1Char('0'));
        if (!testkit::writeBatchPdf(QDir(inputs.scans).filePath(name), batch, 150))
            return {};
        inputs.pagesOf.insert(name, int(batch.size()));
    }
    return inputs;
}

QStringList canonicalDump(const QString &ledgerPath, QString *error)
{
    auto ledger = Ledger::open(ledgerPath);
    auto snap = ledger ? ledger.value()->snapshot() : Result<LedgerSnapshot>(ledger.error());
    if (!snap) {
        if (error)
            *error = snap.error().located();
        return {};
    }
    QStringList lines;
    for (const CandidateRecord &c : snap->candidates) {
        lines.append(QStringLiteral("candidate %1 withdrawn=%2 %3")
                         .arg(c.row.candidateNumber)
                         .arg(c.withdrawn)
                         .arg(QString::fromUtf8(rosterRowToJson(c.row))));
    }
    for (auto it = snap->establishmentNames.cbegin(); it != snap->establishmentNames.cend(); ++it)
        lines.append(QStringLiteral("establishment %1 %2").arg(it.key(), it.value()));
    QHash<qint64, QString> fileKey;
    for (const ScannedFile &f : snap->files) {
        fileKey.insert(f.id, f.sha256);
        lines.append(
            QStringLiteral("file %1 %2 received=%3 pages=%4")
                .arg(f.sha256, QFileInfo(f.path).fileName(), f.received.toString(Qt::ISODate))
                .arg(f.pageCount));
    }
    QHash<qint64, QString> pageKey;
    for (const StoredPage &p : snap->pages) {
        pageKey.insert(p.id,
                       QStringLiteral("%1#%2").arg(fileKey.value(p.fileId)).arg(p.read.pageNumber));
        QStringList codes;
        for (const BarcodeRead &c : p.read.codes)
            codes.append(QStringLiteral("%1:%2@%3").arg(c.format, c.text).arg(c.rotation));
        codes.sort();
        lines.append(QStringLiteral("page %1#%2 blank=%3 rotation=%4 suspected=%5 error=%6 [%7]")
                         .arg(fileKey.value(p.fileId))
                         .arg(p.read.pageNumber)
                         .arg(p.read.blank)
                         .arg(p.read.rotation)
                         .arg(p.read.suspectedCode)
                         .arg(p.read.decodeError, codes.join(QLatin1Char(' '))));
    }
    for (const Decision &d : snap->decisions) {
        lines.append(QStringLiteral("decision %1 page=%2 %3 %4 %5")
                         .arg(decisionKey(d.kind), pageKey.value(d.pageId), d.candidateNumber,
                              d.pieceCode, d.date.toString(Qt::ISODate)));
    }
    lines.sort();
    return lines;
}

QString integrityProblem(const QString &ledgerPath)
{
    auto ledger = Ledger::open(ledgerPath);
    if (!ledger)
        return ledger.error().located();
    const Status checked = ledger.value()->checkIntegrity();
    return checked.ok() ? QString() : checked.error().located();
}

} // namespace pointage::robustness
