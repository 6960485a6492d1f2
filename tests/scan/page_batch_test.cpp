// A small generated batch read end to end against its own ground truth: every expected code
// read, no value that is not on the page, blanks found, damaged codes suspected.
#include "PageBatch.h"
#include "ScanFixtures.h"
#include "pointage/PageReader.h"

using namespace pointage;
using namespace pointage::testkit;

namespace {

TEST(PageBatch, IsReadExactlyAsItsGroundTruthSays)
{
    BatchMix mix;
    mix.pages = 30;
    mix.seed = 7;
    mix.damagedConfirmations = 0.2;
    mix.foreignPages = 0.2;
    const QList<BatchPage> pages = planBatch(mix);
    ASSERT_EQ(pages.size(), 30);
    QSet<PageKind> kinds;
    for (const BatchPage &page : pages)
        kinds.insert(page.spec.kind);
    ASSERT_TRUE(kinds.contains(PageKind::Confirmation) && kinds.contains(PageKind::Blank) &&
                kinds.contains(PageKind::Supporting))
        << "the seed no longer gives a representative mix";

    ScanFolder folder;
    const QString file = folder.path(QStringLiteral("lot.pdf"));
    ASSERT_TRUE(writeBatchPdf(file, pages, 200));
    auto source = openOrFail(file, PdfRendering::FastWhenPlainScan);
    ASSERT_TRUE(source);
    ASSERT_EQ(source->pageCount(), 30);
    const PageReader reader;
    for (int i = 0; i < pages.size(); ++i) {
        const BatchPage &expected = pages.at(i);
        const PageRead read = reader.read(*source, i);
        QStringList found;
        for (const BarcodeRead &code : read.codes)
            found.append(code.format + QLatin1Char(':') + code.text);
        QStringList wanted = expected.expectedCodes();
        found.sort();
        wanted.sort();
        EXPECT_EQ(found, wanted) << "page " << i + 1;
        EXPECT_EQ(read.blank, expected.spec.kind == PageKind::Blank) << "page " << i + 1;
        EXPECT_EQ(read.suspectedCode, expected.spec.kind == PageKind::DamagedCode)
            << "page " << i + 1;
        if (!read.codes.isEmpty()) {
            EXPECT_EQ(read.rotation, expected.degradation.upsideDown ? 180 : 0) << "page " << i + 1;
        }
    }
}

TEST(PageBatch, GroundTruthBucketsFollowTheDossiers)
{
    BatchMix mix;
    mix.pages = 200;
    for (const BatchPage &page : planBatch(mix)) {
        switch (page.spec.kind) {
        case PageKind::Confirmation:
            EXPECT_EQ(page.expectedBucket(), PageBucket::Confirmation);
            EXPECT_EQ(page.owner, page.spec.payload.left(11));
            break;
        case PageKind::DamagedCode:
            EXPECT_EQ(page.expectedReason(), ExceptionReason::UnreadableCode);
            break;
        case PageKind::Separator:
            EXPECT_EQ(QStringLiteral("PJ-") + page.pieceCode, page.spec.payload);
            break;
        default:
            break;
        }
    }
}

} // namespace
