// Shared by the operations tests: a real ledger in a temporary folder, a small roster, scanned
// files built from the codes read on each page, the default 2027 session and small rules.
#pragma once

#include "pointage/Decisions.h"
#include "pointage/Ledger.h"
#include "pointage/Reconciler.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>

namespace pointage::testfixtures {

inline RequirementRules operationsRules()
{
    auto rules = RequirementRules::parse(R"({
        "pieces": [
            { "code": "ID", "label": "Pièce d'identité" },
            { "code": "CFA", "label": "Attestation du CFA" },
            { "code": "DIPLOME", "label": "Copie du diplôme" }
        ],
        "rules": [
            { "pieces": ["ID"], "when": { "column": "category", "contains": "INDIVIDUEL" } },
            { "pieces": ["CFA"], "when": { "column": "category", "contains": "APPRENTI" } }
        ]
    })",
                                         QStringLiteral("rules.json"));
    EXPECT_TRUE(rules.ok()) << rules.error().located().toStdString();
    return rules.ok() ? rules.value() : RequirementRules();
}

inline RosterRow rosterRow(const QString &number, const QString &lastName,
                           const QString &firstNames, int version = 1,
                           const QString &category = QStringLiteral("SCOLAIRE CAP EN 2 ANS"))
{
    RosterRow r;
    r.candidateNumber = number;
    r.inscriptionNumber = QStringLiteral("107");
    r.version = version;
    r.lastName = lastName;
    r.firstNames = firstNames;
    r.categoryLabel = category;
    r.specialtyCode = QStringLiteral("50022");
    r.specialtyLabel = QStringLiteral("CAP Cuisine");
    r.state = QStringLiteral("Inscrit");
    r.uai = QStringLiteral("0131234W");
    r.establishmentName = QStringLiteral("LP LES ALPILLES");
    return r;
}

class OperationsLedger : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto opened = Ledger::open(m_dir.filePath(QStringLiteral("ledger.sqlite")));
        ASSERT_TRUE(opened.ok()) << opened.error().located().toStdString();
        m_ledger = std::move(opened.value());
    }

    void importRows(QList<RosterRow> rows)
    {
        RosterExport e;
        e.fileName = QStringLiteral("export.csv");
        e.uai = QStringLiteral("0131234W");
        e.establishmentName = QStringLiteral("LP LES ALPILLES");
        e.editedAt = QDateTime(QDate(2026, 12, 2), QTime(9, 0));
        e.rowsRead = int(rows.size());
        e.rows = std::move(rows);
        auto imported = m_ledger->importRoster(e, QStringLiteral("sha-%1").arg(++m_files));
        ASSERT_TRUE(imported.ok()) << imported.error().located().toStdString();
    }

    // One page per entry, carrying the codes listed ({} is a plain page, "?" a barcode-like
    // mark that could not be read).
    void scan(const QString &name, const QList<QStringList> &codesPerPage,
              QDate received = QDate(2026, 12, 9))
    {
        ScannedFile file;
        file.path = name;
        file.sha256 = QStringLiteral("scan-%1").arg(++m_files);
        file.received = received;
        file.pageCount = int(codesPerPage.size());
        QList<PageRead> pages;
        for (const QStringList &codes : codesPerPage) {
            PageRead read;
            read.pageNumber = int(pages.size()) + 1;
            for (const QString &code : codes) {
                if (code == QStringLiteral("?"))
                    read.suspectedCode = true;
                else
                    read.codes.append(BarcodeRead{QStringLiteral("Code128"), code, 0});
            }
            pages.append(read);
        }
        auto recorded = m_ledger->recordScannedFile(file, pages, false);
        ASSERT_TRUE(recorded.ok()) << recorded.error().located().toStdString();
    }

    AcademieStatus status(QDate asOf = QDate(2026, 12, 23)) const
    {
        auto snapshot = m_ledger->snapshot();
        EXPECT_TRUE(snapshot.ok());
        return reconcile(snapshot.value(), m_rules, m_config, asOf);
    }

    DecisionRules rules() const { return {m_config, m_rules}; }

    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
    SessionConfig m_config = SessionConfig::defaults(2027);
    RequirementRules m_rules = operationsRules();
    int m_files = 0;
};

} // namespace pointage::testfixtures
