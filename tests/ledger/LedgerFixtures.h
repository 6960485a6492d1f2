// Shared by the ledger tests: roster rows and exports built by hand, and a fixture owning a
// ledger in a temporary folder with a raw second connection to look at the file as it is.
#pragma once

#include "pointage/Ledger.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace pointage::testkit {

inline RosterRow row(const QString &number, const QString &uai, const QString &name,
                     int version = 1, const QString &specialty = QStringLiteral("50022"))
{
    RosterRow r;
    r.candidateNumber = number;
    r.inscriptionNumber = QStringLiteral("123");
    r.version = version;
    r.lastName = name;
    r.firstNames = QStringLiteral("Zoé");
    r.birthDate = QDate(2009, 3, 14);
    r.categoryLabel = QStringLiteral("SCOLAIRE CAP EN 2 ANS");
    r.categoryCode = QStringLiteral("122");
    r.specialtyCode = specialty;
    r.specialtyLabel = QStringLiteral("CAP Cuisine");
    r.state = QStringLiteral("Inscrit");
    r.uai = uai;
    r.establishmentName = QStringLiteral("LYCÉE PROFESSIONNEL") + uai;
    return r;
}

inline RosterExport exportOf(const QString &uai, QList<RosterRow> rows,
                             const QString &criteria = {},
                             const QDateTime &edited = QDateTime(QDate(2026, 12, 2), QTime(9, 0)))
{
    RosterExport e;
    e.fileName = QStringLiteral("export_%1.csv").arg(uai);
    e.uai = uai;
    e.establishmentName = QStringLiteral("LYCÉE PROFESSIONNEL") + uai;
    e.criteria = criteria;
    e.editedAt = edited;
    e.rowsRead = int(rows.size());
    e.rows = std::move(rows);
    return e;
}

class LedgerTest : public ::testing::Test
{
public:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto opened = Ledger::open(path());
        ASSERT_TRUE(opened.ok()) << opened.error().located().toStdString();
        m_ledger = std::move(opened.value());
    }
    QString path() const { return m_dir.filePath(QStringLiteral("ledger.sqlite")); }
    Ledger &ledger() { return *m_ledger; }

    RosterImportSummary import(const RosterExport &e, const QString &sha)
    {
        auto s = ledger().importRoster(e, sha);
        EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().located().toStdString());
        return s.ok() ? s.value() : RosterImportSummary{};
    }

    CandidateRecord candidate(const QString &number)
    {
        auto list = ledger().candidates();
        EXPECT_TRUE(list.ok());
        for (const CandidateRecord &c : list.value()) {
            if (c.row.candidateNumber == number)
                return c;
        }
        ADD_FAILURE() << "candidate not found " << number.toStdString();
        return {};
    }

    // A second, raw connection, as another program (or a failing disk) would see the file.
    QSqlQuery raw(const QString &sql)
    {
        QSqlDatabase db =
            QSqlDatabase::contains(QStringLiteral("raw"))
                ? QSqlDatabase::database(QStringLiteral("raw"))
                : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path());
        db.open();
        QSqlQuery q(db);
        q.exec(sql);
        return q;
    }
    void TearDown() override
    {
        m_ledger.reset();
        if (QSqlDatabase::contains(QStringLiteral("raw"))) {
            QSqlDatabase::database(QStringLiteral("raw")).close();
            QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        }
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
};

inline const QString uaiA = QStringLiteral("0130001X");
inline const QString uaiB = QStringLiteral("0130002Y");

} // namespace pointage::testkit
