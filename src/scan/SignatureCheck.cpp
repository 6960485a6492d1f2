#include "pointage/SignatureCheck.h"

#include "CodeFrame.h"
#include "SignatureEvidence.h"

#include <QPainter>
#include <QTransform>
#include <algorithm>

namespace pointage {

namespace {

// Zones are analysed at 150 dpi at most: a pen stroke is still two pixels wide, and a 300-dpi
// scan is averaged down rather than read four times over.
constexpr double kWorkingDpi = 150;
// How far the printed box may lie from where the barcode places it: the form's own print
// offset, what is left of the skew after the frame's correction, the jitter of a hand-fed page.
constexpr double kReachMm = 8;

bool insideImage(const QPolygonF &area, const QImage &image)
{
    const QRectF bounds(image.rect());
    return std::all_of(area.cbegin(), area.cend(),
                       [&](const QPointF &corner) { return bounds.contains(corner); });
}

// A zone's reading before anything is seen in it.
ZoneReading unread(const SignatureZone &zone)
{
    ZoneReading reading;
    reading.key = zone.key;
    reading.label = zone.label;
    return reading;
}

ZoneReading readZone(const QImage &grey, double dpi, const CodeFrame &frame,
                     const SignatureZone &zone)
{
    ZoneReading reading = unread(zone);
    reading.area = frame.toImage(zone.areaMm);
    if (!insideImage(reading.area, grey)) {
        reading.finding = SignatureFinding::ZoneOffImage;
        return reading;
    }
    const double pxPerMm = std::min(dpi, kWorkingDpi) / 25.4;
    const QRectF window = zone.areaMm.adjusted(-kReachMm, -kReachMm, kReachMm, kReachMm);
    InkMap map = inkMap(frame.sample(grey, window, pxPerMm), pxPerMm);
    const QRectF expected(kReachMm * pxPerMm, kReachMm * pxPerMm, zone.areaMm.width() * pxPerMm,
                          zone.areaMm.height() * pxPerMm);
    const PrintedBox box = findPrintedBox(map, expected, (kReachMm - 1) * pxPerMm, pxPerMm);
    erasePrintedBox(map, box);
    const ZoneEvidence evidence = gatherEvidence(map, inkBlobs(map), box, pxPerMm);
    // Without its printed box the zone may be off the form, or on another form: an empty
    // area there says nothing about a signature.
    reading.finding = box.edgesFound >= 3 ? judgeSignature(evidence, zone.stampIsSignature)
                                          : SignatureFinding::BoxNotFound;
    reading.inkShare = double(evidence.handPixels) / evidence.innerPixels;
    reading.strokes = evidence.strokes;
    const QRectF outer(box.outer);
    reading.area =
        frame.toImage(QRectF(window.topLeft() + outer.topLeft() / pxPerMm, outer.size() / pxPerMm));
    return reading;
}

} // namespace

QString unlocatedZoneAdvice()
{
    return QStringLiteral("pas d'image de cette zone (code-barres illisible ou mal situé) : "
                          "regardez la signature sur la page elle-même, puis dites si la "
                          "confirmation est signée.");
}

SignatureVerdict signatureVerdictOf(SignatureFinding finding)
{
    switch (finding) {
    case SignatureFinding::Handwriting:
    case SignatureFinding::StampAccepted:
        return SignatureVerdict::Signed;
    case SignatureFinding::EmptyBox:
    case SignatureFinding::StampWithoutHand:
        return SignatureVerdict::Unsigned;
    case SignatureFinding::FaintOrShort:
    case SignatureFinding::MostlyOutside:
    case SignatureFinding::BoxNotFound:
    case SignatureFinding::CodeNotLocated:
    case SignatureFinding::ZoneOffImage:
        break;
    }
    return SignatureVerdict::Doubtful;
}

QString signatureVerdictText(SignatureVerdict verdict)
{
    switch (verdict) {
    case SignatureVerdict::Signed:
        return QStringLiteral("signée");
    case SignatureVerdict::Unsigned:
        return QStringLiteral("non signée");
    case SignatureVerdict::Doubtful:
        break;
    }
    return QStringLiteral("à vérifier");
}

QString signatureFindingText(SignatureFinding finding)
{
    switch (finding) {
    case SignatureFinding::Handwriting:
        return QStringLiteral("signature manuscrite dans le cadre");
    case SignatureFinding::StampAccepted:
        return QStringLiteral("cachet de l'établissement");
    case SignatureFinding::EmptyBox:
        return QStringLiteral("cadre vide");
    case SignatureFinding::StampWithoutHand:
        return QStringLiteral("cachet seul, sans signature manuscrite");
    case SignatureFinding::FaintOrShort:
        return QStringLiteral("trait pâle ou trop court pour être sûr");
    case SignatureFinding::MostlyOutside:
        return QStringLiteral("signature en grande partie hors du cadre");
    case SignatureFinding::BoxNotFound:
        return QStringLiteral("cadre de signature introuvable à cet endroit");
    case SignatureFinding::CodeNotLocated:
        return QStringLiteral("code-barres illisible ou mal situé : zone introuvable");
    case SignatureFinding::ZoneOffImage:
        break;
    }
    return QStringLiteral("zone hors de l'image");
}

namespace {

constexpr std::pair<SignatureFinding, const char *> kFindingKeys[] = {
    {SignatureFinding::Handwriting, "handwriting"},
    {SignatureFinding::StampAccepted, "stamp_accepted"},
    {SignatureFinding::EmptyBox, "empty_box"},
    {SignatureFinding::StampWithoutHand, "stamp_without_hand"},
    {SignatureFinding::FaintOrShort, "faint_or_short"},
    {SignatureFinding::MostlyOutside, "mostly_outside"},
    {SignatureFinding::BoxNotFound, "box_not_found"},
    {SignatureFinding::CodeNotLocated, "code_not_located"},
    {SignatureFinding::ZoneOffImage, "zone_off_image"},
};

} // namespace

QString signatureFindingKey(SignatureFinding finding)
{
    for (const auto &[value, key] : kFindingKeys) {
        if (value == finding)
            return QString::fromLatin1(key);
    }
    return {};
}

std::optional<SignatureFinding> signatureFindingFromKey(const QString &key)
{
    for (const auto &[value, text] : kFindingKeys) {
        if (key == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

QList<ZoneReading> checkSignatures(const QImage &page, double dpi, const CodeCorners &code,
                                   const QList<SignatureZone> &zones)
{
    const QImage grey = page.format() == QImage::Format_Grayscale8
                            ? page
                            : page.convertToFormat(QImage::Format_Grayscale8);
    const std::optional<CodeFrame> frame = CodeFrame::locate(grey, dpi, code);
    QList<ZoneReading> readings;
    for (const SignatureZone &zone : zones) {
        if (frame)
            readings.append(readZone(grey, dpi, *frame, zone));
        else
            readings.append(unread(zone));
    }
    return readings;
}

QImage zoneCrop(const QImage &page, const ZoneReading &zone)
{
    if (!zone.located())
        return {};
    const double width = QLineF(zone.area[0], zone.area[1]).length();
    const double height = QLineF(zone.area[0], zone.area[3]).length();
    // A third of the box's height around it shows strokes that stray out of it.
    const double margin = height / 3;
    const QRectF target(margin, margin, width, height);
    QTransform transform;
    if (width < 1 || height < 1 ||
        !QTransform::quadToQuad(zone.area,
                                QPolygonF({target.topLeft(), target.topRight(),
                                           target.bottomRight(), target.bottomLeft()}),
                                transform))
        return {};
    QImage crop(int(width + 2 * margin), int(height + 2 * margin), QImage::Format_RGB32);
    crop.fill(Qt::white);
    QPainter painter(&crop);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setTransform(transform);
    painter.drawImage(0, 0, page);
    painter.end();
    return crop.convertToFormat(QImage::Format_Grayscale8);
}

} // namespace pointage
