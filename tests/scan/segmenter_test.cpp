#include "pointage/Segmenter.h"

#include <gtest/gtest.h>

using namespace pointage;

namespace {

const QString kA = QStringLiteral("01234567890");
const QString kB = QStringLiteral("09876543210");

struct Expected
{
    PageBucket bucket;
    ExceptionReason reason;
    QString candidate;
    QString piece;
};

void expectSegments(const QList<PageRole> &roles, const QList<Expected> &expected)
{
    const QList<PageSegment> segments = segmentFile(roles);
    ASSERT_EQ(segments.size(), roles.size()); // every page ends in exactly one bucket
    ASSERT_EQ(segments.size(), expected.size());
    for (int i = 0; i < segments.size(); ++i) {
        SCOPED_TRACE(i + 1);
        EXPECT_EQ(bucketKey(segments.at(i).bucket), bucketKey(expected.at(i).bucket));
        EXPECT_EQ(reasonKey(segments.at(i).reason), reasonKey(expected.at(i).reason));
        EXPECT_EQ(segments.at(i).candidateNumber, expected.at(i).candidate);
        EXPECT_EQ(segments.at(i).pieceCode, expected.at(i).piece);
    }
}

constexpr auto None = ExceptionReason::None;

} // namespace

TEST(Segmenter, ConfirmationOpensADossierAndPlainPagesFollowIt)
{
    expectSegments({PageRole::confirmation(kA), PageRole::plain(), PageRole::plain(),
                    PageRole::confirmation(kB), PageRole::plain()},
                   {{PageBucket::Confirmation, None, kA, {}},
                    {PageBucket::Supporting, None, kA, {}},
                    {PageBucket::Supporting, None, kA, {}},
                    {PageBucket::Confirmation, None, kB, {}},
                    {PageBucket::Supporting, None, kB, {}}});
}

TEST(Segmenter, SeparatorTypesThePagesUntilTheNextSeparatorOrConfirmation)
{
    const QString id = QStringLiteral("ID");
    const QString diploma = QStringLiteral("DIPLOME");
    expectSegments({PageRole::confirmation(kA), PageRole::separator(id), PageRole::plain(),
                    PageRole::plain(), PageRole::separator(diploma), PageRole::plain(),
                    PageRole::confirmation(kB), PageRole::plain()},
                   {{PageBucket::Confirmation, None, kA, {}},
                    {PageBucket::Separator, None, kA, id},
                    {PageBucket::Supporting, None, kA, id},
                    {PageBucket::Supporting, None, kA, id},
                    {PageBucket::Separator, None, kA, diploma},
                    {PageBucket::Supporting, None, kA, diploma},
                    {PageBucket::Confirmation, None, kB, {}},
                    {PageBucket::Supporting, None, kB, {}}});
}

TEST(Segmenter, PagesBeforeTheFirstConfirmationAreExceptions)
{
    expectSegments({PageRole::plain(), PageRole::separator(QStringLiteral("ID")), PageRole::plain(),
                    PageRole::confirmation(kA), PageRole::plain()},
                   {{PageBucket::Exception, ExceptionReason::BeforeFirstConfirmation, {}, {}},
                    {PageBucket::Separator, None, {}, QStringLiteral("ID")},
                    {PageBucket::Exception,
                     ExceptionReason::BeforeFirstConfirmation,
                     {},
                     QStringLiteral("ID")},
                    {PageBucket::Confirmation, None, kA, {}},
                    {PageBucket::Supporting, None, kA, {}}});
}

TEST(Segmenter, PagesAfterAPossibleConfirmationAreNeverMergedIntoThePreviousDossier)
{
    for (ExceptionReason reason :
         {ExceptionReason::UnreadableCode, ExceptionReason::ConflictingCodes,
          ExceptionReason::DecodeFailed}) {
        SCOPED_TRACE(reasonKey(reason).toStdString());
        expectSegments({PageRole::confirmation(kA), PageRole::plain(), PageRole::exception(reason),
                        PageRole::plain(), PageRole::blank(), PageRole::plain(),
                        PageRole::confirmation(kB), PageRole::plain()},
                       {{PageBucket::Confirmation, None, kA, {}},
                        {PageBucket::Supporting, None, kA, {}},
                        {PageBucket::Exception, reason, {}, {}},
                        {PageBucket::Exception, ExceptionReason::InDossierOfException, {}, {}},
                        {PageBucket::Blank, None, {}, {}},
                        {PageBucket::Exception, ExceptionReason::InDossierOfException, {}, {}},
                        {PageBucket::Confirmation, None, kB, {}},
                        {PageBucket::Supporting, None, kB, {}}});
    }
}

TEST(Segmenter, ForeignCodedPageDoesNotEndTheDossier)
{
    expectSegments({PageRole::confirmation(kA),
                    PageRole::exception(ExceptionReason::ForeignCode, QStringLiteral("DC04")),
                    PageRole::plain()},
                   {{PageBucket::Confirmation, None, kA, {}},
                    {PageBucket::Exception, ExceptionReason::ForeignCode, {}, {}},
                    {PageBucket::Supporting, None, kA, {}}});
}

TEST(Segmenter, BlankAndIgnoredPagesKeepTheDossierAndItsPieceType)
{
    const QString id = QStringLiteral("ID");
    expectSegments({PageRole::confirmation(kA), PageRole::separator(id), PageRole::blank(),
                    PageRole::ignored(), PageRole::plain()},
                   {{PageBucket::Confirmation, None, kA, {}},
                    {PageBucket::Separator, None, kA, id},
                    {PageBucket::Blank, None, {}, id},
                    {PageBucket::Ignored, None, {}, id},
                    {PageBucket::Supporting, None, kA, id}});
}

TEST(Segmenter, PageAssignedByAPersonStandsAloneAndLeavesTheDossierAsItWas)
{
    const QString diploma = QStringLiteral("DIPLOME");
    expectSegments(
        {PageRole::confirmation(kA), PageRole::supportingOf(kB, diploma), PageRole::plain()},
        {{PageBucket::Confirmation, None, kA, {}},
         {PageBucket::Supporting, None, kB, diploma},
         {PageBucket::Supporting, None, kA, {}}});
    const QList<PageSegment> segments =
        segmentFile({PageRole::confirmation(kA), PageRole::supportingOf(kB)});
    EXPECT_EQ(segments.at(1).dossierStart, -1);
}

TEST(Segmenter, RecordsWhichPageOpenedEachDossier)
{
    const QList<PageSegment> segments =
        segmentFile({PageRole::plain(), PageRole::confirmation(kA), PageRole::plain(),
                     PageRole::exception(ExceptionReason::UnreadableCode), PageRole::plain()});
    EXPECT_EQ(segments.at(0).dossierStart, -1);
    EXPECT_EQ(segments.at(1).dossierStart, 1);
    EXPECT_EQ(segments.at(2).dossierStart, 1);
    EXPECT_EQ(segments.at(3).dossierStart, 3);
    EXPECT_EQ(segments.at(4).dossierStart, 3);
}

TEST(Segmenter, EmptyFileGivesNoSegments)
{
    EXPECT_TRUE(segmentFile({}).isEmpty());
}
