// The page-image worker the web desk calls: request lines in, JPEG files out, each page set
// upright from the way it was read, whatever the way it was fed.
#include "PageDegradation.h"
#include "ScanFixtures.h"
#include "pointage/PageRenderWorker.h"
#include "scan/SymbolDecoder.h"

#include <QImage>
#include <QProcess>

using namespace pointage;
using namespace pointage::testkit;

namespace {

// Runs the real worker process (`pointage __render-worker`) over `requests`; its answers.
QByteArray serveRenderRequests(const QByteArray &requests)
{
    QProcess worker;
    worker.start(QStringLiteral(POINTAGE_BINARY), {QStringLiteral("__render-worker")});
    EXPECT_TRUE(worker.waitForStarted());
    worker.write(requests);
    worker.closeWriteChannel();
    EXPECT_TRUE(worker.waitForFinished(60000));
    return worker.readAllStandardOutput();
}

struct TurnedSheet
{
    const char *name;
    bool upsideDown;
    bool sideways;
    int rotation; // as the reader records it
};

class RenderedPageImage : public ::testing::TestWithParam<TurnedSheet>
{
};

TEST_P(RenderedPageImage, IsUprightWhateverWayTheSheetWasFed)
{
    const TurnedSheet sheet = GetParam();
    Degradation d;
    d.upsideDown = sheet.upsideDown;
    d.sideways = sheet.sideways;
    ScanFolder folder;
    const QString scan =
        folder.pdf(QStringLiteral("lot.pdf"), degrade(drawPage(confirmationSpec(), 200), d), 200);
    const QString jpeg = folder.path(QStringLiteral("page.jpg"));

    const QByteArray answers = serveRenderRequests(
        encodePageRenderRequest({scan, 0, 200, (360 - sheet.rotation) % 360, jpeg}));

    ASSERT_EQ(answers, "ok\n");
    const QImage image = QImage(jpeg).convertToFormat(QImage::Format_Grayscale8);
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(image.height(), image.width()); // A4 portrait again
    const QList<DecodedSymbol> symbols =
        decodeSymbols(image, SymbolPass{ZXing::BarcodeFormat::Code128, {}, true, true});
    ASSERT_EQ(symbols.size(), 1);
    EXPECT_EQ(symbols.first().read.rotation, 0);
}

INSTANTIATE_TEST_SUITE_P(FeedDirections, RenderedPageImage,
                         ::testing::Values(TurnedSheet{"upright", false, false, 0},
                                           TurnedSheet{"quarter_clockwise", false, true, 90},
                                           TurnedSheet{"upside_down", true, false, 180},
                                           TurnedSheet{"quarter_anticlockwise", true, true, 270}),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(PageRenderRequest, RefusesATurnThatIsNotAQuarter)
{
    EXPECT_TRUE(decodePageRenderRequest("render 0 100 90 a.pdf b.jpg\n").has_value());
    EXPECT_FALSE(decodePageRenderRequest("render 0 100 45 a.pdf b.jpg\n").has_value());
    EXPECT_FALSE(decodePageRenderRequest("render 0 100 360 a.pdf b.jpg\n").has_value());
    EXPECT_FALSE(decodePageRenderRequest("render 0 100 a.pdf b.jpg\n").has_value());
}

} // namespace
