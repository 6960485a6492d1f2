// The recognition stage (`pointage recognize`, run by the sample job after the ingest): reads
// with OCR the supporting pages that could settle a piece their candidate still owes (pages
// « à identifier », PageOutcome::toIdentify) and have no result under the current rules, and
// stores what each one is (ledger schema v4). Never part of the barcode ingest, so it never
// slows it. OCR runs in worker processes (`pointage __ocr-worker`): a page that crashes or hangs
// one is recorded as a failure and stays « à identifier ». A person's decision always wins.
// Thread-safety: runs on the caller's thread, which must own the ledger.
#pragma once

#include "pointage/Ledger.h"
#include "pointage/RequirementRules.h"
#include "pointage/Result.h"
#include "pointage/SessionConfig.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>

namespace pointage {

struct RecognitionOptions
{
    QString workerProgram; // the pointage binary
    QStringList workerArguments{QStringLiteral("__ocr-worker")};
    int workers = 2;
    int dpi = 150;
    int timeoutMs = 30000;
    bool again = false; // read again pages that already have a result under the current rules
};

struct RecognitionSummary
{
    int pagesRead = 0;
    int typed = 0;              // given a piece type
    int leftToIdentify = 0;     // read, but no piece sure enough
    int failed = 0;             // the page could not be read (worker crash, timeout, render)
    QMap<QString, int> byPiece; // piece code -> pages typed
    double seconds = 0.0;
    double pagesPerSecond() const { return seconds > 0 ? pagesRead / seconds : 0.0; }
};

using RecognitionProgress = std::function<void(int done, int total)>;

Result<RecognitionSummary> recognizePieces(Ledger &ledger, const RequirementRules &rules,
                                           const SessionConfig &config,
                                           const RecognitionOptions &options,
                                           const RecognitionProgress &progress = {});

} // namespace pointage
