// Each candidate state, the piece policy, and desk receipts.
#include "ReconcileFixtures.h"
#include "SnapshotBuilder.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testfixtures;
using pointage::testkit::SnapshotBuilder;

namespace {

const QString kA = QStringLiteral("01300000001");

QStringList codesOf(const QList<PieceType> &pieces)
{
    QStringList codes;
    for (const PieceType &piece : pieces)
        codes.append(piece.code);
    return codes;
}

} // namespace

TEST(CandidateStatus, EveryStateFromItsFacts)
{
    enum Paper { Nothing, Confirmation, StaleConfirmation };
    const struct
    {
        const char *name;
        bool individual; // owes an ID under smallRules()
        bool withdrawn;
        Paper paper;
        int receivedDay;
        int asOfDay;
        CandidateState expected;
    } cases[] = {
        {"complete", false, false, Confirmation, 10, 12, CandidateState::Complete},
        {"complete on the last day", false, false, Confirmation, 22, 22, CandidateState::Complete},
        {"incomplete", true, false, Confirmation, 10, 12, CandidateState::Incomplete},
        {"not received", false, false, Nothing, 0, 12, CandidateState::NotReceived},
        {"not received on the last day", false, false, Nothing, 0, 22, CandidateState::NotReceived},
        {"late missing", false, false, Nothing, 0, 23, CandidateState::LateMissing},
        {"received late", false, false, Confirmation, 23, 24, CandidateState::ReceivedLate},
        {"received late and incomplete", true, false, Confirmation, 23, 24,
         CandidateState::ReceivedLate},
        {"stale", false, false, StaleConfirmation, 10, 12, CandidateState::Stale},
        {"withdrawn", false, true, Nothing, 0, 12, CandidateState::Withdrawn},
        {"withdrawn received", false, true, Confirmation, 10, 12,
         CandidateState::WithdrawnReceived},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        SnapshotBuilder builder;
        RosterRow &row = builder.addCandidate(kA);
        row.version = 2;
        if (c.individual)
            row.categoryLabel = QStringLiteral("INDIVIDUEL");
        if (c.withdrawn)
            builder.withdraw(kA);
        if (c.paper != Nothing) {
            builder.beginFile(QStringLiteral("lot.pdf"), december(c.receivedDay));
            builder.addCodes({kA + (c.paper == StaleConfirmation ? QStringLiteral(" 7 V1")
                                                                 : QStringLiteral(" 7 V2"))});
        }
        const AcademieStatus status = reconcileOn(builder.snapshot(), december(c.asOfDay));
        const CandidateStatus &candidate = statusOf(status, kA);
        EXPECT_EQ(stateKey(candidate.state), stateKey(c.expected));
        EXPECT_EQ(candidate.late, c.paper != Nothing && c.receivedDay > 22);
        EXPECT_EQ(candidate.withdrawn, c.withdrawn);
    }
}

TEST(CandidateStatus, UntypedPageCountsForTheOnlyMissingPiece)
{
    SnapshotBuilder builder;
    builder.addCandidate(kA).categoryLabel = QStringLiteral("INDIVIDUEL");
    builder.beginFile(QStringLiteral("lot.pdf"), december(5));
    builder.addCodes({kA});
    builder.addPlain();
    const CandidateStatus candidate = statusOf(reconcileOn(builder.snapshot(), december(10)), kA);
    EXPECT_EQ(candidate.receivedPieceCodes, QStringList{QStringLiteral("ID")});
    EXPECT_TRUE(candidate.missingPieces.isEmpty());
    EXPECT_EQ(candidate.unidentifiedPages, 0);
    EXPECT_EQ(candidate.state, CandidateState::Complete);
}

