// The `pointage` commands, one file each under src/cli/. Each takes the command-line context
// and returns the process exit status (see ExitCode).
// Thread-safety: main thread only.
#pragma once

#include "cli/CliContext.h"

namespace pointage::cli {

int runInit(CliContext &context);
int runConfig(CliContext &context);
int runImport(CliContext &context);
int runImports(CliContext &context);
int runUndoImport(CliContext &context);
int runCandidates(CliContext &context);
int runIngest(CliContext &context);
int runPages(CliContext &context);
int runExceptions(CliContext &context);
int runAssign(CliContext &context);
int runIgnore(CliContext &context);
int runReceive(CliContext &context);
int runUndo(CliContext &context);
int runDecisions(CliContext &context);
int runDesk(CliContext &context);
int runStatus(CliContext &context);
int runReport(CliContext &context);
int runSend(CliContext &context);
int runBordereaux(CliContext &context);
int runSeparators(CliContext &context);
int runJournal(CliContext &context);
int runDecodeWorker(CliContext &context);
int runServe(CliContext &context);
int runUsers(CliContext &context);
int runRenderWorker(CliContext &context);
int runRecognize(CliContext &context);
int runCalibrate(CliContext &context);
int runSignature(CliContext &context);
int runOcrWorker(CliContext &context);

} // namespace pointage::cli
