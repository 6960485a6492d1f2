// The ledger: Pointage's one store of facts (roster versions, scanned files and pages with their
// decoded barcodes, people's decisions) and its append-only journal, in a SQLite file.
// Status is never stored here; it is computed from a snapshot(). All SQL lives in src/ledger/.
// Thread-safety: a Ledger belongs to the thread that opened it (QtSql connection rule); open one
// Ledger per thread if several threads need the store. Writes from several processes are
// serialised by SQLite (WAL; a writer waits up to the busy timeout for another's lock, then
// fails with ErrorCode::Busy). Two runs reading scans share the work through claims.
#pragma once

#include "pointage/LedgerSnapshot.h"
#include "pointage/Result.h"
#include "pointage/RosterTypes.h"
#include "pointage/ScanTypes.h"

#include <QList>
#include <QMap>
#include <QString>
#include <memory>
#include <optional>

namespace pointage {

struct RosterImportCounts
{
    int added = 0;
    int updated = 0;
    int withdrawn = 0;
    int reinstated = 0; // withdrawn earlier, listed again
    int unchanged = 0;
};

struct RosterImportSummary : RosterImportCounts
{
    QString file;
    QString uai; // "" for académie-wide extractions
    QString establishmentName;
    bool alreadyImported = false; // identical file seen before: nothing changed
    int rejected = 0;             // rows the reader refused (see the export's diagnostics)
    // A rejected row may be a listed candidate whose number was mangled: no withdrawal is
    // inferred from an export with rejected rows.
    bool withdrawalsSkipped = false;
    QMap<QString, RosterImportCounts> bySchool; // UAI -> counts (académie-wide extractions)
};

struct CandidateFilter
{
    QString uai;
    QString specialtyCode;
    bool includeWithdrawn = true;
};

struct JournalEntry
{
    qint64 id = 0;
    QDateTime at;
    QString user;
    QString action;
    QString detail;
};

class LedgerStore;
class ScanClaims;

class Ledger
{
public:
    static constexpr int defaultBusyTimeoutMs = 10000;

    // Opens (creating and migrating if needed) the ledger file. A new file is created readable
    // by its owner only. A write waits up to `busyTimeoutMs` while another command writes.
    static Result<std::unique_ptr<Ledger>> open(const QString &path,
                                                int busyTimeoutMs = defaultBusyTimeoutMs);
    ~Ledger();

    QString path() const;
    int schemaVersion() const;

    // Merges one parsed export in one transaction: a failure leaves the ledger as it was.
    Result<RosterImportSummary> importRoster(const RosterExport &roster, const QString &sha256);

    Result<QList<CandidateRecord>> candidates(const CandidateFilter &filter = {}) const;
    Result<QHash<QString, QString>> establishmentNames() const;

    // Scanned files.
    Result<std::optional<ScannedFile>> scannedFileBySha(const QString &sha256) const;
    // Records one file and all its pages in one transaction. With `replace`, an already
    // recorded file with the same hash keeps its page ids (so decisions stay attached) and has
    // its reads replaced.
    Result<qint64> recordScannedFile(const ScannedFile &file, const QList<PageRead> &pages,
                                     bool replace);
    Result<QList<ScannedFile>> scannedFiles() const;
    // While a run reads a file it holds the file's claim (by content hash), so that another run
    // on this ledger — another process, or another Ledger object — leaves that file alone.
    // True: claimed by this Ledger (or already held by it); false: another run holds it.
    // Claims vanish with this Ledger or its process, even killed: none outlives its run.
    Result<bool> claimScannedFile(const QString &sha256);
    void releaseScannedFile(const QString &sha256);

    // People's decisions: recorded with who and when, undone (never deleted).
    Result<qint64> recordDecision(const Decision &decision);
    Status undoDecision(qint64 decisionId);
    Result<QList<Decision>> decisions(bool includeUndone) const;
    // Resolves "123" (page id) or "file.pdf#4" / "file.pdf:4" into a page id.
    Result<qint64> resolvePage(const QString &reference) const;

    Result<LedgerSnapshot> snapshot() const;
    Result<QList<JournalEntry>> journal(int limit) const;

    // SQLite's own check of the file (PRAGMA integrity_check): Ok, or ErrorCode::Database
    // with what it found.
    Status checkIntegrity() const;

private:
    explicit Ledger(std::unique_ptr<LedgerStore> store);
    std::unique_ptr<LedgerStore> m_store;
    std::unique_ptr<ScanClaims> m_claims;
};

// The OS user recorded in the journal and on decisions.
QString currentOsUser();

} // namespace pointage
