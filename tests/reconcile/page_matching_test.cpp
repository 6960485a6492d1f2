// How reconcile() puts every scanned page in its bucket: roster checks, duplicates, stale
// versions, exceptions, and people's decisions over the automatic reading.
#include "ReconcileFixtures.h"
#include "SnapshotBuilder.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testfixtures;
using pointage::testkit::SnapshotBuilder;

namespace {

const QString kFirstCandidate = QStringLiteral("01300000001");
const QString kB = QStringLiteral("01300000002");
const QString kC = QStringLiteral("01300000003");

void expectBucket(const AcademieStatus &status, qint64 page, PageBucket bucket,
                  ExceptionReason reason, const QString &candidate)
{
    const PageOutcome &outcome = outcomeOf(status, page);
    EXPECT_EQ(bucketKey(outcome.bucket), bucketKey(bucket)) << "page " << page;
    EXPECT_EQ(reasonKey(outcome.reason), reasonKey(reason)) << "page " << page;
    EXPECT_EQ(outcome.candidateNumber, candidate) << "page " << page;
}

constexpr auto None = ExceptionReason::None;

} // namespace

TEST(PageMatching, EveryPageEndsInExactlyOneBucket)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    builder.addPlain();
    builder.addCodes({kFirstCandidate});
    builder.addBlank();
    builder.addCodes({QStringLiteral("PJ-ID")});
    builder.addPlain();
    builder.addUnreadable();
    builder.addDecodeFailure();
    builder.addCodes({QStringLiteral("DC04FR000001")});
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));
    ASSERT_EQ(status.pages.size(), builder.snapshot().pages.size());
    for (int i = 0; i < status.pages.size(); ++i)
        EXPECT_EQ(status.pages.at(i).page, i + 1);
}

TEST(PageMatching, SeparatorsTypeTheSupportingPagesOfTheDossier)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate)
        .extra.insert(QStringLiteral("Dispenses"), QStringLiteral("EG1"));
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    const qint64 confirmation = builder.addCodes({kFirstCandidate + QStringLiteral(" 101 V1")});
    const qint64 separator = builder.addCodes({QStringLiteral("PJ-DIPLOME")});
    const qint64 diploma = builder.addPlain();
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));

    expectBucket(status, confirmation, PageBucket::Confirmation, None, kFirstCandidate);
    EXPECT_EQ(outcomeOf(status, confirmation).inscriptionVersion, 1);
    expectBucket(status, separator, PageBucket::Separator, None, kFirstCandidate);
    expectBucket(status, diploma, PageBucket::Supporting, None, kFirstCandidate);
    EXPECT_EQ(outcomeOf(status, diploma).pieceCode, QStringLiteral("DIPLOME"));
    EXPECT_EQ(statusOf(status, kFirstCandidate).receivedPieceCodes,
              QStringList{QStringLiteral("DIPLOME")});
    EXPECT_EQ(statusOf(status, kFirstCandidate).state, CandidateState::Complete);
}

TEST(PageMatching, UnknownCandidateResolvesOnceTheRosterGainsThem)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    const qint64 confirmation = builder.addCodes({kC});
    const qint64 follower = builder.addPlain();

    const AcademieStatus before = reconcileOn(builder.snapshot(), december(10));
    expectBucket(before, confirmation, PageBucket::Exception, ExceptionReason::UnknownCandidate,
                 kC);
    expectBucket(before, follower, PageBucket::Exception, ExceptionReason::InDossierOfException,
                 kC);

    builder.addCandidate(kC); // a later import adds them
    const AcademieStatus after = reconcileOn(builder.snapshot(), december(10));
    expectBucket(after, confirmation, PageBucket::Confirmation, None, kC);
    expectBucket(after, follower, PageBucket::Supporting, None, kC);
    EXPECT_EQ(statusOf(after, kC).state, CandidateState::Complete);
    EXPECT_EQ(after.openExceptions, 0);
}

TEST(PageMatching, UnknownNumberSuggestsRosterNumbersOneDigitAway)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.addCandidate(kB);
    builder.addCandidate(QStringLiteral("01300000111"));
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    const qint64 misread = builder.addCodes({QStringLiteral("01300000011")});
    const qint64 follower = builder.addPlain();
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));
    const QStringList expected{kFirstCandidate, QStringLiteral("01300000111")};
    EXPECT_EQ(outcomeOf(status, misread).suggestions, expected);
    EXPECT_EQ(outcomeOf(status, follower).suggestions, expected);
}

