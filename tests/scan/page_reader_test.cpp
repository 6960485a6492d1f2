// PageReader on generated scans: every scanner defect at 200 and 300 dpi, orientation, blank
// backs, supporting pages, separators, foreign and damaged codes, every symbology we read.
#include "PageBatch.h"
#include "ScanFixtures.h"
#include "pointage/PageReader.h"

#include <QPainter>

using namespace pointage;
using namespace pointage::testkit;

namespace {

struct DegradationCase
{
    const char *name;
    Degradation degradation;
};

Degradation typical()
{
    return Degradation::typicalScan(7);
}

Degradation with(void (*change)(Degradation &))
{
    Degradation d = typical();
    change(d);
    return d;
}

const DegradationCase kDegradations[] = {
    {"clean", Degradation{}},
    {"typical", typical()},
    {"skew_plus_3", with([](Degradation &d) { d.skewDegrees = 3.0; })},
    {"skew_minus_3", with([](Degradation &d) { d.skewDegrees = -3.0; })},
    {"upside_down_skewed", with([](Degradation &d) {
         d.upsideDown = true;
         d.skewDegrees = 1.5;
     })},
    {"sideways_90", with([](Degradation &d) { d.sideways = true; })},
    {"sideways_270_skewed", with([](Degradation &d) {
         d.sideways = true;
         d.upsideDown = true;
         d.skewDegrees = -2.0;
     })},
    {"noisy", with([](Degradation &d) { d.noiseSigma = 14; })},
    {"blurred", with([](Degradation &d) { d.blurRadius = 1; })},
    {"faint", with([](Degradation &d) {
         d.inkContrast = 0.4;
         d.paperGrey = 230;
     })},
    {"jpeg_quality_30", with([](Degradation &d) { d.jpegQuality = 30; })},
    {"everything", with([](Degradation &d) {
         d.skewDegrees = -2.5;
         d.upsideDown = true;
         d.inkContrast = 0.5;
         d.blurRadius = 1;
         d.noiseSigma = 8;
         d.jpegQuality = 45;
     })},
};

int quarterTurns(const Degradation &d)
{
    return ((d.upsideDown ? 180 : 0) + (d.sideways ? 90 : 0)) % 360;
}

PageRead readPage(const PageSpec &spec, const Degradation &degradation, int dpi,
                  PdfImageEncoding encoding = PdfImageEncoding::GreyJpeg)
{
    ScanFolder folder;
    const QString file = folder.pdf(QStringLiteral("page.pdf"),
                                    degrade(drawPage(spec, dpi), degradation), dpi, encoding);
    auto source = openOrFail(file, PdfRendering::FastWhenPlainScan);
    if (!source)
        return {};
    return PageReader().read(*source, 0);
}

QStringList valuesOf(const PageRead &read)
{
    QStringList values;
    for (const BarcodeRead &code : read.codes)
        values.append(code.format + QLatin1Char(':') + code.text);
    return values;
}

class ConfirmationUnderDegradation
    : public ::testing::TestWithParam<std::tuple<int, DegradationCase>>
{
};

TEST_P(ConfirmationUnderDegradation, ReadsThePayloadAndOrientation)
{
    const auto &[dpi, degradation] = GetParam();
    const PageRead read = readPage(confirmationSpec(), degradation.degradation, dpi);
    EXPECT_TRUE(read.decodeError.isEmpty()) << qPrintable(read.decodeError);
    EXPECT_FALSE(read.blank);
    EXPECT_EQ(valuesOf(read), QStringList{QStringLiteral("Code128:01234567890-123V2")});
    EXPECT_EQ(read.rotation, quarterTurns(degradation.degradation));
}

INSTANTIATE_TEST_SUITE_P(DpiTimesDefect, ConfirmationUnderDegradation,
                         ::testing::Combine(::testing::Values(200, 300),
                                            ::testing::ValuesIn(kDegradations)),
                         [](const auto &info) {
                             return std::to_string(std::get<0>(info.param)) + "dpi_" +
                                    std::get<1>(info.param).name;
                         });

TEST(PageReader, ReadsBothCodesOfAConfirmationWithQrCode)
{
    PageSpec spec = confirmationSpec(QStringLiteral("01234567890"));
    spec.withQrCode = true;
    const PageRead read = readPage(spec, typical(), 300);
    QStringList values = valuesOf(read);
    values.sort();
    EXPECT_EQ(values, (QStringList{QStringLiteral("Code128:01234567890"),
                                   QStringLiteral("QRCode:01234567890")}));
}

// A QR code printed against a block of text no longer looks like a 2D code on its own (the
// text joins it into one wide block); it must still be read beside the barcode, whose value
// it cross-checks.
TEST(PageReader, ReadsAQrCodeCrowdedByTextBesideTheBarcode)
{
    PageSpec spec = confirmationSpec(QStringLiteral("01234567890"));
    spec.withQrCode = true;
    QImage page = drawPage(spec, 300);
    {
        QPainter painter(&page);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(30);
        painter.setFont(font);
        const auto mm = [](double v) {
            return int(v * 300 / 25.4);
        };
        for (int line = 0; line < 9; ++line)
            painter.drawText(QRect(mm(112), mm(57) + line * 36, mm(64.8), 36),
                             Qt::AlignRight | Qt::AlignVCenter,
                             QStringLiteral("Réf. dossier 2027 — session de juin, voie pro"));
    }
    ScanFolder folder;
    const QString file = folder.pdf(QStringLiteral("page.pdf"), degrade(page, typical()), 300);
    auto source = openOrFail(file, PdfRendering::FastWhenPlainScan);
    ASSERT_TRUE(source);
    QStringList values = valuesOf(PageReader().read(*source, 0));
    values.sort();
    EXPECT_EQ(values, (QStringList{QStringLiteral("Code128:01234567890"),
                                   QStringLiteral("QRCode:01234567890")}));
}

struct TurnCase
{
    const char *name;
    Symbology symbology;
    bool upsideDown;
    bool sideways;
};

class CodeOnlyPageTurned : public ::testing::TestWithParam<TurnCase>
{
};

TEST_P(CodeOnlyPageTurned, IsReadWithTheWayItLay)
{
    const TurnCase turn = GetParam();
    const PageSpec spec =
        pageSpec(PageKind::Confirmation, QStringLiteral("01234567890"), turn.symbology);
    Degradation d = typical();
    d.upsideDown = turn.upsideDown;
    d.sideways = turn.sideways;
    const PageRead read = readPage(spec, d, 200);
    ASSERT_EQ(read.codes.size(), 1);
    EXPECT_EQ(read.codes.first().text, QStringLiteral("01234567890"));
    EXPECT_EQ(read.rotation, quarterTurns(d));
}

INSTANTIATE_TEST_SUITE_P(
    QuarterTurns, CodeOnlyPageTurned,
    ::testing::Values(TurnCase{"qr_180", Symbology::QRCode, true, false},
                      TurnCase{"qr_90", Symbology::QRCode, false, true},
                      TurnCase{"qr_270", Symbology::QRCode, true, true},
                      TurnCase{"datamatrix_90", Symbology::DataMatrix, false, true},
                      TurnCase{"datamatrix_270", Symbology::DataMatrix, true, true},
                      TurnCase{"code39_90", Symbology::Code39, false, true},
                      TurnCase{"code39_270", Symbology::Code39, true, true}),
    [](const auto &info) { return std::string(info.param.name); });

struct SymbologyCase
{
    Symbology symbology;
    const char *payload;
};

class EverySymbology : public ::testing::TestWithParam<SymbologyCase>
{
};

TEST_P(EverySymbology, IsReadFromAConfirmationPage)
{
    const SymbologyCase c = GetParam();
    const QString payload = QString::fromLatin1(c.payload);
    const PageRead read =
        readPage(pageSpec(PageKind::Confirmation, payload, c.symbology), typical(), 300);
    EXPECT_EQ(valuesOf(read), QStringList{symbologyName(c.symbology) + QLatin1Char(':') + payload});
}

INSTANTIATE_TEST_SUITE_P(
    Formats, EverySymbology,
    ::testing::Values(SymbologyCase{Symbology::Code128, "01234567890-123V2"},
                      SymbologyCase{Symbology::Code39, "01234567890"},
                      SymbologyCase{Symbology::QRCode, "01234567890-123V2"},
                      SymbologyCase{Symbology::DataMatrix, "01234567890-123V2"}),
    [](const auto &info) { return symbologyName(info.param.symbology).toStdString(); });

TEST(PageReader, DetectsBlankBackDespiteNoiseAndScannerEdges)
{
    Degradation d = typical();
    d.noiseSigma = 10;
    d.skewDegrees = 2;
    const PageRead read = readPage(pageSpec(PageKind::Blank), d, 300);
    EXPECT_TRUE(read.blank);
    EXPECT_TRUE(read.codes.isEmpty());
    EXPECT_FALSE(read.suspectedCode);
}

TEST(PageReader, SupportingPageIsNeitherBlankNorCoded)
{
    for (int variant = 0; variant < 4; ++variant) {
        PageSpec spec = pageSpec(PageKind::Supporting);
        spec.variant = variant;
        const PageRead read = readPage(spec, typical(), 300);
        EXPECT_FALSE(read.blank) << variant;
        EXPECT_TRUE(read.codes.isEmpty()) << variant;
        EXPECT_FALSE(read.suspectedCode) << variant;
    }
}

TEST(PageReader, FaintPageIsNotBlank)
{
    Degradation d = typical();
    d.inkContrast = 0.35;
    d.paperGrey = 225;
    const PageRead read = readPage(pageSpec(PageKind::Supporting), d, 200);
    EXPECT_FALSE(read.blank);
}

TEST(PageReader, ReadsSeparatorSheet)
{
    const PageRead read =
        readPage(pageSpec(PageKind::Separator, QStringLiteral("PJ-DIPLOME")), typical(), 200);
    EXPECT_EQ(valuesOf(read), QStringList{QStringLiteral("Code128:PJ-DIPLOME")});
}

TEST(PageReader, ReadsForeignCodesAsTheirRawValue)
{
    const QString ean = ean13WithCheckDigit(QStringLiteral("376012345678"));
    EXPECT_EQ(
        valuesOf(readPage(pageSpec(PageKind::ForeignCode, ean, Symbology::Ean13), typical(), 300)),
        QStringList{symbologyName(Symbology::Ean13) + QLatin1Char(':') + ean});
    EXPECT_EQ(valuesOf(readPage(pageSpec(PageKind::ForeignCode, QStringLiteral("COLIS48213377")),
                                typical(), 300)),
              QStringList{QStringLiteral("Code128:COLIS48213377")});
}

class DamagedCode : public ::testing::TestWithParam<std::tuple<int, Symbology>>
{
};

TEST_P(DamagedCode, IsSuspectedButYieldsNoValue)
{
    const auto [dpi, symbology] = GetParam();
    const PageRead read = readPage(
        pageSpec(PageKind::DamagedCode, QStringLiteral("01234567890"), symbology), typical(), dpi);
    EXPECT_TRUE(read.codes.isEmpty()) << qPrintable(valuesOf(read).join(u' '));
    EXPECT_TRUE(read.suspectedCode);
    EXPECT_FALSE(read.blank);
}

INSTANTIATE_TEST_SUITE_P(DpiTimesSymbology, DamagedCode,
                         ::testing::Combine(::testing::Values(200, 300),
                                            ::testing::Values(Symbology::Code128, Symbology::Code39,
                                                              Symbology::QRCode,
                                                              Symbology::DataMatrix)),
                         [](const auto &info) {
                             return std::to_string(std::get<0>(info.param)) + "dpi_" +
                                    symbologyName(std::get<1>(info.param)).toStdString();
                         });

// Photos, MRZ lines, stamps and tables must never pass for an unreadable code: a false
// « code illisible » sends a clerk to look for a confirmation that is not there.
class SupportingDocument : public ::testing::TestWithParam<std::tuple<int, PieceDocument>>
{
};

TEST_P(SupportingDocument, RaisesNoUnreadableCode)
{
    const auto [dpi, document] = GetParam();
    for (const Degradation &d : {typical(), with([](Degradation &d) { d.jpegQuality = 35; }),
                                 with([](Degradation &d) { d.sideways = true; })}) {
        PageSpec spec = pageSpec(PageKind::Supporting);
        spec.document = document;
        const PageRead read = readPage(spec, d, dpi);
        EXPECT_FALSE(read.blank);
        EXPECT_TRUE(read.codes.isEmpty()) << qPrintable(valuesOf(read).join(u' '));
        EXPECT_FALSE(read.suspectedCode);
    }
}

INSTANTIATE_TEST_SUITE_P(
    DpiTimesDocument, SupportingDocument,
    ::testing::Combine(::testing::Values(200, 300),
                       ::testing::Values(PieceDocument::Generic, PieceDocument::IdCard,
                                         PieceDocument::ApprenticeshipContract,
                                         PieceDocument::Diploma, PieceDocument::Transcript,
                                         PieceDocument::Accommodation,
                                         PieceDocument::UnrelatedLetter)),
    [](const auto &info) {
        return std::to_string(std::get<0>(info.param)) + "dpi_" +
               documentName(std::get<1>(info.param)).toStdString();
    });

// A barcode whose bars fall between the 150-dpi first pass's pixels (3 pixels a bar at 300 dpi,
// 1.5 at 150) is read by the look at full detail, which decodes only the band of the page its
// region needs on the fast path, or crops the page Poppler renders: both find it.
TEST(PageReader, ReadsABarcodeTheFirstPassBlursAtFullDetail)
{
    PageSpec spec = confirmationSpec();
    spec.moduleMm = 0.25;
    ScanFolder folder;
    const QString file =
        folder.pdf(QStringLiteral("fine.pdf"), degrade(drawPage(spec, 300), typical()), 300);
    ReadOptions firstPassOnly;
    firstPassOnly.detailDpi = firstPassOnly.firstPassDpi;
    for (const PdfRendering rendering :
         {PdfRendering::FastWhenPlainScan, PdfRendering::PopplerOnly}) {
        auto source = openOrFail(file, rendering);
        ASSERT_TRUE(source);
        EXPECT_TRUE(PageReader(firstPassOnly).read(*source, 0).codes.isEmpty())
            << "the first pass alone reads this code: the test no longer needs the detail look";
        EXPECT_EQ(valuesOf(PageReader().read(*source, 0)),
                  QStringList{QStringLiteral("Code128:01234567890-123V2")});
    }
}

TEST(PageReader, ReportsRenderFailureAsDecodeError)
{
    ScanFolder folder;
    const QImage page = drawPage(confirmationSpec(), 200);
    const QString file = folder.pdf(QStringLiteral("one.pdf"), page, 200);
    auto source = openOrFail(file);
    ASSERT_TRUE(source);
    const PageRead read = PageReader().read(*source, 5); // past the last page
    EXPECT_EQ(read.pageNumber, 6);
    EXPECT_TRUE(read.decodeError.contains(QStringLiteral("one.pdf")))
        << qPrintable(read.decodeError);
    EXPECT_TRUE(read.decodeError.contains(QStringLiteral("page 6")));
}

} // namespace
