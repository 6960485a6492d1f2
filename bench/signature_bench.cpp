// The signature check on a generated batch of confirmations: every kind of signature zone
// (signed, unsigned, faint, stamp only, signed across the box's edge) in each of the two boxes,
// drawn at 300 dpi, scanned clean, typical, skewed or upside down, then brought to the 150 dpi
// the reader decodes at. Prints per zone and kind what the check said, signed forms judged
// unsigned (target 0 on clean scans), unsigned ones caught (target ≥ 98 %), the doubtful rate
// and the check's own time per page (barcode decoding excluded).
//   bench_signatures [--per-kind N] [--dump DIR]   (default 200; DIR: the first pages'
//   calibration images and zone crops)
#include "PageDegradation.h"
#include "PagePainter.h"
#include "pointage/SignatureCheck.h"
#include "scan/SymbolDecoder.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QMap>
#include <QRandomGenerator>
#include <cstdio>

using namespace pointage;
using namespace pointage::testkit;

namespace {

const QList<SignatureInk> kInks = {SignatureInk::Signed, SignatureInk::Unsigned,
                                   SignatureInk::Faint, SignatureInk::StampOnly,
                                   SignatureInk::OutsideBox};
const QStringList kConditions = {QStringLiteral("clean"), QStringLiteral("typical"),
                                 QStringLiteral("skewed"), QStringLiteral("upside_down")};

Degradation scanFor(int condition, int n, QRandomGenerator &random)
{
    if (condition == 0)
        return Degradation{};
    Degradation scan = Degradation::typicalScan(quint32(n + 1));
    if (condition == 2)
        scan.skewDegrees = (random.bounded(2) ? 1 : -1) * (0.5 + random.bounded(2.0));
    scan.upsideDown = condition == 3;
    return scan;
}

// What the office expects: a signature, or a stamp where a stamp counts, must not be "unsigned";
// an empty box, or a stamp where a hand signature is needed, must be.
bool shouldBeSigned(SignatureInk ink, const SignatureZone &zone)
{
    return ink == SignatureInk::Signed || ink == SignatureInk::Faint ||
           ink == SignatureInk::OutsideBox ||
           (ink == SignatureInk::StampOnly && zone.stampIsSignature);
}

struct Tally
{
    int signedCount = 0, unsignedCount = 0, doubtful = 0;
    void add(SignatureVerdict verdict)
    {
        (verdict == SignatureVerdict::Signed     ? signedCount
         : verdict == SignatureVerdict::Unsigned ? unsignedCount
                                                 : doubtful)++;
    }
    int total() const { return signedCount + unsignedCount + doubtful; }
};

// The code's corners in `page` as the reader's passes would find them: on the page itself, or
// on the scan at full detail when the page is too coarse (then scaled down to the page).
std::optional<CodeCorners> codeCorners(const QImage &page, const QImage &detail,
                                       const QString &payload)
{
    for (const QImage *image : {&page, &detail})
        for (const DecodedSymbol &symbol :
             decodeSymbols(*image, SymbolPass{ZXing::BarcodeFormat::Code128}))
            if (symbol.read.text == payload) {
                const double scale = double(page.width()) / image->width();
                const CodeCorners &c = symbol.corners;
                return CodeCorners{c.topLeft * scale, c.topRight * scale, c.bottomRight * scale,
                                   c.bottomLeft * scale};
            }
    return std::nullopt;
}

// What a person would look at: the calibration image and each zone's crop.
void dumpPage(const QDir &dir, int n, const QImage &page, const QList<ZoneReading> &readings)
{
    const QString stem = QStringLiteral("page-%1").arg(n, 3, 10, QLatin1Char('0'));
    calibrationImage(page, readings).save(dir.filePath(stem + QStringLiteral(".png")));
    for (const ZoneReading &zone : readings)
        zoneCrop(page, zone)
            .save(dir.filePath(stem + QLatin1Char('-') + zone.key + QStringLiteral(".png")));
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption perKind(QStringLiteral("per-kind"), QString(), QStringLiteral("N"),
                                     QStringLiteral("200"));
    const QCommandLineOption dump(QStringLiteral("dump"), QString(), QStringLiteral("DIR"));
    parser.addOptions({perKind, dump});
    parser.process(app);
    const int count = std::max(1, parser.value(perKind).toInt());
    const QString dumpDir = parser.value(dump);
    if (!dumpDir.isEmpty())
        QDir().mkpath(dumpDir);

    const QList<SignatureZone> zones = defaultSignatureZones();
    QMap<QString, Tally> byKind;      // "zone ink" -> verdicts
    QMap<QString, Tally> byCondition; // scan condition -> verdicts over both zones
    int signedZones = 0, signedAsUnsigned = 0, cleanSigned = 0, cleanSignedAsUnsigned = 0;
    int unsignedZones = 0, unsignedCaught = 0, doubtful = 0, zonesRead = 0, codeMissed = 0;
    qint64 checkNs = 0;
    int pages = 0;
    QRandomGenerator random(2025);
    for (int i = 0; i < count; ++i)
        for (int k = 0; k < kInks.size(); ++k) {
            const int n = i * int(kInks.size()) + k;
            PageSpec spec;
            spec.kind = PageKind::Confirmation;
            spec.payload = QStringLiteral("0227%1").arg(n, 7, 10, QLatin1Char('0'));
            spec.variant = n;
            spec.candidateSignature = kInks.at(k);
            spec.headSignature = kInks.at((k + i) % kInks.size());
            const int condition = i % int(kConditions.size());
            const QImage scanned = degrade(drawPage(spec, 300), scanFor(condition, n, random));
            const QImage page =
                scanned.scaled(scanned.size() / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            const std::optional<CodeCorners> corners = codeCorners(page, scanned, spec.payload);
            if (!corners) {
                ++codeMissed;
                continue;
            }
            QElapsedTimer timer;
            timer.start();
            const QList<ZoneReading> readings = checkSignatures(page, 150, *corners, zones);
            checkNs += timer.nsecsElapsed();
            ++pages;
            if (!dumpDir.isEmpty() && n < 40)
                dumpPage(QDir(dumpDir), n, page, readings);
            const SignatureInk inks[] = {spec.candidateSignature, spec.headSignature};
            for (int z = 0; z < zones.size(); ++z) {
                const SignatureVerdict verdict = readings.at(z).verdict();
                byKind[zones.at(z).key + QLatin1Char(' ') + signatureInkName(inks[z])].add(verdict);
                ++zonesRead;
                doubtful += verdict == SignatureVerdict::Doubtful;
                if (shouldBeSigned(inks[z], zones.at(z))) {
                    ++signedZones;
                    signedAsUnsigned += verdict == SignatureVerdict::Unsigned;
                    if (condition < 2) {
                        ++cleanSigned;
                        cleanSignedAsUnsigned += verdict == SignatureVerdict::Unsigned;
                    }
                } else {
                    ++unsignedZones;
                    unsignedCaught += verdict == SignatureVerdict::Unsigned;
                }
                byCondition[kConditions.at(condition)].add(verdict);
            }
        }

    std::printf("%d confirmations checked (300 dpi scans read at 150 dpi), %d codes not read\n",
                pages, codeMissed);
    std::printf("%-32s %7s %9s %9s\n", "zone and what it holds", "signed", "unsigned", "doubtful");
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        std::printf("%-32s %7d %9d %9d\n", qPrintable(it.key()), it->signedCount, it->unsignedCount,
                    it->doubtful);
    std::printf("%-32s %7s %9s %9s\n", "scan condition (all zones)", "signed", "unsigned",
                "doubtful");
    for (auto it = byCondition.cbegin(); it != byCondition.cend(); ++it)
        std::printf("%-32s %7d %9d %9d\n", qPrintable(it.key()), it->signedCount, it->unsignedCount,
                    it->doubtful);
    std::printf("signed judged unsigned: %d of %d (clean and typical scans: %d of %d)\n",
                signedAsUnsigned, signedZones, cleanSignedAsUnsigned, cleanSigned);
    std::printf("unsigned caught: %d of %d (%.1f %%)\n", unsignedCaught, unsignedZones,
                unsignedZones ? 100.0 * unsignedCaught / unsignedZones : 0.0);
    std::printf("doubtful: %d of %d zones (%.1f %%)\n", doubtful, zonesRead,
                zonesRead ? 100.0 * doubtful / zonesRead : 0.0);
    std::printf("check alone: %.2f ms per page (%d zones each)\n",
                pages ? checkNs / 1e6 / pages : 0.0, int(zones.size()));
    return 0;
}