TEST(CandidateStatus, UntypedPagesStayUnidentifiedWhenSeveralPiecesAreMissing)
{
    SnapshotBuilder builder;
    RosterRow &row = builder.addCandidate(kA);
    row.categoryLabel = QStringLiteral("INDIVIDUEL");
    row.extra.insert(QStringLiteral("Dispenses"), QStringLiteral("EG1"));
    builder.beginFile(QStringLiteral("lot.pdf"), december(5));
    builder.addCodes({kA});
    builder.addPlain();
    builder.addPlain();
    const CandidateStatus candidate = statusOf(reconcileOn(builder.snapshot(), december(10)), kA);
    EXPECT_EQ(codesOf(candidate.owedPieces),
              (QStringList{QStringLiteral("ID"), QStringLiteral("DIPLOME")}));
    EXPECT_EQ(codesOf(candidate.missingPieces), codesOf(candidate.owedPieces));
    EXPECT_EQ(candidate.unidentifiedPages, 2);
    EXPECT_EQ(candidate.state, CandidateState::Incomplete);
}

TEST(CandidateStatus, TypedPieceLeavesOneMissingForTheUntypedPages)
{
    SnapshotBuilder builder;
    RosterRow &row = builder.addCandidate(kA);
    row.categoryLabel = QStringLiteral("INDIVIDUEL");
    row.extra.insert(QStringLiteral("Dispenses"), QStringLiteral("EG1"));
    builder.beginFile(QStringLiteral("lot.pdf"), december(5));
    builder.addCodes({kA});
    builder.addPlain();
    const qint64 separator = builder.addCodes({QStringLiteral("PJ-ID")});
    builder.addPlain();
    builder.decide(DecisionKind::IgnorePage, separator);
    // Without the separator both pages are untyped: nothing can be told apart.
    EXPECT_EQ(statusOf(reconcileOn(builder.snapshot(), december(10)), kA).state,
              CandidateState::Incomplete);

    builder.undo(1);
    const CandidateStatus candidate = statusOf(reconcileOn(builder.snapshot(), december(10)), kA);
    EXPECT_EQ(candidate.state, CandidateState::Complete);
    EXPECT_EQ(candidate.receivedPieceCodes,
              (QStringList{QStringLiteral("ID"), QStringLiteral("DIPLOME")}));
}

TEST(CandidateStatus, DeskChecksCountAsReceiptsOnTheirDate)
{
    SnapshotBuilder builder;
    builder.addCandidate(kA).categoryLabel = QStringLiteral("INDIVIDUEL");
    builder.decide(DecisionKind::ReceiveConfirmation, 0, kA, {}, december(20));
    builder.decide(DecisionKind::ReceivePiece, 0, kA, QStringLiteral("ID"), december(23));

    const CandidateStatus onTheTwentySecond =
        statusOf(reconcileOn(builder.snapshot(), december(22)), kA);
    EXPECT_EQ(onTheTwentySecond.state, CandidateState::Incomplete);
    EXPECT_EQ(onTheTwentySecond.confirmationReceived, december(20));

    const CandidateStatus onTheTwentyThird =
        statusOf(reconcileOn(builder.snapshot(), december(23)), kA);
    EXPECT_EQ(onTheTwentyThird.state, CandidateState::Complete);
    EXPECT_FALSE(onTheTwentyThird.late);
}

TEST(CandidateStatus, DeskCheckAfterTheDeadlineIsLate)
{
    SnapshotBuilder builder;
    builder.addCandidate(kA);
    builder.decide(DecisionKind::ReceiveConfirmation, 0, kA, {}, december(23));
    const CandidateStatus candidate = statusOf(reconcileOn(builder.snapshot(), december(28)), kA);
    EXPECT_EQ(candidate.state, CandidateState::ReceivedLate);
    EXPECT_TRUE(candidate.late);
}

TEST(CandidateStatus, DeskCheckedCurrentConfirmationOverridesAStaleScan)
{
    SnapshotBuilder builder;
    builder.addCandidate(kA).version = 2;
    builder.beginFile(QStringLiteral("lot.pdf"), december(5));
    builder.addCodes({kA + QStringLiteral(" 7 V1")});
    builder.decide(DecisionKind::ReceiveConfirmation, 0, kA, {}, december(9));
    const CandidateStatus candidate = statusOf(reconcileOn(builder.snapshot(), december(10)), kA);
    EXPECT_FALSE(candidate.stale);
    EXPECT_EQ(candidate.state, CandidateState::Complete);
    EXPECT_EQ(candidate.confirmationReceived, december(9));
}
