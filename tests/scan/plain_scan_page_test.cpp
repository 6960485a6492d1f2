// The fast path: which PDF pages count as a plain scan, that their embedded JPEG decodes to
// the same page Poppler renders (rotation included), and that odd or hostile PDFs fall back
// or fail cleanly instead of crashing or hanging.
#include "ScanFixtures.h"
#include "pointage/PageReader.h"
#include "scan/PdfFile.h"
#include "scan/PdfPageSource.h"
#include "scan/PlainScanPage.h"

#include <cmath>

using namespace pointage;
using namespace pointage::testkit;

namespace {

QImage scannedConfirmation(int dpi, bool upsideDown = false)
{
    Degradation d = Degradation::typicalScan(11);
    d.upsideDown = upsideDown;
    d.skewDegrees = 1.2;
    return degrade(drawPage(confirmationSpec(), dpi), d);
}

// Mean absolute grey difference between two renderings of the same page, at the best
// alignment within one pixel: renderers place pixel centres differently when they resample,
// which is not a disagreement about the page.
double meanDifference(const QImage &a, const QImage &b)
{
    double best = 255;
    for (int dx = -1; dx <= 1; ++dx) {
        for (int dy = -1; dy <= 1; ++dy) {
            qint64 total = 0;
            qint64 count = 0;
            for (int y = 2; y < std::min(a.height(), b.height()) - 2; ++y) {
                const uchar *p = a.constScanLine(y);
                const uchar *q = b.constScanLine(y + dy);
                for (int x = 2; x < std::min(a.width(), b.width()) - 2; ++x, ++count)
                    total += std::abs(int(p[x]) - int(q[x + dx]));
            }
            best = std::min(best, double(total) / double(count));
        }
    }
    return best;
}

PdfPageSource &asPdf(PageSource &source)
{
    return static_cast<PdfPageSource &>(source);
}

struct LayoutCase
{
    const char *name;
    PdfImageEncoding encoding;
    PdfPageOptions options;
    bool plainScan;
};

const LayoutCase kLayouts[] = {
    {"GreyJpeg", PdfImageEncoding::GreyJpeg, {}, true},
    {"ColourJpeg", PdfImageEncoding::ColourJpeg, {}, true},
    {"ProgressiveJpeg", PdfImageEncoding::ProgressiveGreyJpeg, {}, true},
    {"Rotated180", PdfImageEncoding::GreyJpeg, {180, false, false}, true},
    {"Rotated90", PdfImageEncoding::GreyJpeg, {90, false, false}, true},
    {"Rotated270", PdfImageEncoding::GreyJpeg, {270, false, false}, true},
    {"FlateImage", PdfImageEncoding::GreyFlate, {}, false},
    {"VectorStampOverImage", PdfImageEncoding::GreyJpeg, {0, true, false}, false},
    {"SecondImage", PdfImageEncoding::GreyJpeg, {0, false, true}, false},
};

class PdfLayout : public ::testing::TestWithParam<LayoutCase>
{
};

TEST_P(PdfLayout, FastPathOnlyForPlainScansAndRendersLikePoppler)
{
    const LayoutCase &c = GetParam();
    ScanFolder folder;
    const QString file = folder.pdf(QStringLiteral("scan.pdf"), scannedConfirmation(200), 200,
                                    c.encoding, c.options);
    auto fast = openOrFail(file, PdfRendering::FastWhenPlainScan);
    auto poppler = openOrFail(file, PdfRendering::PopplerOnly);
    ASSERT_TRUE(fast && poppler);
    EXPECT_EQ(asPdf(*fast).usesFastPath(0), c.plainScan);
    EXPECT_FALSE(asPdf(*poppler).usesFastPath(0));

    const Result<QImage> a = fast->render(0, 150);
    const Result<QImage> b = poppler->render(0, 150);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NEAR(a->width(), b->width(), 2);
    EXPECT_NEAR(a->height(), b->height(), 2);
    EXPECT_LT(meanDifference(a.value(), b.value()), 8.0)
        << "the two paths disagree on the page's pixels";

    const PageRead fastRead = PageReader().read(*fast, 0);
    const PageRead popplerRead = PageReader().read(*poppler, 0);
    ASSERT_EQ(fastRead.codes.size(), 1);
    ASSERT_EQ(popplerRead.codes.size(), 1);
    EXPECT_EQ(fastRead.codes.first().text, popplerRead.codes.first().text);
    EXPECT_EQ(fastRead.rotation, popplerRead.rotation);
}

// A part of the page rendered alone holds the whole page's pixels where its offset places it:
// the fast path decodes only the rows it needs, scaled, at every /Rotate; the others crop.
TEST_P(PdfLayout, AnAreaHasTheWholePagesPixelsWhereItLies)
{
    const LayoutCase &c = GetParam();
    ScanFolder folder;
    const QString file = folder.pdf(QStringLiteral("scan.pdf"), scannedConfirmation(200), 200,
                                    c.encoding, c.options);
    const QRectF areas[] = {QRectF(0.3, 0.02, 0.5, 0.06), QRectF(0.05, 0.85, 0.4, 0.1),
                            QRectF(0, 0, 1, 1)};
    // 150 dpi is 6/8 of the scan (libjpeg's scaled transform), 200 its own resolution.
    for (const auto &[rendering, dpi] : {std::pair(PdfRendering::FastWhenPlainScan, 150),
                                         std::pair(PdfRendering::FastWhenPlainScan, 200),
                                         std::pair(PdfRendering::PopplerOnly, 150)}) {
        auto source = openOrFail(file, rendering);
        ASSERT_TRUE(source);
        const Result<QImage> whole = source->render(0, dpi);
        ASSERT_TRUE(whole.ok());
        for (const QRectF &within : areas) {
            const Result<QImage> part = source->renderArea(0, dpi, within);
            ASSERT_TRUE(part.ok());
            const QRect wanted = pixelsWithin(whole->size(), within);
            const QRect got(part->offset(), part->size());
            SCOPED_TRACE(testing::Message()
                         << (rendering == PdfRendering::PopplerOnly ? "Poppler " : "fast path ")
                         << dpi << " dpi, part at " << got.x() << "," << got.y() << " "
                         << got.width() << "x" << got.height());
            EXPECT_TRUE(got.contains(wanted));
            EXPECT_TRUE(whole->copy(got) == part.value()) << "pixels differ";
            EXPECT_NEAR(renderedDpi(part.value(), 0), renderedDpi(whole.value(), 0), 0.1);
            if (rendering == PdfRendering::FastWhenPlainScan && c.plainScan)
                EXPECT_LT(got.height(), wanted.height() + 16) << "more rows than needed";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Layouts, PdfLayout, ::testing::ValuesIn(kLayouts),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(PlainScanPage, UpsideDownScanGivesSameOrientationOnBothPaths)
{
    ScanFolder folder;
    const QString file =
        folder.pdf(QStringLiteral("flip.pdf"), scannedConfirmation(300, true), 300);
    for (const PdfRendering rendering :
         {PdfRendering::FastWhenPlainScan, PdfRendering::PopplerOnly}) {
        auto source = openOrFail(file, rendering);
        ASSERT_TRUE(source);
        const PageRead read = PageReader().read(*source, 0);
        ASSERT_EQ(read.codes.size(), 1);
        EXPECT_EQ(read.rotation, 180);
    }
}

// libjpeg scales by eighths only: a resolution between two of them (the desk's 24-dpi
// thumbnails, its 100-dpi pages) is still given at the size asked, not at the next eighth up.
TEST(PlainScanPage, GivesTheResolutionAskedBetweenLibjpegsScales)
{
    ScanFolder folder;
    const QString file = folder.pdf(QStringLiteral("scan.pdf"), scannedConfirmation(300), 300);
    auto source = openOrFail(file, PdfRendering::FastWhenPlainScan);
    ASSERT_TRUE(source && asPdf(*source).usesFastPath(0));
    for (const int dpi : {24, 100, 150, 300}) {
        const Result<QImage> page = source->render(0, dpi);
        ASSERT_TRUE(page.ok());
        EXPECT_NEAR(page->width(), 8.27 * dpi, 2) << dpi << " dpi"; // A4 is 8.27 inches wide
        EXPECT_NEAR(renderedDpi(page.value(), 0), dpi, 0.5);
        EXPECT_EQ(page->format(), QImage::Format_Grayscale8);
    }
    const Result<QImage> band = source->renderArea(0, 100, QRectF(0, 0.9, 1, 0.1));
    ASSERT_TRUE(band.ok());
    EXPECT_NEAR(band->offset().y(), 11.69 * 100 * 0.9, 3); // A4 is 11.69 inches tall
    EXPECT_NEAR(band->width(), 827, 2);
}

TEST(PlainScanPage, FindsEachPageOfAMultiPageScan)
{
    ScanPdfWriter writer;
    for (int i = 0; i < 3; ++i)
        writer.addPage(drawPage(pageSpec(PageKind::Blank), 100), 100);
    const QByteArray bytes = writer.pdf();
    const std::optional<PdfFile> file = PdfFile::index(bytes);
    ASSERT_TRUE(file.has_value());
    ASSERT_EQ(file->pageCount(), 3);
    for (int i = 0; i < 3; ++i) {
        const std::optional<PlainScanPage> page = PlainScanPage::find(*file, i);
        ASSERT_TRUE(page.has_value()) << i;
        EXPECT_EQ(page->imageWidth, 827);
        EXPECT_TRUE(page->jpeg.startsWith("\xFF\xD8"));
    }
}

TEST(PdfFile, RefusesWhatItCannotWalk)
{
    const QByteArray cyclic = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                              "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                              "3 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\n"
                              "trailer << /Root 1 0 R >>\n%%EOF\n";
    const QByteArray selfReference = "%PDF-1.4\n1 0 obj 1 0 R endobj\n"
                                     "trailer << /Root 1 0 R >>\n%%EOF\n";
    const QByteArray deepArray = "%PDF-1.4\n1 0 obj " + QByteArray(100000, '[') +
                                 " endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    const QByteArray unterminated = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages (abc";
    for (const QByteArray &bytes :
         {cyclic, selfReference, deepArray, unterminated, QByteArray("%PDF-1.7\n"), QByteArray()})
        EXPECT_FALSE(PdfFile::index(bytes).has_value()) << bytes.left(60).constData();
}

// A file full of unterminated objects would make a naive scanner quadratic (a hang on a large
// file); the index walks each byte a bounded number of times.
TEST(PdfFile, StaysLinearOnHostileInput)
{
    const QByteArray hostile = "%PDF-1.4\n" + QByteArray("1 0 obj (").repeated(400000);
    EXPECT_FALSE(PdfFile::index(hostile).has_value());
}

// Every prefix and every locally corrupted copy of a real scan is handled without a crash:
// either not indexed, or indexed with pages that decode or are declined.
TEST(PdfFile, SurvivesTruncationAndCorruption)
{
    ScanPdfWriter writer;
    writer.addPage(drawPage(confirmationSpec(), 60), 60);
    writer.addPage(drawPage(pageSpec(PageKind::Supporting), 60), 60);
    const QByteArray whole = writer.pdf();
    quint32 state = 12345;
    for (qsizetype cut = 0; cut <= whole.size(); cut += std::max<qsizetype>(1, whole.size() / 97)) {
        QByteArray damaged = whole;
        state = state * 1103515245u + 12345u;
        const qsizetype at = qsizetype(state % quint32(whole.size()));
        for (qsizetype i = at; i < std::min(whole.size(), at + 16); ++i)
            damaged[i] = char(state >> (i % 24));
        for (const QByteArray &bytes : {whole.left(cut), damaged}) {
            const std::optional<PdfFile> file = PdfFile::index(bytes);
            for (int page = 0; file && page < file->pageCount(); ++page)
                if (const auto scan = PlainScanPage::find(*file, page))
                    (void)scan->decode(30);
        }
    }
}

} // namespace
