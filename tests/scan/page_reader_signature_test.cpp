// The signature check inside the page reader, as the ingest runs it: on a generated 200 or
// 300 dpi scan read through the fast path at 150 dpi, a confirmation's zones are judged, at
// any feed direction; other pages and readers without zones are left alone; the readings and
// the crop of a doubtful zone survive the worker's line protocol.
#include "ScanFixtures.h"
#include "pointage/PageReader.h"
#include "scan/DecodeProtocol.h"

#include <QBuffer>
#include <QImage>

using namespace pointage;
using namespace pointage::testkit;

namespace {

ReadOptions withZones()
{
    ReadOptions options;
    options.signatureZones = defaultSignatureZones();
    return options;
}

PageRead readSigned(const PageSpec &spec, const Degradation &degradation, int dpi,
                    const ReadOptions &options = withZones())
{
    ScanFolder folder;
    const QString file =
        folder.pdf(QStringLiteral("page.pdf"), degrade(drawPage(spec, dpi), degradation), dpi);
    auto source = openOrFail(file, PdfRendering::FastWhenPlainScan);
    if (!source)
        return {};
    return PageReader(options).read(*source, 0);
}

QStringList verdictsOf(const PageRead &read)
{
    QStringList verdicts;
    for (const ZoneReading &zone : read.signatures)
        verdicts.append(zone.key + QLatin1Char('=') + signatureVerdictText(zone.verdict()));
    return verdicts;
}

struct FeedCase
{
    const char *name;
    Degradation degradation;
};

Degradation fed(bool upsideDown, bool sideways)
{
    Degradation d = Degradation::typicalScan(21);
    d.upsideDown = upsideDown;
    d.sideways = sideways;
    return d;
}

const FeedCase kFeeds[] = {
    {"clean", Degradation{}},          {"typical", Degradation::typicalScan(7)},
    {"upside_down", fed(true, false)}, {"sideways_90", fed(false, true)},
    {"sideways_270", fed(true, true)},
};

class SignatureWhileReading : public ::testing::TestWithParam<std::tuple<int, FeedCase>>
{
};

TEST_P(SignatureWhileReading, JudgesEachZoneOfTheConfirmation)
{
    const auto &[dpi, feed] = GetParam();
    PageSpec spec = confirmationSpec(QStringLiteral("02270001001"));
    const PageRead signedPage = readSigned(spec, feed.degradation, dpi);
    EXPECT_EQ(verdictsOf(signedPage),
              (QStringList{"candidat=signée", "chef_etablissement=signée"}));
    // Read at the first pass's resolution, whatever the scan's own.
    EXPECT_NEAR(signedPage.signatureDpi, 150, 1);

    spec.candidateSignature = SignatureInk::Unsigned;
    const PageRead unsignedPage = readSigned(spec, feed.degradation, dpi);
    EXPECT_EQ(verdictsOf(unsignedPage),
              (QStringList{"candidat=non signée", "chef_etablissement=signée"}));
    for (const ZoneReading &zone : unsignedPage.signatures)
        EXPECT_TRUE(zone.picture.isEmpty()) << "only doubtful zones keep a crop";
}

INSTANTIATE_TEST_SUITE_P(DpiTimesFeed, SignatureWhileReading,
                         ::testing::Combine(::testing::Values(200, 300),
                                            ::testing::ValuesIn(kFeeds)),
                         [](const auto &info) {
                             return std::to_string(std::get<0>(info.param)) + "dpi_" +
                                    std::get<1>(info.param).name;
                         });

TEST(SignatureWhileReading, ADoubtfulZoneKeepsItsCropUpright)
{
    PageSpec spec = confirmationSpec(QStringLiteral("02270001001"));
    spec.candidateSignature = SignatureInk::OutsideBox;
    const PageRead read = readSigned(spec, fed(false, true), 300);
    ASSERT_EQ(read.signatures.size(), 2);
    const ZoneReading &candidate = read.signatures.first();
    EXPECT_EQ(candidate.verdict(), SignatureVerdict::Doubtful);
    const QImage crop = QImage::fromData(candidate.picture, "PNG");
    ASSERT_FALSE(crop.isNull());
    EXPECT_GT(crop.width(), crop.height()); // the box lies along the line, as on the form
}

// The zones are measured from the confirmation's barcode. A QR code of the same number lies
// elsewhere on the sheet: zones placed from it fall beside the boxes. Found when a faster first
// pass began listing the QR code first; it was the cause of every doubtful signed confirmation
// in the ingest bench.
TEST(SignatureWhileReading, ZonesArePlacedFromTheBarcodeWhenAQrCodeCarriesTheSameNumber)
{
    for (const bool upsideDown : {false, true}) {
        SCOPED_TRACE(upsideDown ? "upside down" : "upright");
        PageSpec spec = confirmationSpec(QStringLiteral("02270001001"));
        spec.withQrCode = true;
        const PageRead page = readSigned(spec, fed(upsideDown, false), 300);
        EXPECT_EQ(verdictsOf(page), (QStringList{"candidat=signée", "chef_etablissement=signée"}));
        spec.headSignature = SignatureInk::Unsigned;
        EXPECT_EQ(verdictsOf(readSigned(spec, fed(upsideDown, false), 300)),
                  (QStringList{"candidat=signée", "chef_etablissement=non signée"}));
    }
}

// Read from a 2D code alone, the confirmation has no bars to measure the zones from: a person
// looks, rather than a guess that could call a signed confirmation unsigned.
TEST(SignatureWhileReading, AConfirmationReadOnlyFromA2DCodeLeavesItsZonesToAPerson)
{
    PageSpec spec = confirmationSpec(QStringLiteral("02270001001"));
    spec.symbology = Symbology::QRCode;
    spec.headSignature = SignatureInk::Unsigned;
    const PageRead page = readSigned(spec, Degradation{}, 300);
    ASSERT_EQ(page.codes.size(), 1);
    EXPECT_EQ(page.codes.first().format, QStringLiteral("QRCode"));
    EXPECT_EQ(verdictsOf(page),
              (QStringList{"candidat=à vérifier", "chef_etablissement=à vérifier"}));
    for (const ZoneReading &zone : page.signatures)
        EXPECT_EQ(zone.finding, SignatureFinding::CodeNotLocated);
}

TEST(SignatureWhileReading, OnlyConfirmationsAreChecked)
{
    for (const PageSpec &spec :
         {pageSpec(PageKind::Separator, QStringLiteral("PJ-ID")), pageSpec(PageKind::Supporting),
          pageSpec(PageKind::CoverSheet, QStringLiteral("BD-02270001001"))}) {
        const PageRead read = readSigned(spec, Degradation{}, 200);
        EXPECT_TRUE(read.signatures.isEmpty()) << int(spec.kind);
        EXPECT_EQ(read.signatureDpi, 0);
    }
}

TEST(SignatureWhileReading, NoZonesMeansNoCheck)
{
    const PageRead read =
        readSigned(confirmationSpec(QStringLiteral("02270001001")), Degradation{}, 200, {});
    EXPECT_EQ(read.codes.size(), 1);
    EXPECT_TRUE(read.signatures.isEmpty());
}

TEST(SignatureWhileReading, ReadingsCrossTheWorkerProtocolWhole)
{
    PageRead page;
    page.pageNumber = 3;
    page.signatureDpi = 150;
    ZoneReading zone;
    zone.key = QStringLiteral("candidat");
    zone.label = QStringLiteral("signature du candidat");
    zone.finding = SignatureFinding::MostlyOutside;
    zone.inkShare = 0.0125;
    zone.strokes = 4;
    zone.area = QPolygonF({{10.5, 20}, {110, 20.25}, {110, 60}, {10, 60}});
    zone.picture = QByteArray("\x89PNG fake bytes\x00\x01", 17);
    page.signatures = {zone};

    const decode::Answer answer = decode::decodeAnswer(decode::encodePage(page));
    ASSERT_TRUE(answer.page);
    ASSERT_EQ(answer.page->signatures.size(), 1);
    const ZoneReading &back = answer.page->signatures.first();
    EXPECT_EQ(back.key, zone.key);
    EXPECT_EQ(back.label, zone.label);
    EXPECT_EQ(back.finding, zone.finding);
    EXPECT_DOUBLE_EQ(back.inkShare, zone.inkShare);
    EXPECT_EQ(back.strokes, zone.strokes);
    EXPECT_EQ(back.area, zone.area);
    EXPECT_EQ(back.picture, zone.picture);
    EXPECT_EQ(answer.page->signatureDpi, 150);
}

TEST(SignatureWhileReading, AFindingNoVersionWroteIsLeftToAPerson)
{
    EXPECT_EQ(signatureFindingFromKey(QStringLiteral("handwriting")),
              SignatureFinding::Handwriting);
    EXPECT_FALSE(signatureFindingFromKey(QStringLiteral("signed_probably")).has_value());
    const QByteArray line = R"({"page":1,"signatures":[{"key":"candidat","finding":"new"}]})";
    const decode::Answer answer = decode::decodeAnswer(line);
    ASSERT_TRUE(answer.page);
    ASSERT_EQ(answer.page->signatures.size(), 1);
    EXPECT_EQ(answer.page->signatures.first().verdict(), SignatureVerdict::Doubtful);
}

} // namespace
