// The ledger: Pointage's one store of facts (roster versions, scanned files and pages with their
// decoded barcodes, people's decisions) and its append-only journal, in a SQLite file.
// Status is never stored here; it is computed from a snapshot(). All SQL lives in src/ledger/.
// Thread-safety: a Ledger belongs to the thread that opened it (QtSql connection rule); open one
// Ledger per thread if several threads need the store. Writes from several processes are
// serialised by SQLite (WAL; a writer waits up to the busy timeout for another's lock, then
// fails with ErrorCode::Busy). Two runs reading scans share the work through claims.
#pragma once

#include "pointage/ImportPolicy.h"
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
    qint64 importId = 0; // 0 when nothing was recorded (identical to the ledger's state)
    QString file;
    QString uai; // "" for académie-wide extractions
    QString establishmentName;
    // The export says exactly what the ledger already holds for its scope: nothing was written.
    bool alreadyImported = false;
    // This very file was imported before, and a newer export of its scope since: nothing to do.
    bool superseded = false;
    int moved = 0;    // candidates listed under another school than the ledger's
    int rejected = 0; // rows the reader refused (see the export's diagnostics)
    // A rejected row may be a listed candidate whose number was mangled: no withdrawal is
    // inferred from an export with rejected rows.
    bool withdrawalsSkipped = false;
    QMap<QString, RosterImportCounts> bySchool; // UAI -> counts (académie-wide extractions)
};

// One import as recorded, for `pointage imports` and its undo.
struct RosterImportRecord
{
    qint64 id = 0;
    QString file;
    QString scopeKey;
    QDateTime editedAt;
    QDateTime importedAt;
    QString user;
    int rowsRead = 0;
    int rejected = 0;
    int candidatesChanged = 0;
    QDateTime undoneAt; // invalid while in force
    QString undoneBy;
};

struct RosterImportUndone
{
    qint64 importId = 0;
    QString file;
    int restored = 0; // candidates put back as they were
    int removed = 0;  // candidates the import had added, gone again
};

// One recorded version of a candidate's registration, with the import it came from.
struct CandidateVersion
{
    qint64 importId = 0;
    QString file; // the export's file name
    QDateTime editedAt;
    QDateTime importedAt;
    QString user; // who imported it
    RosterRow row;
};

struct CandidateFilter
{
    QString number; // one candidate (11 digits)
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

// An account of the web desk. The ledger stores it; it never sees a password.
struct UserAccount
{
    QString name;
    QString role;         // "lecture" or "gestion"
    QString passwordHash; // see PasswordHash.h
};

// A relance e-mail that went out (`pointage send`).
struct SentMail
{
    qint64 id = 0;
    QString uai;
    QString recipient;   // the school's address
    QString file;        // the .eml file name
    QString fingerprint; // the letter's (see RelanceMail.h)
    QString messageId;
    QDateTime sentAt;
    QString user;
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
    // Changes when another connection (another command, another thread's Ledger) commits to
    // the file, never for this connection's own writes: how a long-lived reader knows its
    // picture is stale. -1 when it cannot be read.
    qint64 othersChangeCounter() const;

    // Merges one parsed export in one transaction: a failure leaves the ledger as it was.
    // Fails with ErrorCode::NeedsConfirmation, writing nothing, when `policy` says the merge
    // must be accepted first (see ImportPolicy); the message says what it would have done.
    // `user`: who imports (the web desk's logged-in name); empty: the OS user.
    Result<RosterImportSummary> importRoster(const RosterExport &roster, const QString &sha256,
                                             const ImportPolicy &policy = {},
                                             const QString &user = {});
    // Imports in the order they were made, undone ones included.
    Result<QList<RosterImportRecord>> rosterImports() const;
    // Puts every candidate, scope membership and establishment the import changed back as it
    // was before it, journaled. Refused (Conflict) when a later import still in force changed
    // the same candidates or the same scope: that one must be undone first.
    Result<RosterImportUndone> undoRosterImport(qint64 importId);

    Result<QList<CandidateRecord>> candidates(const CandidateFilter &filter = {}) const;
    // Every version of one candidate's registration the imports in force recorded, oldest
    // first (an import records a version when it adds or changes the candidate).
    Result<QList<CandidateVersion>> candidateVersions(const QString &candidateNumber) const;
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
    // `by`: who undoes it (default: the OS user).
    Status undoDecision(qint64 decisionId, const QString &by = {});
    Result<QList<Decision>> decisions(bool includeUndone) const;
    // Resolves "123" (page id) or "file.pdf#4" / "file.pdf:4" into a page id.
    Result<qint64> resolvePage(const QString &reference) const;

    // Web desk accounts: added or replaced (journaled), looked up by name.
    Status setUser(const UserAccount &account);
    Result<std::optional<UserAccount>> user(const QString &name) const;
    Result<QList<UserAccount>> users() const;

    // What the signature check saw on a page, zone by zone, with the crops of doubtful zones
    // (ZoneReading::picture); empty when the page was not checked.
    Result<QList<ZoneReading>> pageSignatures(qint64 pageId) const;
    // The barcodes read on a page, as stored.
    Result<QList<BarcodeRead>> pageCodes(qint64 pageId) const;

    // Replaces the page's recognition result (one per page); journaled.
    Status recordRecognition(qint64 pageId, const PageRecognition &recognition);
    // Relances sent by e-mail: recorded (journaled) once the server accepted them.
    Status recordSentMail(const SentMail &mail);
    // Every sending of the letter with this fingerprint, oldest first (empty: never sent).
    Result<QList<SentMail>> sentMails(const QString &fingerprint = {}) const;

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
