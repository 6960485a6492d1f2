#include "pointage/IngestText.h"

#include "pointage/ReceivedDate.h"

namespace pointage {

QString ingestFileLine(const IngestFileResult &f)
{
    switch (f.outcome) {
    case IngestFileResult::Outcome::Ingested: {
        QString line = QStringLiteral("%1 : %2 page(s) lue(s)").arg(f.path).arg(f.pages);
        if (f.failedPages)
            line += QStringLiteral(", dont %1 en échec de lecture (ce sont des pages à traiter)")
                        .arg(f.failedPages);
        if (f.received.isValid())
            line +=
                QStringLiteral(", reçu(s) le ") + f.received.toString(QStringLiteral("dd/MM/yyyy"));
        return line + QLatin1Char('.');
    }
    case IngestFileResult::Outcome::AlreadyIngested:
        return QStringLiteral("%1 : %2").arg(f.path, f.message);
    case IngestFileResult::Outcome::Failed:
    case IngestFileResult::Outcome::Interrupted:
        return QStringLiteral("Erreur : %1 : %2").arg(f.path, f.message);
    }
    return {};
}

QString ingestTotalLine(const IngestSummary &s)
{
    int ingested = 0;
    for (const IngestFileResult &f : s.files)
        ingested += f.outcome == IngestFileResult::Outcome::Ingested ? 1 : 0;
    const double rate = s.seconds > 0 ? s.pagesRead / s.seconds : 0;
    return QStringLiteral("%1 fichier(s) enregistré(s), %2 page(s) en %3 s (%4 pages/s).")
        .arg(ingested)
        .arg(s.pagesRead)
        .arg(QString::number(s.seconds, 'f', 1), QString::number(rate, 'f', 1));
}

QStringList ingestSummaryLines(const IngestSummary &summary)
{
    QStringList lines;
    for (const IngestFileResult &f : summary.files)
        lines.append(ingestFileLine(f));
    lines.append(ingestTotalLine(summary));
    if (summary.interrupted)
        lines.append(QStringLiteral("Lecture interrompue : relancez-la pour terminer."));
    return lines;
}

QStringList receivedDateWarningLines(const IngestSummary &summary, const SessionConfig &config)
{
    QStringList lines;
    for (const IngestFileResult &f : summary.files) {
        if (f.outcome != IngestFileResult::Outcome::Ingested)
            continue;
        for (const ReceivedDateWarning &w :
             receivedDateWarnings(f.received, f.receivedFrom, config))
            lines.append(QStringLiteral("Attention : %1 : %2").arg(f.path, w.message));
    }
    return lines;
}

} // namespace pointage
