// The words people and JSON files read: every value has one, and keys never collide.
#include "pointage/LedgerSnapshot.h"
#include "pointage/PageOutcome.h"
#include "pointage/StatusTypes.h"

#include <QSet>
#include <gtest/gtest.h>

using namespace pointage;

TEST(OutcomeText, EveryReasonHasAFrenchSentenceAndAUniqueKey)
{
    QSet<QString> keys;
    for (int i = static_cast<int>(ExceptionReason::BeforeFirstConfirmation);
         i <= static_cast<int>(ExceptionReason::InDossierOfException); ++i) {
        const auto reason = static_cast<ExceptionReason>(i);
        EXPECT_FALSE(reasonText(reason).isEmpty()) << i;
        keys.insert(reasonKey(reason));
    }
    EXPECT_EQ(keys.size(), 10);
    EXPECT_TRUE(reasonText(ExceptionReason::None).isEmpty());
}

TEST(OutcomeText, EveryBucketAndStateHasALabelAndAUniqueKey)
{
    QSet<QString> bucketKeys;
    for (int i = 0; i <= static_cast<int>(PageBucket::Ignored); ++i) {
        EXPECT_FALSE(bucketName(static_cast<PageBucket>(i)).isEmpty());
        bucketKeys.insert(bucketKey(static_cast<PageBucket>(i)));
    }
    EXPECT_EQ(bucketKeys.size(), 7);

    QSet<QString> stateKeys;
    for (int i = 0; i <= static_cast<int>(CandidateState::WithdrawnReceived); ++i) {
        EXPECT_FALSE(stateText(static_cast<CandidateState>(i)).isEmpty());
        stateKeys.insert(stateKey(static_cast<CandidateState>(i)));
    }
    EXPECT_EQ(stateKeys.size(), 12);
}

TEST(OutcomeText, DecisionKeysAreTheStoredOnes)
{
    EXPECT_EQ(decisionKey(DecisionKind::AssignConfirmation), QStringLiteral("assign_confirmation"));
    EXPECT_EQ(decisionKey(DecisionKind::AssignPiece), QStringLiteral("assign_piece"));
    EXPECT_EQ(decisionKey(DecisionKind::IgnorePage), QStringLiteral("ignore_page"));
    EXPECT_EQ(decisionKey(DecisionKind::ReceiveConfirmation),
              QStringLiteral("receive_confirmation"));
    EXPECT_EQ(decisionKey(DecisionKind::ReceivePiece), QStringLiteral("receive_piece"));
    EXPECT_EQ(decisionKey(DecisionKind::SignatureSigned), QStringLiteral("signature_signed"));
    EXPECT_EQ(decisionKey(DecisionKind::SignatureUnsigned), QStringLiteral("signature_unsigned"));
}
