// Importing one Cyclades export, as a person does it from either front end (the `import`
// command, the web desk's « Import et numérisation »): read the file (or the uploaded bytes),
// merge it into the ledger under the import policy, journaled under who imports, and the same
// French summary everywhere. ErrorCode::NeedsConfirmation: nothing written, the policy wants
// the withdrawals accepted explicitly (the message says what would happen).
// Thread-safety: call from the thread that owns the Ledger; the text functions are pure.
#pragma once

#include "pointage/Ledger.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pointage {

struct ExportImport
{
    RosterImportSummary summary;
    QString encoding;        // "UTF-8" / "Windows-1252"
    Diagnostics diagnostics; // rows refused, with their line
};

Result<ExportImport> importCycladesFile(Ledger &ledger, const QString &path,
                                        const ImportPolicy &policy, const QString &user = {});
// `fileName` names the upload in the ledger and in messages (no folder: it is not a path).
Result<ExportImport> importCycladesBytes(Ledger &ledger, QByteArray bytes, const QString &fileName,
                                         const ImportPolicy &policy, const QString &user = {});

// "LP LES ALPILLES (0131234W)", or "extraction académique".
QString importScopeText(const RosterImportSummary &summary);
// The summary as a person reads it: a headline, then per school for académie-wide extractions,
// then a warning when withdrawals were not inferred. No file name (the caller shows it).
QStringList importSummaryLines(const RosterImportSummary &summary);

} // namespace pointage
