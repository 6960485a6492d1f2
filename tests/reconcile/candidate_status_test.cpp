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

// The rule: a page nobody identified is never taken for the one piece still owed —
// it may be a letter or a second copy — and the piece is never "missing" while it is there.
TEST(CandidateStatus, UntypedPageNeverSettlesThePieceByElimination)
{
    SnapshotBuilder builder;
    builder.addCandidate(kA).categoryLabel = QStringLiteral("INDIVIDUEL");
    builder.beginFile(QStringLiteral("lot.pdf"), december(5));
    builder.addCodes({kA});
    const qint64 page = builder.addPlain();
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));
    const CandidateStatus &candidate = statusOf(status, kA);
    EXPECT_TRUE(candidate.receivedPieceCodes.isEmpty());
    EXPECT_TRUE(candidate.missingPieces.isEmpty());
    EXPECT_EQ(codesOf(candidate.piecesToVerify), QStringList{QStringLiteral("ID")});
    EXPECT_EQ(candidate.unidentifiedPages, 1);
    EXPECT_EQ(stateKey(candidate.state), QStringLiteral("to_verify"));
    EXPECT_EQ(stateText(candidate.state), QStringLiteral("Pièces à vérifier"));
    EXPECT_TRUE(outcomeOf(status, page).toIdentify);
    EXPECT_TRUE(outcomeOf(status, page).needsPerson());
    EXPECT_EQ(status.pagesToIdentify, 1);
}

TEST(CandidateStatus, UntypedPagesPutEveryUnidentifiedPieceToVerify)
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
    EXPECT_EQ(codesOf(candidate.piecesToVerify), codesOf(candidate.owedPieces));
    EXPECT_TRUE(candidate.missingPieces.isEmpty());
    EXPECT_EQ(candidate.unidentifiedPages, 2);
    EXPECT_EQ(candidate.state, CandidateState::ToVerify);
}

// What a person says about the untyped page settles the piece either way.
TEST(CandidateStatus, PersonsDecisionSettlesAPieceToVerify)
{
    const struct
    {
        const char *name;
        DecisionKind decision;
        CandidateState expected;
        QStringList missing;
    } cases[] = {
        {"typed as the owed piece", DecisionKind::AssignPiece, CandidateState::Complete, {}},
        {"set aside: the piece is missing",
         DecisionKind::IgnorePage,
         CandidateState::Incomplete,
         {QStringLiteral("ID")}},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        SnapshotBuilder builder;
        builder.addCandidate(kA).categoryLabel = QStringLiteral("INDIVIDUEL");
        builder.beginFile(QStringLiteral("lot.pdf"), december(5));
        builder.addCodes({kA});
        const qint64 page = builder.addPlain();
        builder.decide(c.decision, page, kA,
                       c.decision == DecisionKind::AssignPiece ? QStringLiteral("ID") : QString());
        const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));
        const CandidateStatus &candidate = statusOf(status, kA);
        EXPECT_EQ(stateKey(candidate.state), stateKey(c.expected));
        EXPECT_EQ(codesOf(candidate.missingPieces), c.missing);
        EXPECT_TRUE(candidate.piecesToVerify.isEmpty());
        EXPECT_FALSE(outcomeOf(status, page).toIdentify);
        EXPECT_EQ(status.pagesToIdentify, 0);
    }
}

TEST(CandidateStatus, UntypedPageOfADossierOwingNothingWaitsForNobody)
{
    SnapshotBuilder builder;
    builder.addCandidate(kA);
    builder.beginFile(QStringLiteral("lot.pdf"), december(5));
    builder.addCodes({kA});
    const qint64 page = builder.addPlain();
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));
    EXPECT_EQ(statusOf(status, kA).state, CandidateState::Complete);
    EXPECT_EQ(statusOf(status, kA).unidentifiedPages, 1);
    EXPECT_FALSE(outcomeOf(status, page).toIdentify);
}

TEST(CandidateStatus, TypedPieceLeavesTheOtherToVerifyWhileAPageIsUntyped)
{
    SnapshotBuilder builder;
    RosterRow &row = builder.addCandidate(kA);
    row.categoryLabel = QStringLiteral("INDIVIDUEL");
    row.extra.insert(QStringLiteral("Dispenses"), QStringLiteral("EG1"));
    builder.beginFile(QStringLiteral("lot.pdf"), december(5));
    builder.addCodes({kA});
    const qint64 untyped = builder.addPlain();
    const qint64 separator = builder.addCodes({QStringLiteral("PJ-ID")});
    builder.addPlain();
    builder.decide(DecisionKind::IgnorePage, separator);
    // Without the separator both pages are untyped: both pieces wait for the clerk.
    EXPECT_EQ(codesOf(statusOf(reconcileOn(builder.snapshot(), december(10)), kA).piecesToVerify),
              (QStringList{QStringLiteral("ID"), QStringLiteral("DIPLOME")}));

    builder.undo(1);
    CandidateStatus candidate = statusOf(reconcileOn(builder.snapshot(), december(10)), kA);
    EXPECT_EQ(candidate.state, CandidateState::ToVerify);
    EXPECT_EQ(candidate.receivedPieceCodes, QStringList{QStringLiteral("ID")});
    EXPECT_EQ(codesOf(candidate.piecesToVerify), QStringList{QStringLiteral("DIPLOME")});

    builder.decide(DecisionKind::AssignPiece, untyped, kA, QStringLiteral("DIPLOME"));
    candidate = statusOf(reconcileOn(builder.snapshot(), december(10)), kA);
    EXPECT_EQ(candidate.state, CandidateState::Complete);
    // In page order: the page typed by the person comes before the separator's.
    EXPECT_EQ(candidate.receivedPieceCodes,
              (QStringList{QStringLiteral("DIPLOME"), QStringLiteral("ID")}));
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
