// The zxing 1.4 guard: Debian's build aborts the whole process when ReadBarcodes downscales
// an image >= 500 px wide holding a linear code. Every call must keep tryDownscale off.
#include "BarcodeImage.h"
#include "ScanFixtures.h"
#include "pointage/PageReader.h"
#include "scan/SymbolDecoder.h"

using namespace pointage;
using namespace pointage::testkit;

namespace {

TEST(SymbolDecoder, NeverAsksZxingToDownscale)
{
    for (const bool tryHarder : {false, true})
        for (const bool tryRotate : {false, true}) {
            SymbolPass pass{ZXing::BarcodeFormat::Any, ZXing::Binarizer::GlobalHistogram, tryHarder,
                            tryRotate};
            EXPECT_FALSE(hintsFor(pass).tryDownscale());
        }
}

// The input that aborted zxing 1.4.0 with default hints: a wide image with a Code 128.
TEST(SymbolDecoder, ReadsWideImageWithLinearCodeWithoutAborting)
{
    const QImage code = barcodeImage(Symbology::Code128, QStringLiteral("0221D5473589"), 4, 120);
    QImage wide(std::max(1600, code.width() + 200), 900, QImage::Format_Grayscale8);
    wide.fill(255);
    for (int y = 0; y < code.height(); ++y)
        memcpy(wide.scanLine(300 + y) + 100, code.constScanLine(y), size_t(code.width()));
    ASSERT_GE(wide.width(), 500);
    const QList<DecodedSymbol> symbols = decodeSymbols(wide, SymbolPass{ZXing::BarcodeFormat::Any});
    ASSERT_EQ(symbols.size(), 1);
    EXPECT_EQ(symbols.first().read.text, QStringLiteral("0221D5473589"));

    ScanFolder folder;
    const QString file = folder.pdf(QStringLiteral("wide.pdf"), wide, 150);
    auto source = openOrFail(file);
    ASSERT_TRUE(source);
    const PageRead read = PageReader().read(*source, 0);
    ASSERT_EQ(read.codes.size(), 1);
    EXPECT_EQ(read.codes.first().text, QStringLiteral("0221D5473589"));
}

// Two different values of one format on one page are both reported: the classifier flags
// the conflict instead of the reader silently picking one.
TEST(SymbolDecoder, KeepsDisagreeingReadsOfTheSameFormat)
{
    const QImage a = barcodeImage(Symbology::Code128, QStringLiteral("0221D5473589"), 3, 90);
    const QImage b = barcodeImage(Symbology::Code128, QStringLiteral("0021Dz470589"), 3, 90);
    QImage page(1240, 1754, QImage::Format_Grayscale8);
    page.fill(255);
    for (int y = 0; y < a.height(); ++y) {
        memcpy(page.scanLine(200 + y) + 100, a.constScanLine(y), size_t(a.width()));
        memcpy(page.scanLine(900 + y) + 100, b.constScanLine(y), size_t(b.width()));
    }
    ScanFolder folder;
    auto source = openOrFail(folder.pdf(QStringLiteral("two.pdf"), page, 150));
    ASSERT_TRUE(source);
    QStringList values;
    for (const BarcodeRead &code : PageReader().read(*source, 0).codes)
        values.append(code.text);
    values.sort();
    EXPECT_EQ(values,
              (QStringList{QStringLiteral("0021Dz470589"), QStringLiteral("0221D5473589")}));
}

} // namespace
