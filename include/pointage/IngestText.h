// What an ingest did, in the words both front ends show (the `ingest` command, the web desk's
// « Import et numérisation »): one line per file, then the total with the rate.
// Pure functions; thread-safe.
#pragma once

#include "pointage/ScanIngest.h"
#include "pointage/SessionConfig.h"

#include <QString>
#include <QStringList>

namespace pointage {

// "lot.pdf : 12 page(s) lue(s), dont 1 en échec de lecture (…), reçu(s) le 09/12/2026."
QString ingestFileLine(const IngestFileResult &file);
// "2 fichier(s) enregistré(s), 24 page(s) en 3.1 s (7.7 pages/s)."
QString ingestTotalLine(const IngestSummary &summary);
// Every file's line, then the total, then whether the run was interrupted.
QStringList ingestSummaryLines(const IngestSummary &summary);
// "Attention : lot.pdf : date de réception … : vérifiez la date." for each file recorded with
// a received date to check (taken from today, or outside the return window).
QStringList receivedDateWarningLines(const IngestSummary &summary, const SessionConfig &config);

} // namespace pointage
