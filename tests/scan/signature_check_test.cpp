// The signature check on generated confirmations: every kind of signature zone the office meets
// (signed, empty, faint, stamp alone, signed across the box's edge) under every scan condition
// (300 and 150 dpi, a typical office scan, skew, upside down, quarter turns). A signed box must
// never come out unsigned; when the check is unsure it says "doubtful".
#include "PageDegradation.h"
#include "ScanFixtures.h"
#include "pointage/SignatureCheck.h"
#include "scan/CodeFrame.h"
#include "scan/SymbolDecoder.h"

#include <QPainter>
#include <QTransform>

using namespace pointage;
using namespace pointage::testkit;

namespace {

struct SignatureScanCase
{
    const char *name;
    int dpi;
    Degradation scan;
    int quarterTurns; // clockwise, after the scan: a page fed sideways
};

Degradation signatureScanWith(double skew, bool upsideDown)
{
    Degradation d = Degradation::typicalScan(7);
    d.skewDegrees = skew;
    d.upsideDown = upsideDown;
    return d;
}

const SignatureScanCase kSignatureScans[] = {
    {"clean 300 dpi", 300, Degradation{}, 0},
    {"clean 150 dpi", 150, Degradation{}, 0},
    {"typical scan", 150, Degradation::typicalScan(3), 0},
    {"skewed +2.5°", 150, signatureScanWith(2.5, false), 0},
    {"skewed -2.5°", 150, signatureScanWith(-2.5, false), 0},
    {"upside down", 150, signatureScanWith(0, true), 0},
    {"turned 90°", 150, Degradation::typicalScan(5), 1},
    {"turned 270°", 150, Degradation::typicalScan(6), 3},
};

// A scanned confirmation and where a point of the printed page landed in it.
struct SignatureScan
{
    QImage image;
    QTransform pageToImage; // page pixels at the scan's dpi -> image pixels
    int dpi = 150;

