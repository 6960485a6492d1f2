#include "ledger/LedgerStore.h"

#include "pointage/Ledger.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <pwd.h>
#include <unistd.h>

namespace pointage {

namespace {
QAtomicInteger<int> connectionCounter;

// The ledger holds personal data about minors: create it readable by its owner only, before
// SQLite opens it (SQLite then gives its -wal and -shm files the same mode).
Status createPrivateFile(const QString &path)
{
    if (QFileInfo::exists(path))
        return Ok{};
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        // Another command created it at the same moment: it is theirs to initialise with us.
        if (QFileInfo::exists(path))
            return Ok{};
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("impossible de créer le registre (%1). Vérifiez que le "
                                        "dossier existe et que vous avez le droit d'y écrire.")
                             .arg(file.errorString()),
                         path);
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return Ok{};
}
} // namespace

QString currentOsUser()
{
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("inconnu") : user;
}

LedgerStore::LedgerStore(QString path, QString connection)
    : m_path(std::move(path)), m_connection(std::move(connection))
{}

LedgerStore::~LedgerStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<LedgerStore>> LedgerStore::open(const QString &path, int busyTimeoutMs)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return makeError(ErrorCode::Database,
                         QStringLiteral("le pilote SQLite de Qt est absent. Installez le paquet "
                                        "libqt6sql6-sqlite."));
    }
    if (Status created = createPrivateFile(path); !created)
        return created.error();

    const QString connection =
        QStringLiteral("pointage-ledger-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<LedgerStore> store(new LedgerStore(path, connection));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(path);
    // The driver sets the timeout on its sqlite3 handle, the one SqliteStatement also uses.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(qMax(0, busyTimeoutMs)));
    if (!db.open())
        return store->databaseError(QStringLiteral("ouverture"), db.lastError().text());

    // Two commands creating the same new ledger at once: switching it to WAL and the first
    // migration can meet SQLITE_BUSY without SQLite's busy handler being consulted. Both steps
    // are idempotent, so the opener retries them for as long as the busy timeout allows.
    const auto prepare = [&store]() -> Status {
        for (const char *pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL",
              // 64 MB of page cache: a 100,000-row import does not spill to the WAL mid-way.
              "PRAGMA cache_size=-65536"}) {
            auto q = store->run(QString::fromLatin1(pragma));
            if (!q)
                return q.error();
        }
        // A file that is not a SQLite database only shows up on the first real read.
        return migrate(*store);
    };
    Status prepared = prepare();
    for (int waitedMs = 0;
         !prepared && prepared.error().code == ErrorCode::Busy && waitedMs < qMax(0, busyTimeoutMs);
         waitedMs += 50) {
        QThread::msleep(50);
        prepared = prepare();
    }
    if (!prepared)
        return prepared.error();
    return store;
}

QSqlDatabase LedgerStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

Error LedgerStore::databaseError(const QString &what, const QString &driverText) const
{
    return makeError(ErrorCode::Database,
                     QStringLiteral("erreur du registre (%1) : %2. Le registre n'a pas été "
                                    "modifié ; si le problème persiste, restaurez la dernière "
                                    "sauvegarde.")
                         .arg(what, driverText),
                     m_path);
}

Error LedgerStore::databaseError(const QString &what, const QString &driverText,
                                 int sqliteCode) const
{
    // SQLITE_BUSY (5) and its extended codes: the wait for another command's lock ran out.
    if ((sqliteCode & 0xff) == 5) {
        return makeError(ErrorCode::Busy,
                         QStringLiteral("le registre est occupé par une autre commande ; "
                                        "réessayez dans un instant."),
                         m_path);
    }
    return databaseError(what, driverText);
}

namespace {
int sqliteCodeOf(const QSqlError &error)
{
    return error.nativeErrorCode().toInt();
}
} // namespace

Result<QSqlQuery> LedgerStore::prepare(const QString &sql) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        return databaseError(QStringLiteral("préparation"), query.lastError().text(),
                             sqliteCodeOf(query.lastError()));
    }
    return query;
}

Status LedgerStore::exec(QSqlQuery &query) const
{
    if (!query.exec()) {
        return databaseError(QStringLiteral("écriture"), query.lastError().text(),
                             sqliteCodeOf(query.lastError()));
    }
    return Ok{};
}

Result<QSqlQuery> LedgerStore::run(const QString &sql, std::initializer_list<QVariant> values) const
{
    auto query = prepare(sql);
    if (!query)
        return query;
    bind(query.value(), values);
    if (Status s = exec(query.value()); !s)
        return s.error();
    return query;
}

void LedgerStore::bind(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    for (const QVariant &v : values) {
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(v);
    }
}

Status LedgerStore::begin(TransactionKind kind)
{
    auto q = run(kind == TransactionKind::Write ? QStringLiteral("BEGIN IMMEDIATE")
                                                : QStringLiteral("BEGIN DEFERRED"));
    if (!q)
        return q.error();
    return Ok{};
}

Status LedgerStore::commit()
{
    auto q = run(QStringLiteral("COMMIT"));
    if (!q)
        return q.error();
    return Ok{};
}

void LedgerStore::rollback()
{
    (void)run(QStringLiteral("ROLLBACK"));
}

Status LedgerStore::journal(const QString &action, const QString &detail, const QString &user)
{
    auto q =
        run(QStringLiteral("INSERT INTO journal(at, user, action, detail) VALUES (?, ?, ?, ?)"),
            {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
             user.isEmpty() ? currentOsUser() : user, action, detail});
    if (!q)
        return q.error();
    return Ok{};
}

QString polygonText(const QPolygonF &polygon)
{
    QStringList corners;
    for (const QPointF &p : polygon)
        corners.append(QStringLiteral("%1,%2").arg(p.x(), 0, 'f', 1).arg(p.y(), 0, 'f', 1));
    return corners.join(QLatin1Char(' '));
}

QPolygonF polygonFromText(const QString &text)
{
    QPolygonF polygon;
    for (const QString &corner : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringList xy = corner.split(QLatin1Char(','));
        bool okX = false, okY = false;
        const double x = xy.value(0).toDouble(&okX), y = xy.value(1).toDouble(&okY);
        if (xy.size() != 2 || !okX || !okY)
            return {};
        polygon << QPointF(x, y);
    }
    return polygon;
}

ZoneReading zoneReadingAt(const QSqlQuery &query, int first)
{
    ZoneReading zone;
    zone.key = query.value(first).toString();
    zone.label = query.value(first + 1).toString();
    // A finding this build cannot name is a person's to judge, never taken as signed.
    zone.finding = signatureFindingFromKey(query.value(first + 2).toString())
                       .value_or(SignatureFinding::CodeNotLocated);
    zone.inkShare = query.value(first + 3).toDouble();
    zone.strokes = query.value(first + 4).toInt();
    zone.area = polygonFromText(query.value(first + 5).toString());
    return zone;
}

} // namespace pointage
