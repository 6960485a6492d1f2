// Shared by the reconciliation tests: a small rules file and the default 2027 session.
#pragma once

#include "pointage/Reconciler.h"
#include "pointage/RequirementRules.h"
#include "pointage/SessionConfig.h"

#include <QDate>
#include <gtest/gtest.h>

namespace pointage::testfixtures {

// The rules.json shipped in config/.
inline RequirementRules shippedRules()
{
    auto rules = RequirementRules::load(QStringLiteral(POINTAGE_SOURCE_DIR "/config/rules.json"));
    EXPECT_TRUE(rules.ok()) << rules.error().located().toStdString();
    return rules.ok() ? rules.value() : RequirementRules();
}

// Individual candidates owe an ID; an exemption owes the diploma copy.
inline RequirementRules smallRules()
{
    auto rules = RequirementRules::parse(R"({
        "pieces": [
            { "code": "ID", "label": "Pièce d'identité" },
            { "code": "DIPLOME", "label": "Copie du diplôme" }
        ],
        "rules": [
            { "pieces": ["ID"], "when": { "column": "category", "contains": "INDIVIDUEL" } },
            { "pieces": ["DIPLOME"], "when": { "column": "Dispenses", "notEmpty": true } }
        ]
    })",
                                         QStringLiteral("rules.json"));
    EXPECT_TRUE(rules.ok()) << rules.error().located().toStdString();
    return rules.ok() ? rules.value() : RequirementRules();
}

inline QDate december(int day)
{
    return QDate(2026, 12, day);
}

inline AcademieStatus reconcileOn(const LedgerSnapshot &snapshot, QDate asOf,
                                  const RequirementRules &rules = smallRules())
{
    return reconcile(snapshot, rules, SessionConfig::defaults(2027), asOf);
}

inline const CandidateStatus &statusOf(const AcademieStatus &status, const QString &number)
{
    for (const CandidateStatus &candidate : status.candidateStatus) {
        if (candidate.candidate.candidateNumber == number)
            return candidate;
    }
    ADD_FAILURE() << "candidate not in status: " << number.toStdString();
    static const CandidateStatus none;
    return none;
}

inline const PageOutcome &outcomeOf(const AcademieStatus &status, qint64 pageId)
{
    for (const PageOutcome &page : status.pages) {
        if (page.pageId == pageId)
            return page;
    }
    ADD_FAILURE() << "page not in status: " << pageId;
    static const PageOutcome none;
    return none;
}

} // namespace pointage::testfixtures
