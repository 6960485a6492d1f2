// The fast path's JPEG decoder on its own: the sizes libjpeg's eighths give, a band alone, and
// bytes that are no JPEG (or only part of one) refused or decoded as a viewer shows them.
#include "scan/GreyJpeg.h"

#include <QBuffer>
#include <QImageWriter>
#include <QPainter>
#include <gtest/gtest.h>

using namespace pointage;

namespace {

QByteArray jpegOf(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(90);
    writer.write(image);
    return bytes;
}

// 403 × 301 grey with a black bar: odd sizes, so every eighth rounds.
QImage testImage()
{
    QImage image(403, 301, QImage::Format_Grayscale8);
    image.fill(230);
    QPainter painter(&image);
    painter.fillRect(40, 200, 300, 30, Qt::black);
    return image;
}

struct EighthCase
{
    int eighths;
    QSize size;
};

class GreyJpegScale : public ::testing::TestWithParam<EighthCase>
{
};

TEST_P(GreyJpegScale, GivesLibjpegsSizeRoundedUp)
{
    const QByteArray jpeg = jpegOf(testImage());
    ASSERT_EQ(greyJpegSize(jpeg), QSize(403, 301));
    const QImage image = decodeGreyJpeg(jpeg, GetParam().eighths);
    EXPECT_EQ(image.size(), GetParam().size);
    EXPECT_EQ(image.format(), QImage::Format_Grayscale8);
    EXPECT_EQ(image.offset(), QPoint(0, 0));
}

INSTANTIATE_TEST_SUITE_P(Eighths, GreyJpegScale,
                         ::testing::Values(EighthCase{1, {51, 38}}, EighthCase{2, {101, 76}},
                                           EighthCase{4, {202, 151}}, EighthCase{6, {303, 226}},
                                           EighthCase{8, {403, 301}}));

TEST(GreyJpeg, ABandHoldsTheWholeImagesPixels)
{
    const QByteArray jpeg = jpegOf(testImage());
    const QImage whole = decodeGreyJpeg(jpeg, 8);
    const QRect wanted(100, 190, 150, 50);
    const QImage band = decodeGreyJpeg(jpeg, 8, wanted);
    ASSERT_FALSE(band.isNull());
    const QRect got(band.offset(), band.size());
    EXPECT_TRUE(got.contains(wanted));
    EXPECT_LT(got.height(), wanted.height() + 1) << "rows are never widened";
    EXPECT_TRUE(whole.copy(got) == band);
}

TEST(GreyJpeg, RefusesBytesThatAreNoJpegAndAreasOutsideTheImage)
{
    const QByteArray jpeg = jpegOf(testImage());
    const QByteArray notJpeg[] = {QByteArray(), QByteArray("not a jpeg at all"),
                                  QByteArray("\x89PNG\r\n\x1a\n", 8), jpeg.left(40)};
    for (const QByteArray &bytes : notJpeg) {
        EXPECT_FALSE(greyJpegSize(bytes).has_value()) << bytes.size() << " bytes";
        EXPECT_TRUE(decodeGreyJpeg(bytes, 4).isNull()) << bytes.size() << " bytes";
    }
    EXPECT_TRUE(decodeGreyJpeg(jpeg, 8, QRect(500, 400, 10, 10)).isNull());
    EXPECT_TRUE(decodeGreyJpeg(jpeg, 0).isNull());
    EXPECT_TRUE(decodeGreyJpeg(jpeg, 9).isNull());
}

// A file cut in its image data (a scan interrupted mid-transfer) decodes the way viewers show
// it: what arrived, then grey. The reader then reads what it can, or flags the page.
TEST(GreyJpeg, DecodesAJpegCutInItsImageDataAsFarAsItGoes)
{
    const QByteArray jpeg = jpegOf(testImage());
    const QImage image = decodeGreyJpeg(jpeg.left(jpeg.size() / 2), 8);
    ASSERT_EQ(image.size(), QSize(403, 301));
    EXPECT_NEAR(qGray(image.pixel(10, 10)), 230, 8) << "the top arrived";
}

} // namespace