TEST(PageMatching, WithdrawnCandidateWhoAlreadySentPapersIsFlagged)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.withdraw(kFirstCandidate);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(3));
    const qint64 confirmation = builder.addCodes({kFirstCandidate});
    const qint64 follower = builder.addPlain();
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));

    expectBucket(status, confirmation, PageBucket::Exception, ExceptionReason::WithdrawnCandidate,
                 kFirstCandidate);
    expectBucket(status, follower, PageBucket::Exception, ExceptionReason::InDossierOfException,
                 kFirstCandidate);
    const CandidateStatus &candidate = statusOf(status, kFirstCandidate);
    EXPECT_TRUE(candidate.withdrawn);
    EXPECT_EQ(candidate.state, CandidateState::WithdrawnReceived);
    EXPECT_EQ(candidate.confirmationReceived, december(3));
    EXPECT_EQ(candidate.openExceptions, 2);
}

TEST(PageMatching, SecondCopyOfAConfirmationIsADuplicateWhosePagesStillCount)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate)
        .extra.insert(QStringLiteral("Dispenses"), QStringLiteral("EG1"));
    builder.beginFile(QStringLiteral("lot-du-10.pdf"), december(10));
    const qint64 later = builder.addCodes({kFirstCandidate});
    const qint64 sameFileAgain = builder.addCodes({kFirstCandidate});
    builder.beginFile(QStringLiteral("lot-du-4.pdf"), december(4));
    const qint64 earlier = builder.addCodes({kFirstCandidate});
    builder.addCodes({QStringLiteral("PJ-DIPLOME")});
    const qint64 piece = builder.addPlain();
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(12));

    expectBucket(status, earlier, PageBucket::Confirmation, None, kFirstCandidate);
    expectBucket(status, later, PageBucket::Exception, ExceptionReason::Duplicate, kFirstCandidate);
    expectBucket(status, sameFileAgain, PageBucket::Exception, ExceptionReason::Duplicate,
                 kFirstCandidate);
    expectBucket(status, piece, PageBucket::Supporting, None, kFirstCandidate);
    const CandidateStatus &candidate = statusOf(status, kFirstCandidate);
    EXPECT_EQ(candidate.confirmationReceived, december(4));
    EXPECT_EQ(candidate.state, CandidateState::Complete);
    EXPECT_EQ(candidate.openExceptions, 2);
}

TEST(PageMatching, OlderInscriptionVersionIsStaleUntilTheCurrentOneArrives)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate).version = 3;
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    const qint64 stale = builder.addCodes({kFirstCandidate + QStringLiteral(" 101 V2")});
    const qint64 follower = builder.addPlain();

    const AcademieStatus before = reconcileOn(builder.snapshot(), december(10));
    expectBucket(before, stale, PageBucket::Exception, ExceptionReason::StaleVersion,
                 kFirstCandidate);
    EXPECT_EQ(outcomeOf(before, stale).suggestions, QStringList{kFirstCandidate});
    expectBucket(before, follower, PageBucket::Supporting, None, kFirstCandidate);
    EXPECT_EQ(statusOf(before, kFirstCandidate).state, CandidateState::Stale);
    EXPECT_TRUE(statusOf(before, kFirstCandidate).stale);
    EXPECT_EQ(statusOf(before, kFirstCandidate).scannedVersion, 2);

    builder.beginFile(QStringLiteral("lot2.pdf"), december(8));
    const qint64 current = builder.addCodes({kFirstCandidate + QStringLiteral(" 101 V3")});
    const AcademieStatus after = reconcileOn(builder.snapshot(), december(10));
    expectBucket(after, stale, PageBucket::Exception, ExceptionReason::StaleVersion,
                 kFirstCandidate);
    expectBucket(after, current, PageBucket::Confirmation, None, kFirstCandidate);
    EXPECT_FALSE(statusOf(after, kFirstCandidate).stale);
    EXPECT_EQ(statusOf(after, kFirstCandidate).state, CandidateState::Complete);
    EXPECT_EQ(statusOf(after, kFirstCandidate).confirmationReceived, december(8));
}

TEST(PageMatching, ConflictingCodesAreNeverResolvedByPickingOne)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.addCandidate(kB);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    builder.addCodes({kFirstCandidate});
    const qint64 conflicting = builder.addCodes({kB, QStringLiteral("01300000012")});
    const qint64 follower = builder.addPlain();
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));

    expectBucket(status, conflicting, PageBucket::Exception, ExceptionReason::ConflictingCodes, {});
    expectBucket(status, follower, PageBucket::Exception, ExceptionReason::InDossierOfException,
                 {});
    EXPECT_EQ(outcomeOf(status, conflicting).suggestions, (QStringList{kB, kFirstCandidate}));
    EXPECT_EQ(statusOf(status, kB).state, CandidateState::NotReceived);
}

