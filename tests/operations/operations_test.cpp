// The operations both front ends call: candidate search, decision checks, password hashing.
#include "../reconcile/ReconcileFixtures.h"
#include "pointage/CandidateSearch.h"
#include "pointage/PasswordHash.h"

#include <gtest/gtest.h>

namespace pointage {
namespace {

using testfixtures::smallRules;

AcademieStatus statusWith(const QList<RosterRow> &rows, const QList<StoredPage> &pages = {})
{
    LedgerSnapshot snapshot;
    for (const RosterRow &r : rows)
        snapshot.candidates.append({r, false});
    snapshot.pages = pages;
    return testfixtures::reconcileOn(snapshot, testfixtures::december(10));
}

RosterRow row(const QString &number, const QString &last, const QString &first, const QString &ine)
{
    RosterRow r;
    r.candidateNumber = number;
    r.lastName = last;
    r.firstNames = first;
    r.ine = ine;
    r.uai = QStringLiteral("0131234W");
    r.categoryLabel = QStringLiteral("SCOLAIRE CAP EN 2 ANS");
    return r;
}

TEST(CandidateSearch, ByNumberNameAccentsAndIne)
{
    const AcademieStatus st =
        statusWith({row(QStringLiteral("02270001001"), QStringLiteral("LEFÈVRE"),
                        QStringLiteral("Élodie"), QStringLiteral("0123456789A")),
                    row(QStringLiteral("02270001002"), QStringLiteral("MARTIN"),
                        QStringLiteral("Hugo"), QStringLiteral("0123456789B"))});
    auto numbers = [&](const QString &q) {
        QStringList out;
        for (qsizetype i : searchCandidates(st, q, 10))
            out.append(st.candidateStatus[i].candidate.candidateNumber);
        return out;
    };
    EXPECT_EQ(numbers(QStringLiteral("2270001002")), QStringList{QStringLiteral("02270001002")});
    EXPECT_EQ(numbers(QStringLiteral("0227000100")).size(), 2);
    EXPECT_EQ(numbers(QStringLiteral("lefevre elodie")),
              QStringList{QStringLiteral("02270001001")});
    EXPECT_EQ(numbers(QStringLiteral("0123456789b")), QStringList{QStringLiteral("02270001002")});
    EXPECT_TRUE(numbers(QStringLiteral("x")).isEmpty());
    EXPECT_TRUE(numbers(QStringLiteral("dupont")).isEmpty());
}

TEST(PasswordHash, VerifiesOnlyTheRightPasswordAndSaltsEachHash)
{
    const QString a = hashPassword(QStringLiteral("correct horse"));
    const QString b = hashPassword(QStringLiteral("correct horse"));
    EXPECT_TRUE(a.startsWith(QStringLiteral("$scrypt$ln=15,r=8,p=1$")));
    EXPECT_NE(a, b);
    EXPECT_TRUE(verifyPassword(QStringLiteral("correct horse"), a));
    EXPECT_FALSE(verifyPassword(QStringLiteral("correct hors"), a));
    EXPECT_FALSE(verifyPassword(QStringLiteral("correct horse"), QStringLiteral("$scrypt$x")));
    EXPECT_FALSE(verifyPassword(QString(), QString()));
}

} // namespace
} // namespace pointage