    QPointF at(const QPointF &pageMm) const { return pageToImage.map(pageMm * dpi / 25.4); }
};

SignatureScan scanSignedForm(SignatureInk candidate, SignatureInk head, const SignatureScanCase &c,
                             int variant = 0)
{
    PageSpec spec = confirmationSpec();
    spec.candidateSignature = candidate;
    spec.headSignature = head;
    spec.variant = variant;
    const QImage page = drawPage(spec, c.dpi);
    SignatureScan scan;
    scan.dpi = c.dpi;
    // As degrade() turns the sheet: about the page's centre.
    const QPointF centre(page.width() / 2.0, page.height() / 2.0);
    scan.pageToImage.translate(centre.x(), centre.y());
    scan.pageToImage.rotate(c.scan.skewDegrees + (c.scan.upsideDown ? 180 : 0));
    scan.pageToImage.translate(-centre.x(), -centre.y());
    scan.image = degrade(page, c.scan);
    if (c.quarterTurns != 0) {
        const QTransform turn = QTransform().rotate(90.0 * c.quarterTurns);
        scan.pageToImage *= QImage::trueMatrix(turn, scan.image.width(), scan.image.height());
        scan.image = scan.image.transformed(turn);
    }
    return scan;
}

std::optional<CodeCorners> confirmationCodeCorners(const QImage &image)
{
    for (const ZXing::Binarizer binarizer :
         {ZXing::Binarizer::LocalAverage, ZXing::Binarizer::GlobalHistogram})
        for (const DecodedSymbol &symbol :
             decodeSymbols(image, SymbolPass{ZXing::BarcodeFormat::Code128, binarizer, true, true}))
            if (symbol.read.text == confirmationSpec().payload)
                return symbol.corners;
    return std::nullopt;
}

// The two zones' readings: candidate first, then the head of the school.
QList<ZoneReading> readSignatureZones(const SignatureScan &scan)
{
    const std::optional<CodeCorners> corners = confirmationCodeCorners(scan.image);
    EXPECT_TRUE(corners) << "the confirmation's code was not read";
    if (!corners)
        return {};
    return checkSignatures(scan.image, scan.dpi, *corners, defaultSignatureZones());
}

QString signatureTrace(const ZoneReading &reading)
{
    return reading.key + QStringLiteral(": ") + signatureVerdictText(reading.verdict()) +
           QStringLiteral(" (") + signatureFindingText(reading.finding) +
           QStringLiteral(", encre %1, %2 traits)").arg(reading.inkShare).arg(reading.strokes);
}

// Runs `expect` on both zones of a form whose boxes both hold `ink`, under every scan case; each
// case draws another hand (and another stamp: round or rectangular).
template <typename Expectation> void forEverySignatureScan(SignatureInk ink, Expectation expect)
{
    int variant = 0;
    for (const SignatureScanCase &c : kSignatureScans) {
        SCOPED_TRACE(c.name);
        const QList<ZoneReading> readings =
            readSignatureZones(scanSignedForm(ink, ink, c, variant++));
        ASSERT_EQ(readings.size(), 2);
        for (const ZoneReading &reading : readings) {
            SCOPED_TRACE(qPrintable(signatureTrace(reading)));
            expect(reading);
        }
    }
}

TEST(SignatureCheck, FindsTheSignatureInBothBoxesUnderEveryScanCondition)
{
    forEverySignatureScan(SignatureInk::Signed, [](const ZoneReading &reading) {
        EXPECT_EQ(reading.verdict(), SignatureVerdict::Signed);
        EXPECT_GT(reading.strokes, 0);
        EXPECT_GT(reading.inkShare, 0.005);
    });
}

TEST(SignatureCheck, CallsEmptyBoxesUnsignedDespiteTheirPrintedLabel)
{
    forEverySignatureScan(SignatureInk::Unsigned, [](const ZoneReading &reading) {
        EXPECT_EQ(reading.finding, SignatureFinding::EmptyBox);
        EXPECT_EQ(reading.strokes, 0);
    });
}

TEST(SignatureCheck, StampAloneSignsOnlyTheBoxWhereAStampCounts)
{
    forEverySignatureScan(SignatureInk::StampOnly, [](const ZoneReading &reading) {
        if (reading.key == QStringLiteral("candidat"))
            EXPECT_EQ(reading.finding, SignatureFinding::StampWithoutHand);
        else
            EXPECT_EQ(reading.finding, SignatureFinding::StampAccepted);
    });
}

TEST(SignatureCheck, NeverCallsAFaintSignatureUnsigned)
{
    forEverySignatureScan(SignatureInk::Faint, [](const ZoneReading &reading) {
        EXPECT_NE(reading.verdict(), SignatureVerdict::Unsigned);
    });
}

TEST(SignatureCheck, NeverCallsASignatureAcrossTheBoxEdgeUnsigned)
{
    forEverySignatureScan(SignatureInk::OutsideBox, [](const ZoneReading &reading) {
        EXPECT_NE(reading.verdict(), SignatureVerdict::Unsigned);
    });
}

// A signed box next to an empty one: each is judged on its own ink, whatever the seed.
TEST(SignatureCheck, JudgesEachBoxOnItsOwnInk)
{
    for (int variant = 1; variant <= 6; ++variant) {
        SCOPED_TRACE(variant);
        const bool candidateSigns = variant % 2 == 0;
        const QList<ZoneReading> readings = readSignatureZones(
            scanSignedForm(candidateSigns ? SignatureInk::Signed : SignatureInk::Unsigned,
                           candidateSigns ? SignatureInk::Unsigned : SignatureInk::Signed,
                           kSignatureScans[2], variant));
        ASSERT_EQ(readings.size(), 2);
        EXPECT_EQ(readings[0].verdict(),
                  candidateSigns ? SignatureVerdict::Signed : SignatureVerdict::Unsigned);
        EXPECT_EQ(readings[1].verdict(),
                  candidateSigns ? SignatureVerdict::Unsigned : SignatureVerdict::Signed);
    }
}

// An empty confirmation with marks added in the candidate's box, at page millimetres.
QList<ZoneReading> readFormMarkedWith(void (*mark)(QPainter &, double pxPerMm, const QRectF &box))
{
    const SignatureScanCase &c = kSignatureScans[1];
    SignatureScan scan = scanSignedForm(SignatureInk::Unsigned, SignatureInk::Unsigned, c);
    QImage marked = scan.image.convertToFormat(QImage::Format_RGB32);
    QPainter painter(&marked);
    painter.setRenderHint(QPainter::Antialiasing);
    mark(painter, c.dpi / 25.4, signatureBoxMm(SignatureBox::Candidate));
    painter.end();
    scan.image = marked.convertToFormat(QImage::Format_Grayscale8);
    return readSignatureZones(scan);
}

TEST(SignatureCheck, LeavesAShortPenMarkToAPerson)
{
    const QList<ZoneReading> readings =
        readFormMarkedWith([](QPainter &painter, double pxPerMm, const QRectF &box) {
            painter.setPen(QPen(Qt::black, 0.4 * pxPerMm));
            const QPointF centre = box.center() * pxPerMm;
            painter.drawLine(centre, centre + QPointF(6, 2) * pxPerMm);
        });
    ASSERT_EQ(readings.size(), 2);
    EXPECT_EQ(readings[0].finding, SignatureFinding::FaintOrShort);
    EXPECT_EQ(readings[1].finding, SignatureFinding::EmptyBox);
}

TEST(SignatureCheck, IgnoresDustInAnEmptyBox)
{
    const QList<ZoneReading> readings =
        readFormMarkedWith([](QPainter &painter, double pxPerMm, const QRectF &box) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(Qt::black);
            for (int i = 0; i < 12; ++i)
                painter.drawEllipse(QPointF(box.left() + 5 + 6 * i, box.top() + 8 + 2 * (i % 10)) *
                                        pxPerMm,
                                    0.25 * pxPerMm, 0.25 * pxPerMm);
        });
    ASSERT_EQ(readings.size(), 2);
    EXPECT_EQ(readings[0].finding, SignatureFinding::EmptyBox);
}

