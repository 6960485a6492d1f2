// Is a scanned confirmation signed? Each signature zone is placed relative to the confirmation's
// barcode (so scanner offsets, skew and pages fed at any quarter turn do not matter), sampled
// upright, and judged from the handwriting left once the printed box, its label, dust and a
// school stamp are set aside. When unsure the answer is "doubtful": a person looks.
// Thread-safety: free functions on values; reentrant, callable from any thread.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <optional>

namespace pointage {

// One signature zone of the confirmation form, from configuration.
struct SignatureZone
{
    QString key;   // "candidat", "chef_etablissement"
    QString label; // for people: "signature du candidat"
    // The printed box in the barcode's own frame: origin at the top-left corner of the symbol
    // (its first bar, top of the bars), x along the reading direction, y downwards, in mm.
    QRectF areaMm;
    bool stampIsSignature = false; // a school stamp alone counts as signed
};

// The zones of the confirmation drawn by the test kit's page painter.
QList<SignatureZone> defaultSignatureZones();

// The barcode symbol's corners in image pixels, in the symbol's own orientation, as zxing-cpp's
// Result::position() gives them (for a linear code the top and bottom of the rows it read).
struct CodeCorners
{
    QPointF topLeft, topRight, bottomRight, bottomLeft;
};

enum class SignatureVerdict { Signed, Unsigned, Doubtful };

// What was seen in a zone; each finding has one verdict (signatureVerdictOf).
enum class SignatureFinding {
    Handwriting,      // signed: handwriting inside the box
    StampAccepted,    // signed: the school's stamp, where a stamp counts
    EmptyBox,         // unsigned: nothing but the printed box and its label
    StampWithoutHand, // unsigned: a stamp where a handwritten signature is needed
    FaintOrShort,     // doubtful: some ink, too faint, small or short to be sure
    MostlyOutside,    // doubtful: a signature lying mostly outside its box
    BoxNotFound,      // doubtful: no printed box where the zone should be (form or setting?)
    CodeNotLocated,   // doubtful: the barcode's corners do not give a usable frame
    ZoneOffImage,     // doubtful: the zone falls outside the image
};

SignatureVerdict signatureVerdictOf(SignatureFinding finding);
QString signatureVerdictText(SignatureVerdict verdict); // "signée", "non signée", "à vérifier"
QString signatureFindingText(SignatureFinding finding); // short French reason
// What a person does with a doubtful zone that has no crop (ZoneReading::located() false).
QString unlocatedZoneAdvice();
// Stable keys for the ledger and JSON ("handwriting", "empty_box"…); nullopt for a key no
// version of this program wrote.
QString signatureFindingKey(SignatureFinding finding);
std::optional<SignatureFinding> signatureFindingFromKey(const QString &key);

struct ZoneReading
{
    QString key;
    QString label;
    SignatureFinding finding = SignatureFinding::CodeNotLocated;
    double inkShare = 0; // handwriting pixels / pixels inside the box
    int strokes = 0;     // connected handwriting strokes inside the box
    // The printed box as found in the image (as configured when not found), in image pixels,
    // corner by corner as the form reads: top-left, top-right, bottom-right, bottom-left.
    QPolygonF area;
    // Doubtful zones, once ingested: zoneCrop() as PNG, so a person judges the zone without
    // the scan at hand (the web desk shows it, `pointage signature` writes it).
    QByteArray picture;

    SignatureVerdict verdict() const { return signatureVerdictOf(finding); }
    // Whether the box was placed on the image: only then is there a crop to show a person.
    bool located() const { return area.size() == 4; }
};

// One reading per zone, in the order of `zones`. `page` is the scan at `dpi` (grey is fastest),
// `code` the confirmation's barcode in that image.
QList<ZoneReading> checkSignatures(const QImage &page, double dpi, const CodeCorners &code,
                                   const QList<SignatureZone> &zones);

// The zone and a margin around it, upright, for people (the web desk, a PNG); Format_Grayscale8,
// null when the zone was not located.
QImage zoneCrop(const QImage &page, const ZoneReading &zone);

// `page` in colour with each zone outlined in its verdict's colour and the verdict written
// above it: what `pointage calibrate` shows so a manager can check the zones fit the form.
// Draws text: needs a QGuiApplication (any thread may call it once one exists).
QImage calibrationImage(const QImage &page, const QList<ZoneReading> &zones);

} // namespace pointage
