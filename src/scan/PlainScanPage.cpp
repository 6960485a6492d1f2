#include "PlainScanPage.h"

#include "GreyJpeg.h"
#include "pointage/PageSource.h"

#include <QTransform>
#include <algorithm>
#include <array>
#include <cmath>

namespace pointage {

namespace {

// Tolerance when checking that the image covers the MediaBox, in points.
constexpr double kPlacementSlackPt = 1.0;
// A scanner's page content is one line ("q … cm /Im0 Do Q"); anything bigger is not a plain
// scan, and is not worth inflating.
constexpr qsizetype kMaxContentBytes = 4096;
// Page boxes beyond this (in points: 350 m) are hostile; bounding them keeps every later
// conversion to pixels inside an int.
constexpr double kMaxCoordinatePt = 1e6;
// JPEG dimensions are 16-bit.
constexpr qint64 kMaxJpegSide = 65535;

std::optional<QRectF> boxOf(const PdfFile &file, const PdfValue *entry)
{
    if (!entry)
        return std::nullopt;
    const PdfValue box = file.resolve(*entry);
    if (box.type != PdfValue::Type::Array || box.items.size() != 4)
        return std::nullopt;
    double v[4];
    for (int i = 0; i < 4; ++i) {
        const PdfValue item = file.resolve(box.items[size_t(i)]);
        if (!item.isNumber() || !(std::abs(item.number) <= kMaxCoordinatePt))
            return std::nullopt;
        v[i] = item.number;
    }
    return QRectF(QPointF(v[0], v[1]), QPointF(v[2], v[3])).normalized();
}

bool near(double a, double b)
{
    return std::abs(a - b) <= kPlacementSlackPt + 0.01 * std::abs(b);
}

bool sameBox(const QRectF &a, const QRectF &b)
{
    return near(a.left(), b.left()) && near(a.top(), b.top()) && near(a.width(), b.width()) &&
           near(a.height(), b.height());
}

// The page's content: plain bytes, or one FlateDecode stream.
std::optional<QByteArray> contentBytes(const PdfFile &file, const PdfValue &page)
{
    const PdfValue *contents = page.value("Contents");
    if (!contents || contents->type != PdfValue::Type::Reference)
        return std::nullopt; // arrays of content streams do not come out of scanners
    const PdfValue dictionary = file.resolve(*contents);
    const std::optional<QByteArrayView> data = file.streamData(contents->objectNumber);
    if (!dictionary.isDictionary() || !data || data->size() > kMaxContentBytes)
        return std::nullopt;
    const PdfValue *filter = dictionary.value("Filter");
    if (!filter)
        return data->toByteArray();
    if (!filter->isName("FlateDecode") || dictionary.value("DecodeParms"))
        return std::nullopt;
    // qUncompress() wants the expected size in front of the zlib stream; it grows as needed.
    QByteArray prefixed(4, '\0');
    const quint32 expected = quint32(std::min<qsizetype>(data->size() * 8, 1 << 20));
    prefixed[0] = char(expected >> 24);
    prefixed[1] = char(expected >> 16);
    prefixed[2] = char(expected >> 8);
    prefixed[3] = char(expected);
    const QByteArray inflated = qUncompress(prefixed + data->toByteArray());
    if (inflated.isEmpty())
        return std::nullopt;
    return inflated;
}

struct Placement
{
    QByteArray imageName;
    double matrix[6] = {1, 0, 0, 1, 0, 0};
};

// Accepts only "q <a b c d e f> cm /Name Do Q" (with optional extra q/Q/cm nesting).
std::optional<Placement> singleImagePlacement(const QByteArray &content)
{
    PdfParser parser(content);
    std::vector<double> operands;
    std::vector<std::array<double, 6>> stack{{1, 0, 0, 1, 0, 0}};
    std::optional<Placement> placement;
    QByteArray pendingName;
    while (parser.skipSpace()) {
        if (parser.atDelimiterOrDigit()) {
            const std::optional<PdfValue> value = parser.parseValue();
            if (!value)
                return std::nullopt;
            if (value->isNumber())
                operands.push_back(value->number);
            else if (value->type == PdfValue::Type::Name)
                pendingName = value->text;
            else
                return std::nullopt;
            continue;
        }
        const QByteArray op = parser.keyword();
        if (op == "q") {
            stack.push_back(stack.back());
        } else if (op == "Q") {
            if (stack.size() < 2)
                return std::nullopt;
            stack.pop_back();
        } else if (op == "cm" && operands.size() == 6) {
            const auto m = stack.back();
            const double *n = operands.data();
            stack.back() = {n[0] * m[0] + n[1] * m[2],        n[0] * m[1] + n[1] * m[3],
                            n[2] * m[0] + n[3] * m[2],        n[2] * m[1] + n[3] * m[3],
                            n[4] * m[0] + n[5] * m[2] + m[4], n[4] * m[1] + n[5] * m[3] + m[5]};
        } else if (op == "Do" && !pendingName.isEmpty() && operands.empty() && !placement) {
            placement = Placement{pendingName};
            std::copy(stack.back().begin(), stack.back().end(), placement->matrix);
        } else {
            return std::nullopt;
        }
        operands.clear();
        pendingName.clear();
    }
    return placement;
}

bool isPlainJpegImage(const PdfValue &image)
{
    const PdfValue *filter = image.value("Filter");
    if (filter && filter->type == PdfValue::Type::Array && filter->items.size() == 1)
        filter = &filter->items.front();
    const PdfValue *bits = image.value("BitsPerComponent");
    const PdfValue *colourSpace = image.value("ColorSpace");
    const bool knownColours =
        colourSpace && (colourSpace->isName("DeviceGray") || colourSpace->isName("DeviceRGB"));
    return image.value("Subtype") && image.value("Subtype")->isName("Image") && filter &&
           filter->isName("DCTDecode") && bits && bits->isNumber() && bits->number == 8 &&
           knownColours && !image.value("Decode") && !image.value("DecodeParms") &&
           !image.value("SMask") && !image.value("Mask") && !image.value("ImageMask");
}

// libjpeg scales by eighths: the fewest that reach `dpi` across the page, give or take one
// percent (a 2,479-pixel scan asked at half its size takes 4/8, not 5/8), never above 8/8.
int eighthsFor(const QSize &image, const QSizeF &pagePt, int dpi)
{
    const double wanted = 8.0 * pagePt.width() * dpi / 72.0 / image.width();
    return std::clamp(int(std::ceil(wanted - 0.1)), 1, 8);
}

} // namespace

std::optional<PlainScanPage> PlainScanPage::find(const PdfFile &file, int index)
{
    const PdfValue &page = file.page(index);
    const std::optional<QRectF> mediaBox = boxOf(file, page.value("MediaBox"));
    if (!mediaBox || mediaBox->isEmpty())
        return std::nullopt;
    if (const PdfValue *crop = page.value("CropBox")) {
        const std::optional<QRectF> cropBox = boxOf(file, crop);
        if (!cropBox || !sameBox(*cropBox, *mediaBox))
            return std::nullopt;
    }
    const std::optional<QByteArray> content = contentBytes(file, page);
    const std::optional<Placement> placement =
        content ? singleImagePlacement(*content) : std::nullopt;
    if (!placement)
        return std::nullopt;
    const double *m = placement->matrix;
    if (std::abs(m[1]) > 1e-6 || std::abs(m[2]) > 1e-6 || m[0] <= 0 || m[3] <= 0 ||
        !sameBox(QRectF(m[4], m[5], m[0], m[3]), *mediaBox))
        return std::nullopt;

    const PdfValue *resources = page.value("Resources");
    const PdfValue resourceDictionary = resources ? file.resolve(*resources) : PdfValue{};
    const PdfValue *xobjects = resourceDictionary.value("XObject");
    const PdfValue xobjectDictionary = xobjects ? file.resolve(*xobjects) : PdfValue{};
    const PdfValue *imageRef = xobjectDictionary.value(placement->imageName);
    if (!imageRef || imageRef->type != PdfValue::Type::Reference)
        return std::nullopt;
    const PdfValue image = file.resolve(*imageRef);
    const std::optional<QByteArrayView> jpeg = file.streamData(imageRef->objectNumber);
    const PdfValue *widthValue = image.value("Width");
    const PdfValue *heightValue = image.value("Height");
    const PdfValue *rotateValue = page.value("Rotate");
    const auto width = widthValue ? widthValue->integer(1, kMaxJpegSide) : std::nullopt;
    const auto height = heightValue ? heightValue->integer(1, kMaxJpegSide) : std::nullopt;
    const auto degrees = rotateValue ? rotateValue->integer(-3600, 3600) : std::optional<qint64>(0);
    if (!jpeg || !isPlainJpegImage(image) || !width || !height || !degrees || *degrees % 90 != 0)
        return std::nullopt;
    return PlainScanPage{*jpeg, int(*width), int(*height), mediaBox->size(),
                         int(((*degrees % 360) + 360) % 360)};
}

QImage PlainScanPage::decode(int dpi, const QRectF &within) const
{
    if (greyJpegSize(jpeg) != QSize(imageWidth, imageHeight) || pageSizePt.width() <= 0)
        return {};
    const int eighths = eighthsFor(QSize(imageWidth, imageHeight), pageSizePt, dpi);
    const QSize decoded((imageWidth * eighths + 7) / 8, (imageHeight * eighths + 7) / 8);
    // Between two of libjpeg's scales (a 24-dpi thumbnail is 1/8 of a 300-dpi scan, and then
    // some), the decoded image is brought down to the size asked, as Qt's reader did.
    const QSize asked(std::max(1, int(std::lround(pageSizePt.width() * dpi / 72.0))),
                      std::max(1, int(std::lround(pageSizePt.height() * dpi / 72.0))));
    const QSize full = decoded.width() > asked.width() * 1.02 ? asked : decoded;
    const double fx = double(full.width()) / decoded.width();
    const double fy = double(full.height()) / decoded.height();
    // Where the upright page's pixels come from in the stored image: the turn QImage gives it.
    const QTransform upright =
        QImage::trueMatrix(QTransform().rotate(rotate), full.width(), full.height());
    QRect area; // in decoded pixels; null for the whole page
    if (!within.isNull()) {
        const QSize turned = rotate % 180 == 0 ? full : full.transposed();
        const QRectF stored = upright.inverted().mapRect(QRectF(pixelsWithin(turned, within)));
        area = QRectF(stored.x() / fx, stored.y() / fy, stored.width() / fx, stored.height() / fy)
                   .toAlignedRect();
        if (area.isEmpty())
            return {};
    }
    QImage image = decodeGreyJpeg(jpeg, eighths, area);
    if (image.isNull())
        return {};
    if (full != decoded) {
        const QRect part = QRectF(image.offset().x() * fx, image.offset().y() * fy,
                                  image.width() * fx, image.height() * fy)
                               .toAlignedRect();
        image = image.scaled(part.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                    .convertToFormat(QImage::Format_Grayscale8);
        image.setOffset(part.topLeft());
    }
    if (rotate != 0) {
        const QRect part(image.offset(), image.size());
        image = image.transformed(QTransform().rotate(rotate));
        image.setOffset(upright.mapRect(QRectF(part)).toAlignedRect().topLeft());
    }
    setRenderedDpi(image, full.width() * 72.0 / pageSizePt.width());
    return image;
}

} // namespace pointage
