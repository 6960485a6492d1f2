// A page whose reading failed (crash, memory cap, time-out) is an exception whose reason is the
// failure and whose detail is what happened; the words never pose as a code read on the page.
#include "ReconcileFixtures.h"
#include "SnapshotBuilder.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testfixtures;
using pointage::testkit::SnapshotBuilder;

TEST(DecodeFailureOutcome, FailureIsTheReasonAndItsWordsTheDetailNotACodeRead)
{
    SnapshotBuilder builder;
    builder.beginFile(QStringLiteral("lot1.pdf"), december(5));
    const qint64 page = builder.addDecodeFailure();
    LedgerSnapshot snapshot = builder.snapshot();
    const QString why = QStringLiteral("la lecture de cette page a dépassé 20 s et a été "
                                       "abandonnée (PDF endommagé ou piégé ?)");
    snapshot.pages.last().read.decodeError = why;

    const AcademieStatus status = reconcileOn(snapshot, december(10));
    const PageOutcome &outcome = outcomeOf(status, page);
    EXPECT_EQ(outcome.bucket, PageBucket::Exception);
    EXPECT_EQ(outcome.reason, ExceptionReason::DecodeFailed);
    EXPECT_EQ(outcome.detail, why);
    EXPECT_TRUE(outcome.value.isEmpty()) << outcome.value.toStdString();
}