// The zones land on the printed boxes, within a millimetre, and hold the painter's signature.
TEST(SignatureCheck, PlacesEachZoneOnItsPrintedBox)
{
    const SignatureBox boxes[] = {SignatureBox::Candidate, SignatureBox::Head};
    for (const SignatureScanCase &c : kSignatureScans) {
        SCOPED_TRACE(c.name);
        const SignatureScan scan = scanSignedForm(SignatureInk::Signed, SignatureInk::Signed, c);
        const QList<ZoneReading> readings = readSignatureZones(scan);
        ASSERT_EQ(readings.size(), 2);
        for (int z = 0; z < 2; ++z) {
            const QRectF box = signatureBoxMm(boxes[z]);
            const QPointF corners[] = {box.topLeft(), box.topRight(), box.bottomRight(),
                                       box.bottomLeft()};
            ASSERT_EQ(readings[z].area.size(), 4);
            for (int i = 0; i < 4; ++i) {
                const double offMm =
                    QLineF(readings[z].area[i], scan.at(corners[i])).length() * 25.4 / scan.dpi;
                EXPECT_LT(offMm, 1.0) << readings[z].key.toStdString() << " corner " << i;
            }
            const QRectF ink = signatureInkArea(box, SignatureInk::Signed);
            for (const QPointF &p :
                 {ink.topLeft(), ink.topRight(), ink.bottomRight(), ink.bottomLeft()})
                EXPECT_TRUE(readings[z].area.containsPoint(scan.at(p), Qt::OddEvenFill));
        }
    }
}

