// Schema migrations: each step moves the ledger from version N-1 to N inside one transaction,
// and PRAGMA user_version records where a file stands. Never edit a released step; add one.
#include "ledger/LedgerStore.h"

#include <QSqlQuery>
#include <QStringList>

namespace pointage {

namespace {

const QStringList schemaV1 = {
    QStringLiteral(R"(CREATE TABLE establishments (
        uai TEXT PRIMARY KEY,
        name TEXT NOT NULL))"),
    QStringLiteral(R"(CREATE TABLE roster_imports (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        scope_key TEXT NOT NULL,
        edited_at TEXT,
        imported_at TEXT NOT NULL,
        user TEXT NOT NULL,
        rows_read INTEGER NOT NULL,
        rejected INTEGER NOT NULL))"),
    QStringLiteral("CREATE INDEX roster_imports_sha ON roster_imports(sha256)"),
    QStringLiteral(R"(CREATE TABLE candidates (
        number TEXT PRIMARY KEY,
        uai TEXT NOT NULL REFERENCES establishments(uai),
        data TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        withdrawn INTEGER NOT NULL DEFAULT 0,
        withdrawn_reason TEXT))"),
    QStringLiteral(R"(CREATE TABLE candidate_versions (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL REFERENCES candidates(number),
        import_id INTEGER NOT NULL REFERENCES roster_imports(id),
        data TEXT NOT NULL,
        fingerprint TEXT NOT NULL))"),
    QStringLiteral("CREATE INDEX candidate_versions_number ON candidate_versions(number)"),
    QStringLiteral(R"(CREATE TABLE scope_members (
        scope_key TEXT NOT NULL,
        number TEXT NOT NULL REFERENCES candidates(number),
        PRIMARY KEY (scope_key, number)))"),
    QStringLiteral(R"(CREATE TABLE scan_files (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        received TEXT NOT NULL,
        page_count INTEGER NOT NULL,
        ingested_at TEXT NOT NULL,
        user TEXT NOT NULL))"),
    QStringLiteral(R"(CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES scan_files(id),
        page_number INTEGER NOT NULL,
        blank INTEGER NOT NULL,
        rotation INTEGER NOT NULL,
        suspected_code INTEGER NOT NULL,
        decode_error TEXT NOT NULL,
        UNIQUE (file_id, page_number)))"),
    QStringLiteral(R"(CREATE TABLE page_codes (
        page_id INTEGER NOT NULL REFERENCES pages(id),
        format TEXT NOT NULL,
        text TEXT NOT NULL,
        rotation INTEGER NOT NULL))"),
    QStringLiteral("CREATE INDEX page_codes_page ON page_codes(page_id)"),
    QStringLiteral(R"(CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        page_id INTEGER REFERENCES pages(id),
        candidate TEXT NOT NULL,
        piece TEXT NOT NULL,
        received TEXT,
        user TEXT NOT NULL,
        at TEXT NOT NULL,
        undone_at TEXT,
        undone_by TEXT))"),
    QStringLiteral(R"(CREATE TABLE journal (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL))"),
    // The journal is append-only: the database itself refuses to rewrite history.
    QStringLiteral(R"(CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
        BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END)"),
    QStringLiteral(R"(CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
        BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END)"),
};

// V2: an import can be undone. Each import records what it changed, as it was before: the
// candidates' rows, the scope memberships it added or removed, and the establishments it
// created or renamed.
const QStringList schemaV2 = {
    QStringLiteral("ALTER TABLE roster_imports ADD COLUMN undone_at TEXT"),
    QStringLiteral("ALTER TABLE roster_imports ADD COLUMN undone_by TEXT"),
    QStringLiteral(R"(CREATE TABLE roster_import_candidates (
        import_id INTEGER NOT NULL REFERENCES roster_imports(id),
        number TEXT NOT NULL,
        existed INTEGER NOT NULL,
        uai TEXT,
        data TEXT,
        fingerprint TEXT,
        withdrawn INTEGER,
        withdrawn_reason TEXT,
        PRIMARY KEY (import_id, number)))"),
    QStringLiteral("CREATE INDEX roster_import_candidates_number ON "
                   "roster_import_candidates(number)"),
    QStringLiteral(R"(CREATE TABLE roster_import_members (
        import_id INTEGER NOT NULL REFERENCES roster_imports(id),
        scope_key TEXT NOT NULL,
        number TEXT NOT NULL,
        added INTEGER NOT NULL))"),
    QStringLiteral("CREATE INDEX roster_import_members_import ON roster_import_members(import_id)"),
    QStringLiteral(R"(CREATE TABLE roster_import_establishments (
        import_id INTEGER NOT NULL REFERENCES roster_imports(id),
        uai TEXT NOT NULL,
        existed INTEGER NOT NULL,
        name TEXT,
        PRIMARY KEY (import_id, uai)))"),
};