TEST(PageMatching, PagesBeforeTheFirstConfirmationAreExceptions)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    const qint64 stray = builder.addPlain();
    builder.addCodes({kFirstCandidate});
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));
    expectBucket(status, stray, PageBucket::Exception, ExceptionReason::BeforeFirstConfirmation,
                 {});
    EXPECT_EQ(status.openExceptions, 1);
}

TEST(PageMatching, ForeignCodedPageInADossierSuggestsItsOwner)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    builder.addCodes({kFirstCandidate});
    const qint64 foreign = builder.addCodes({QStringLiteral("DC04FR000001")});
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));
    expectBucket(status, foreign, PageBucket::Exception, ExceptionReason::ForeignCode, {});
    EXPECT_EQ(outcomeOf(status, foreign).suggestions, QStringList{kFirstCandidate});
}

TEST(PageMatching, PersonAssigningAnUnreadablePageReopensItsDossier)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.addCandidate(kB);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    builder.addCodes({kFirstCandidate});
    const qint64 unreadable = builder.addUnreadable();
    const qint64 follower = builder.addPlain();

    const AcademieStatus before = reconcileOn(builder.snapshot(), december(10));
    expectBucket(before, follower, PageBucket::Exception, ExceptionReason::InDossierOfException,
                 {});

    builder.decide(DecisionKind::AssignConfirmation, unreadable, kB);
    const AcademieStatus after = reconcileOn(builder.snapshot(), december(10));
    expectBucket(after, unreadable, PageBucket::Confirmation, None, kB);
    EXPECT_TRUE(outcomeOf(after, unreadable).byDecision);
    expectBucket(after, follower, PageBucket::Supporting, None, kB);
    EXPECT_FALSE(outcomeOf(after, follower).byDecision);
    EXPECT_EQ(statusOf(after, kB).state, CandidateState::Complete);
}

TEST(PageMatching, HumanDecisionWinsOverTheBarcode)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.addCandidate(kB).categoryLabel = QStringLiteral("INDIVIDUEL");
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    builder.addCodes({kB});
    const qint64 page =
        builder.addCodes({kFirstCandidate}); // really B's ID card with A's code on it
    builder.decide(DecisionKind::AssignPiece, page, kB, QStringLiteral("ID"));
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));

    expectBucket(status, page, PageBucket::Supporting, None, kB);
    EXPECT_EQ(outcomeOf(status, page).pieceCode, QStringLiteral("ID"));
    EXPECT_EQ(statusOf(status, kFirstCandidate).state, CandidateState::NotReceived);
    EXPECT_EQ(statusOf(status, kB).state, CandidateState::Complete);
}

TEST(PageMatching, LatestDecisionWinsAndUndoRestoresTheEarlierOne)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    const qint64 page = builder.addUnreadable();
    builder.decide(DecisionKind::AssignConfirmation, page, kFirstCandidate);
    const qint64 ignore = builder.decide(DecisionKind::IgnorePage, page);

    const AcademieStatus ignored = reconcileOn(builder.snapshot(), december(10));
    expectBucket(ignored, page, PageBucket::Ignored, None, {});
    EXPECT_TRUE(outcomeOf(ignored, page).byDecision);
    EXPECT_EQ(statusOf(ignored, kFirstCandidate).state, CandidateState::NotReceived);

    builder.undo(ignore);
    const AcademieStatus assigned = reconcileOn(builder.snapshot(), december(10));
    expectBucket(assigned, page, PageBucket::Confirmation, None, kFirstCandidate);

    builder.undo(1);
    const AcademieStatus automatic = reconcileOn(builder.snapshot(), december(10));
    expectBucket(automatic, page, PageBucket::Exception, ExceptionReason::UnreadableCode, {});
    EXPECT_FALSE(outcomeOf(automatic, page).byDecision);
}

TEST(PageMatching, AssignmentToANumberMissingFromTheRosterWaitsForIt)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    builder.addCodes({kFirstCandidate});
    const qint64 page = builder.addPlain();
    builder.decide(DecisionKind::AssignPiece, page, QStringLiteral("1300000003"));
    const AcademieStatus before = reconcileOn(builder.snapshot(), december(10));
    expectBucket(before, page, PageBucket::Exception, ExceptionReason::UnknownCandidate, kC);

    builder.addCandidate(kC);
    const AcademieStatus after = reconcileOn(builder.snapshot(), december(10));
    expectBucket(after, page, PageBucket::Supporting, None, kC);
}

TEST(PageMatching, PagesReceivedAfterTheAsOfDateAreLeftOut)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(23));
    builder.addCodes({kFirstCandidate});
    const AcademieStatus onTheTwentySecond = reconcileOn(builder.snapshot(), december(22));
    EXPECT_TRUE(onTheTwentySecond.pages.isEmpty());
    EXPECT_EQ(statusOf(onTheTwentySecond, kFirstCandidate).state, CandidateState::NotReceived);

    const AcademieStatus onTheTwentyThird = reconcileOn(builder.snapshot(), december(23));
    EXPECT_EQ(onTheTwentyThird.pages.size(), 1);
    EXPECT_EQ(statusOf(onTheTwentyThird, kFirstCandidate).state, CandidateState::ReceivedLate);
}

