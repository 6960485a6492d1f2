// A roster plan (filing order, owed pieces, index) is reused while only decisions change: the
// status is then exactly the status computed from scratch; a plan made for other candidates is
// never used for a snapshot whose candidates differ.
#include "ReconcileFixtures.h"
#include "SnapshotBuilder.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testfixtures;
using pointage::testkit::SnapshotBuilder;

namespace {

// Every candidate in filing order with what the letter would say of them.
QStringList summaryOf(const AcademieStatus &status)
{
    QStringList lines;
    for (const CandidateStatus &c : status.candidateStatus) {
        QStringList missing;
        for (const PieceType &piece : c.missingPieces)
            missing.append(piece.code);
        lines.append(c.candidate.candidateNumber + u' ' + stateKey(c.state) + u' ' +
                     missing.join(u','));
    }
    return lines;
}

SnapshotBuilder dossiers()
{
    SnapshotBuilder builder;
    builder.addCandidate(QStringLiteral("01300000003"), QStringLiteral("ZOLA")).categoryLabel =
        QStringLiteral("INDIVIDUEL");
    builder.addCandidate(QStringLiteral("01300000001"), QStringLiteral("ÉMERY")).categoryLabel =
        QStringLiteral("INDIVIDUEL");
    builder.addCandidate(QStringLiteral("01300000002"), QStringLiteral("ABEL"));
    builder.beginFile(QStringLiteral("lot.pdf"), december(3));
    builder.addCodes({QStringLiteral("01300000001")});
    builder.addPlain();
    builder.addUnreadable();
    return builder;
}

} // namespace

TEST(RosterPlan, AfterADecisionTheStatusIsTheOneComputedFromScratch)
{
    SnapshotBuilder builder = dossiers();
    const LedgerSnapshot before = builder.snapshot();
    const auto plan = planRoster(before.candidates, smallRules(), SessionConfig::defaults(2027));

    // The clerk gives the unreadable page to ZOLA, then types ÉMERY's supporting page.
    builder.decide(DecisionKind::AssignConfirmation, 3, QStringLiteral("01300000003"));
    builder.decide(DecisionKind::AssignPiece, 2, QStringLiteral("01300000001"),
                   QStringLiteral("ID"));
    LedgerSnapshot after = before; // the desk's way: same candidates, decisions read again
    after.decisions = builder.snapshot().decisions;

    const AcademieStatus scratch = reconcileOn(after, december(10));
    const AcademieStatus planned =
        reconcile(after, smallRules(), SessionConfig::defaults(2027), december(10), *plan);
    EXPECT_EQ(summaryOf(planned), summaryOf(scratch));
    EXPECT_EQ(summaryOf(planned), (QStringList{QStringLiteral("01300000002 not_received "),
                                               QStringLiteral("01300000001 complete "),
                                               QStringLiteral("01300000003 incomplete ID")}));
}

TEST(RosterPlan, APlanForOtherCandidatesIsNotUsed)
{
    const LedgerSnapshot first = dossiers().snapshot();
    const auto plan = planRoster(first.candidates, smallRules(), SessionConfig::defaults(2027));

    SnapshotBuilder other = dossiers();
    other.addCandidate(QStringLiteral("01300000004"), QStringLiteral("BAYLE"));
    const LedgerSnapshot second = other.snapshot();
    const AcademieStatus planned =
        reconcile(second, smallRules(), SessionConfig::defaults(2027), december(10), *plan);
    EXPECT_EQ(summaryOf(planned), summaryOf(reconcileOn(second, december(10))));
    EXPECT_EQ(planned.candidateStatus.size(), 4);
}
