// The signature check on a generated batch of confirmations: every kind of signature zone
// (signed, unsigned, faint, stamp only, signed across the box's edge) in each of the two boxes,
// drawn at 300 dpi, scanned clean, typical, skewed or upside down (and, apart, poorly: JPEG,
// blur, pale toner), then brought to the 150 dpi the reader decodes at. Prints what the check
// said per zone and kind, then per scan condition: signed zones judged unsigned (target 0 on
// clean scans), unsigned ones caught (target ≥ 98 %), the doubtful rate; and the check's own
// time per page, barcode decoding excluded (wall clock, and CPU time of the thread).
//   bench_signatures [--per-kind N] [--dump DIR]   (default 200 pages per kind; DIR: the first
//   pages' calibration images and zone crops)
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
#include <ctime>

using namespace pointage;
using namespace pointage::testkit;

namespace {

const QList<SignatureInk> kInks = {SignatureInk::Signed, SignatureInk::Unsigned,
                                   SignatureInk::Faint, SignatureInk::StampOnly,
                                   SignatureInk::OutsideBox};

enum Condition { Clean, Typical, Skewed, UpsideDown, Poor, ConditionCount };
const char *const kConditionNames[] = {"clean", "typical scan", "skewed 0.5-2.5 deg", "upside down",
                                       "poor (apart)"};

Degradation scanFor(Condition condition, int n, QRandomGenerator &random)
{
    if (condition == Clean)
        return Degradation{};
    Degradation scan = Degradation::typicalScan(quint32(n + 1));
    if (condition == Skewed)
        scan.skewDegrees = (random.bounded(2) ? 1 : -1) * (0.5 + random.bounded(2.0));
    scan.upsideDown = condition == UpsideDown;
    if (condition == Poor) {
        scan.skewDegrees = random.bounded(3.0) - 1.5;
        scan.inkContrast = 0.6;
        scan.blurRadius = 1;
        scan.jpegQuality = 40;
    }
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

struct Verdicts
{
    int signedCount = 0, unsignedCount = 0, doubtful = 0;
    void add(SignatureVerdict verdict)
    {
        (verdict == SignatureVerdict::Signed     ? signedCount
         : verdict == SignatureVerdict::Unsigned ? unsignedCount
                                                 : doubtful)++;
    }
};

struct Outcomes
{
    int signedZones = 0, signedAsUnsigned = 0, unsignedZones = 0, unsignedCaught = 0;
    int doubtful = 0;
    void add(bool shouldSign, SignatureVerdict verdict)
    {
        (shouldSign ? signedZones : unsignedZones)++;
        signedAsUnsigned += shouldSign && verdict == SignatureVerdict::Unsigned;
        unsignedCaught += !shouldSign && verdict == SignatureVerdict::Unsigned;
        doubtful += verdict == SignatureVerdict::Doubtful;
    }
    void add(const Outcomes &o)
    {
        signedZones += o.signedZones;
        signedAsUnsigned += o.signedAsUnsigned;
        unsignedZones += o.unsignedZones;
        unsignedCaught += o.unsignedCaught;
        doubtful += o.doubtful;
    }
    void print(const char *name) const
    {
        const int zones = signedZones + unsignedZones;
        std::printf("%-22s %5d %9d of %-5d %7d of %-4d (%5.1f %%) %6.1f %%\n", name, zones,
                    signedAsUnsigned, signedZones, unsignedCaught, unsignedZones,
                    unsignedZones ? 100.0 * unsignedCaught / unsignedZones : 0.0,
                    zones ? 100.0 * doubtful / zones : 0.0);
    }
};

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

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
    QMap<QString, Verdicts> byKind; // "zone kind" -> what the check said
    Outcomes byCondition[ConditionCount];
    int pages = 0, codesMissed = 0;
    qint64 wallNs = 0;
    double cpuMs = 0;
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
            const auto condition = Condition(i % ConditionCount);
            const QImage scanned = degrade(drawPage(spec, 300), scanFor(condition, n, random));
            const QImage page =
                scanned.scaled(scanned.size() / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            const std::optional<CodeCorners> corners = codeCorners(page, scanned, spec.payload);
            if (!corners) {
                ++codesMissed;
                continue;
            }
            QElapsedTimer timer;
            const double cpuBefore = threadCpuMs();
            timer.start();
            const QList<ZoneReading> readings = checkSignatures(page, 150, *corners, zones);
            wallNs += timer.nsecsElapsed();
            cpuMs += threadCpuMs() - cpuBefore;
            ++pages;
            if (!dumpDir.isEmpty() && n < 40)
                dumpPage(QDir(dumpDir), n, page, readings);
            const SignatureInk inks[] = {spec.candidateSignature, spec.headSignature};
            for (int z = 0; z < zones.size(); ++z) {
                const SignatureVerdict verdict = readings.at(z).verdict();
                byKind[zones.at(z).key + QLatin1Char(' ') + signatureInkName(inks[z])].add(verdict);
                byCondition[condition].add(shouldBeSigned(inks[z], zones.at(z)), verdict);
            }
        }

    std::printf("%d confirmations checked (drawn at 300 dpi, read at 150), %d codes not read\n\n",
                pages, codesMissed);
    std::printf("%-32s %7s %9s %9s\n", "zone and what it holds", "signed", "unsigned", "doubtful");
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        std::printf("%-32s %7d %9d %9d\n", qPrintable(it.key()), it->signedCount, it->unsignedCount,
                    it->doubtful);
    std::printf("\n%-22s %5s %18s %24s %8s\n", "scan condition", "zones", "signed -> unsigned",
                "unsigned caught", "doubtful");
    Outcomes office;
    for (int c = 0; c < ConditionCount; ++c) {
        byCondition[c].print(kConditionNames[c]);
        if (c != Poor)
            office.add(byCondition[c]);
    }
    office.print("all but poor");
    std::printf("\ncheck alone, per page (2 zones): %.2f ms wall clock, %.2f ms CPU\n",
                pages ? wallNs / 1e6 / pages : 0.0, pages ? cpuMs / pages : 0.0);
    return 0;
}