// Two copies arriving the same day: which is the duplicate depends on file name and page, never
// on the order the files were recorded in (that is the order readers finished in).
TEST(PageMatching, SameDayDuplicateIsDecidedByFileOrderNotRecordingOrder)
{
    for (const bool bFirst : {false, true}) {
        SCOPED_TRACE(bFirst);
        SnapshotBuilder builder;
        builder.addCandidate(kFirstCandidate);
        qint64 inA = 0;
        qint64 inB = 0;
        const auto addA = [&] {
            builder.beginFile(QStringLiteral("lot-a.pdf"), december(5));
            inA = builder.addCodes({kFirstCandidate});
        };
        const auto addB = [&] {
            builder.beginFile(QStringLiteral("lot-b.pdf"), december(5));
            inB = builder.addCodes({kFirstCandidate});
        };
        if (bFirst) {
            addB();
            addA();
        } else {
            addA();
            addB();
        }
        const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));
        expectBucket(status, inA, PageBucket::Confirmation, None, kFirstCandidate);
        expectBucket(status, inB, PageBucket::Exception, ExceptionReason::Duplicate,
                     kFirstCandidate);
    }
}

TEST(PageMatching, ABordereauAloneIsADossierWithoutTheSignedConfirmation)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    const qint64 coverSheet = builder.addCodes({QStringLiteral("BD-") + kFirstCandidate});
    const qint64 piece = builder.addPlain();
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));

    expectBucket(status, coverSheet, PageBucket::CoverSheet, None, kFirstCandidate);
    expectBucket(status, piece, PageBucket::Supporting, None, kFirstCandidate);
    const CandidateStatus &candidate = statusOf(status, kFirstCandidate);
    EXPECT_EQ(candidate.state, CandidateState::WithoutSignedConfirmation);
    EXPECT_FALSE(candidate.confirmationReceived.isValid());
    EXPECT_EQ(candidate.dossierReceived, december(5));
    EXPECT_EQ(status.withoutConfirmation, 1);
    EXPECT_EQ(status.complete, 0);
}

TEST(PageMatching, ABordereauOnTopOfTheConfirmationIsNoDuplicate)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate)
        .extra.insert(QStringLiteral("Dispenses"), QStringLiteral("EG1"));
    builder.addCandidate(kB);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    const qint64 coverSheet = builder.addCodes({QStringLiteral("BD-") + kFirstCandidate});
    const qint64 confirmation = builder.addCodes({kFirstCandidate});
    builder.addCodes({QStringLiteral("PJ-DIPLOME")});
    const qint64 diploma = builder.addPlain();
    const qint64 nextCoverSheet = builder.addCodes({QStringLiteral("BD-") + kB});
    const qint64 nextConfirmation = builder.addCodes({kB});
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));

    expectBucket(status, coverSheet, PageBucket::CoverSheet, None, kFirstCandidate);
    expectBucket(status, confirmation, PageBucket::Confirmation, None, kFirstCandidate);
    expectBucket(status, diploma, PageBucket::Supporting, None, kFirstCandidate);
    expectBucket(status, nextCoverSheet, PageBucket::CoverSheet, None, kB);
    expectBucket(status, nextConfirmation, PageBucket::Confirmation, None, kB);
    EXPECT_EQ(statusOf(status, kFirstCandidate).state, CandidateState::Complete);
    EXPECT_EQ(statusOf(status, kB).state, CandidateState::Complete);
    EXPECT_EQ(status.openExceptions, 0);
}

TEST(PageMatching, ABordereauOfAStrangerOrOfTwoCandidatesIsAnException)
{
    SnapshotBuilder builder;
    builder.addCandidate(kFirstCandidate);
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    const qint64 stranger = builder.addCodes({QStringLiteral("BD-") + kC});
    const qint64 follower = builder.addPlain();
    const qint64 mixed = builder.addCodes({QStringLiteral("BD-") + kFirstCandidate, kB});
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(10));

    expectBucket(status, stranger, PageBucket::Exception, ExceptionReason::UnknownCandidate, kC);
    expectBucket(status, follower, PageBucket::Exception, ExceptionReason::InDossierOfException,
                 kC);
    expectBucket(status, mixed, PageBucket::Exception, ExceptionReason::ConflictingCodes,
                 QString());
    EXPECT_EQ(statusOf(status, kFirstCandidate).state, CandidateState::NotReceived);
}