// What `pointage calibrate` shows: each zone outlined in its verdict's colour where the box is.
TEST(SignatureCheck, CalibrationImageOutlinesEachZoneInItsVerdictsColour)
{
    const SignatureScan scan =
        scanSignedForm(SignatureInk::Signed, SignatureInk::Unsigned, kSignatureScans[5]);
    const QList<ZoneReading> readings = readSignatureZones(scan);
    ASSERT_EQ(readings.size(), 2);
    const QImage calibration = calibrationImage(scan.image, readings);
    ASSERT_EQ(calibration.size(), scan.image.size());
    const auto outlineColour = [&](const ZoneReading &reading) {
        // Midway along the zone's bottom edge, clear of the verdict's text.
        const QPointF p = (reading.area[2] + reading.area[3]) / 2;
        return calibration.pixelColor(p.toPoint());
    };
    const QColor signedColour = outlineColour(readings[0]);
    const QColor unsignedColour = outlineColour(readings[1]);
    EXPECT_GT(signedColour.green(), signedColour.red() + 60);
    EXPECT_GT(unsignedColour.red(), unsignedColour.green() + 60);
    // Away from the zones the page is left as it was.
    EXPECT_EQ(qGray(calibration.pixel(scan.at({105, 150}).toPoint())),
              scan.image.pixelColor(scan.at({105, 150}).toPoint()).value());
}

// The crop of an upside-down page reads as the upright one does: people see it the right way up.
TEST(SignatureCheck, CropsTheZoneUprightWhateverWayThePageWasFed)
{
    const auto candidateCrop = [](const SignatureScanCase &c) {
        const SignatureScan scan = scanSignedForm(SignatureInk::Signed, SignatureInk::Signed, c);
        const QList<ZoneReading> readings = readSignatureZones(scan);
        return readings.isEmpty() ? QImage() : zoneCrop(scan.image, readings.first());
    };
    const QImage upright = candidateCrop(kSignatureScans[1]);
    const QImage flipped =
        candidateCrop(SignatureScanCase{"flipped", 150, signatureScanWith(0, true), 0});
    ASSERT_FALSE(upright.isNull());
    ASSERT_LE(std::abs(upright.width() - flipped.width()), 3);
    ASSERT_LE(std::abs(upright.height() - flipped.height()), 3);
    const auto difference = [&](const QImage &other) {
        const QSize size = upright.size().boundedTo(other.size());
        double sum = 0;
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x)
                sum += std::abs(qGray(upright.pixel(x, y)) - qGray(other.pixel(x, y)));
        return sum / (size.width() * size.height());
    };
    EXPECT_LT(difference(flipped), difference(flipped.mirrored(true, true)) / 2);
}

TEST(SignatureCheck, AsksForAPersonWhenTheCodeGivesNoDirection)
{
    const SignatureScan scan =
        scanSignedForm(SignatureInk::Signed, SignatureInk::Signed, kSignatureScans[1]);
    const QPointF point(600, 100);
    const QList<ZoneReading> readings = checkSignatures(
        scan.image, 150, CodeCorners{point, point, point, point}, defaultSignatureZones());
    ASSERT_EQ(readings.size(), 2);
    for (const ZoneReading &reading : readings) {
        EXPECT_EQ(reading.finding, SignatureFinding::CodeNotLocated);
        EXPECT_EQ(reading.verdict(), SignatureVerdict::Doubtful);
    }
}

TEST(SignatureCheck, AsksForAPersonWhenAZoneFallsOffTheImage)
{
    const SignatureScan scan =
        scanSignedForm(SignatureInk::Signed, SignatureInk::Signed, kSignatureScans[1]);
    const std::optional<CodeCorners> corners = confirmationCodeCorners(scan.image);
    ASSERT_TRUE(corners);
    SignatureZone below = defaultSignatureZones().first();
    below.areaMm.translate(0, 60); // past the foot of the page
    const QList<ZoneReading> readings = checkSignatures(scan.image, 150, *corners, {below});
    ASSERT_EQ(readings.size(), 1);
    EXPECT_EQ(readings[0].finding, SignatureFinding::ZoneOffImage);
}

