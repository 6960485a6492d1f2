#include "pointage/ScanIngest.h"

#include "scan/IngestRun.h"
#include "scan/InputFingerprints.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>

namespace pointage {

namespace {

bool hasScanExtension(const QString &path)
{
    static const QStringList extensions{QStringLiteral("pdf"),  QStringLiteral("tif"),
                                        QStringLiteral("tiff"), QStringLiteral("png"),
                                        QStringLiteral("jpg"),  QStringLiteral("jpeg")};
    return extensions.contains(QFileInfo(path).suffix().toLower());
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
    Diagnostics walkProblems;
    const QStringList paths = scanInputFiles(m_options.inputs, walkProblems);
    const InputFingerprints fingerprints(paths); // hashing starts here, beside the reading
    Result<IngestSummary> summary =
        IngestRun(m_ledger, m_options, m_progress, m_stop).run(paths, fingerprints, walkProblems);
    if (summary)
        summary->seconds = clock.elapsed() / 1000.0;
    return summary;
}

} // namespace pointage