// V3: the web desk's accounts (`pointage users add`): a name, a role ("lecture" or "gestion") and a
// salted password hash, never the password.
const QStringList schemaUsers = {
    QStringLiteral(R"(CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL))"),
};

// V4: what OCR recognition (`pointage recognize`) made of a supporting page: the piece type
// ('' when left « à identifier »), its confidence, and the hash of the rules' piece signatures
// it was computed with, so that a rules change makes the stage read the page again. One row
// per page, the latest reading; a person's decision about the page always wins over it.
const QStringList schemaRecognitions = {
    QStringLiteral(R"(CREATE TABLE page_recognitions (
        page_id INTEGER PRIMARY KEY REFERENCES pages(id),
        rules_hash TEXT NOT NULL,
        piece TEXT NOT NULL,
        confidence REAL NOT NULL,
        failure TEXT NOT NULL,
        recognised_at TEXT NOT NULL))"),
};

// V5: relances sent by e-mail (`pointage send`): which letter (its fingerprint) went to which
// address for which school, when, by whom, so that the same letter never goes twice unasked.
const QStringList schemaSentMail = {
    QStringLiteral(R"(CREATE TABLE IF NOT EXISTS sent_mail (
        id INTEGER PRIMARY KEY,
        uai TEXT NOT NULL,
        recipient TEXT NOT NULL,
        file TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        message_id TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        user TEXT NOT NULL))"),
    QStringLiteral("CREATE INDEX IF NOT EXISTS sent_mail_fingerprint ON sent_mail(fingerprint)"),
};

// v6: what the signature check saw in each zone of a confirmation (area: the zone's corners
// in the page image at `dpi`, "x,y x,y x,y x,y"; picture: the PNG crop of a doubtful zone).
// Pages read before it have no rows: not checked, and never held against a candidate.
const QStringList schemaSignatures = {
    QStringLiteral(R"(CREATE TABLE IF NOT EXISTS page_signatures (
        page_id INTEGER NOT NULL REFERENCES pages(id),
        zone TEXT NOT NULL,
        label TEXT NOT NULL,
        finding TEXT NOT NULL,
        ink_share REAL NOT NULL,
        strokes INTEGER NOT NULL,
        area TEXT NOT NULL,
        dpi REAL NOT NULL,
        picture BLOB))"),
    QStringLiteral("CREATE INDEX IF NOT EXISTS page_signatures_page ON page_signatures(page_id)"),
};

const QList<QStringList> migrations = {schemaV1,           schemaV2,       schemaUsers,
                                       schemaRecognitions, schemaSentMail, schemaSignatures};

} // namespace

int currentSchemaVersion(const LedgerStore &store)
{
    auto q = store.run(QStringLiteral("PRAGMA user_version"));
    if (!q || !q->next())
        return -1;
    return q->value(0).toInt();
}

Status migrate(LedgerStore &store)
{
    const int version = currentSchemaVersion(store);
    if (version < 0) {
        return makeError(ErrorCode::Database,
                         QStringLiteral("ce fichier n'est pas un registre Pointage lisible (base "
                                        "SQLite endommagée ou d'un autre type)."),
                         store.path());
    }
    if (version > migrations.size()) {
        return makeError(ErrorCode::Database,
                         QStringLiteral("ce registre a été créé par une version plus récente de "
                                        "Pointage (schéma %1). Mettez Pointage à jour.")
                             .arg(version),
                         store.path());
    }
    if (version == migrations.size())
        return Ok{};
    // All steps in one write transaction: a second command opening the same new ledger waits
    // for the whole upgrade, then finds nothing left to do.
    Transaction tx(store);
    if (Status s = tx.begin(); !s)
        return s;
    for (int step = currentSchemaVersion(store); step < migrations.size(); ++step) {
        for (const QString &sql : migrations.at(step)) {
            if (auto q = store.run(sql); !q)
                return q.error();
        }
        if (auto q = store.run(QStringLiteral("PRAGMA user_version = %1").arg(step + 1)); !q)
            return q.error();
        if (Status s = store.journal(QStringLiteral("migration"),
                                     QStringLiteral("schéma %1").arg(step + 1));
            !s)
            return s;
    }
    if (Status s = tx.commit(); !s)
        return s;
    return Ok{};
}

} // namespace pointage