// Where the code's first bar starts and the bars begin, in page millimetres, measured on the
// clean page (the painter moves the code a few millimetres from one seed to the next).
QPointF codeOriginMm(const QImage &clean, int dpi)
{
    const double pxPerMm = dpi / 25.4;
    const QRect area(QPoint(int(100 * pxPerMm), int(8 * pxPerMm)),
                     QPoint(int(145 * pxPerMm), int(28 * pxPerMm)));
    int top = area.bottom();
    for (int y = area.top(); y <= area.bottom() && top == area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (qGray(clean.pixel(x, y)) < 128) {
                top = y;
                break;
            }
    int left = area.right();
    for (int y = top; y < top + int(5 * pxPerMm); ++y)
        for (int x = area.left(); x < left; ++x)
            if (qGray(clean.pixel(x, y)) < 128)
                left = x;
    return QPointF(left, top) / pxPerMm;
}

// zxing's corners of a linear code follow the image rows whatever the skew; the frame measures
// the bars itself, so a point a quarter of a metre from the code still lands where it belongs.
TEST(CodeFrame, PlacesAPointAQuarterMetreFromTheCodeWithinAMillimetre)
{
    const QPointF origin =
        codeOriginMm(drawPage(confirmationSpec(), 300), 300); // the candidate box's far corner
    const QPointF farCorner = signatureBoxMm(SignatureBox::Candidate).bottomLeft();
    for (const SignatureScanCase &c : kSignatureScans) {
        SCOPED_TRACE(c.name);
        const SignatureScan scan = scanSignedForm(SignatureInk::Signed, SignatureInk::Signed, c);
        const std::optional<CodeCorners> corners = confirmationCodeCorners(scan.image);
        ASSERT_TRUE(corners);
        const std::optional<CodeFrame> frame = CodeFrame::locate(scan.image, c.dpi, *corners);
        ASSERT_TRUE(frame);
        const double offMm =
            QLineF(frame->toImage(farCorner - origin), scan.at(farCorner)).length() * 25.4 / c.dpi;
        EXPECT_LT(offMm, 1.0);
    }
}

// A zone set where the form prints no box (here over the text above the boxes) is for a person
// to look at: an empty area there says nothing about a signature.
TEST(SignatureCheck, AsksForAPersonWhenNoBoxIsPrintedWhereTheZoneLies)
{
    const SignatureScan scan =
        scanSignedForm(SignatureInk::Unsigned, SignatureInk::Unsigned, kSignatureScans[2]);
    const std::optional<CodeCorners> corners = confirmationCodeCorners(scan.image);
    ASSERT_TRUE(corners);
    SignatureZone misplaced = defaultSignatureZones().first();
    misplaced.areaMm.translate(0, -45);
    const QList<ZoneReading> readings =
        checkSignatures(scan.image, 150, *corners, {misplaced, defaultSignatureZones().first()});
    ASSERT_EQ(readings.size(), 2);
    EXPECT_EQ(readings[0].finding, SignatureFinding::BoxNotFound);
    EXPECT_EQ(readings[1].finding, SignatureFinding::EmptyBox);
}

// The corners follow the symbol, not the page: upside down, "top left" is at the bottom right.
TEST(SymbolDecoder, GivesTheCornersInTheSymbolsOwnOrientation)
{
    const std::optional<CodeCorners> upright = confirmationCodeCorners(
        scanSignedForm(SignatureInk::Signed, SignatureInk::Signed, kSignatureScans[1]).image);
    const std::optional<CodeCorners> flipped = confirmationCodeCorners(
        scanSignedForm(SignatureInk::Signed, SignatureInk::Signed,
                       SignatureScanCase{"flipped", 150, signatureScanWith(0, true), 0})
            .image);
    ASSERT_TRUE(upright && flipped);
    EXPECT_LT(upright->topLeft.x(), upright->topRight.x());
    EXPECT_GT(flipped->topLeft.x(), flipped->topRight.x());
}

} // namespace
