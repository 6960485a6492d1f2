#include "FuzzTargets.h"

#include "pointage/BarcodePatterns.h"
#include "pointage/CsvReader.h"
#include "pointage/CycladesReader.h"
#include "pointage/RequirementRules.h"
#include "pointage/SessionConfig.h"
#include "pointage/TextDecoding.h"
#include "scan/PdfFile.h"
#include "scan/PlainScanPage.h"

#include <cstring>

namespace pointage::fuzz {

namespace {

// Pages looked at per input: enough to reach every branch, few enough that a tree of 100,000
// pages does not make one input slow for the fuzzer's clock.
constexpr int kPagesPerInput = 8;

const Target kTargets[] = {
    {"pdf_index", &pdfIndex},       {"plain_scan_page", &plainScanPage},
    {"cyclades", &cyclades},        {"text_decoding", &textDecoding},
    {"config_rules", &configRules}, {"barcode_patterns", &barcodePatterns},
};

RosterRow sampleCandidate()
{
    RosterRow row;
    row.candidateNumber = QStringLiteral("01234567890");
    row.lastName = QStringLiteral("N'DIAYE");
    row.firstNames = QStringLiteral("Aïcha");
    row.birthDate = QDate(2008, 2, 29);
    row.categoryLabel = QStringLiteral("CANDIDAT INDIVIDUEL");
    row.categoryCode = QStringLiteral("100");
    row.extra.insert(QStringLiteral("Aménagements"), QStringLiteral("Tiers temps"));
    return row;
}

} // namespace

void pdfIndex(const QByteArray &input)
{
    const std::optional<PdfFile> file = PdfFile::index(input);
    for (int page = 0; file && page < std::min(file->pageCount(), kPagesPerInput); ++page) {
        for (const char *key : {"MediaBox", "Resources", "Contents", "Rotate"})
            if (const PdfValue *entry = file->page(page).value(key))
                (void)file->resolve(*entry);
    }
}

void plainScanPage(const QByteArray &input)
{
    const std::optional<PdfFile> file = PdfFile::index(input);
    for (int page = 0; file && page < std::min(file->pageCount(), kPagesPerInput); ++page) {
        if (const std::optional<PlainScanPage> scan = PlainScanPage::find(*file, page)) {
            (void)scan->decode(page == 0 ? 72 : 10);
            // A band alone: libjpeg skips the rows above it and crops its columns.
            (void)scan->decode(36, QRectF(0.25, 0.5, 0.5, 0.25));
        }
    }
}

void cyclades(const QByteArray &input)
{
    (void)readCycladesExport(input, QStringLiteral("fuzz.csv"));
}

void textDecoding(const QByteArray &input)
{
    const Result<DecodedText> decoded = decodeText(input, QStringLiteral("fuzz.csv"));
    if (!decoded)
        return;
    for (const CsvDialect dialect : {CsvDialect{}, CsvDialect{QLatin1Char(','), false}}) {
        CsvReader reader(decoded->text, dialect);
        CsvRecord record;
        while (reader.next(record)) {
        }
    }
}

// The first byte picks the file: even, a session configuration; odd, a rules file (whose
// conditions are then evaluated on a candidate).
void configRules(const QByteArray &input)
{
    if (input.isEmpty())
        return;
    const QByteArray json = input.mid(1);
    if (input[0] % 2 == 0) {
        (void)SessionConfig::parse(json, QStringLiteral("/fuzz/pointage.json"));
        return;
    }
    const Result<RequirementRules> rules =
        RequirementRules::parse(json, QStringLiteral("rules.json"));
    if (rules)
        (void)rules->owedPieces(sampleCandidate(), QDate(2027, 12, 31));
}

// Lines: payloads, classified with the default patterns; when the input starts with "!", its
// first two lines are the confirmation and separator patterns to use instead.
void barcodePatterns(const QByteArray &input)
{
    QList<QByteArray> lines = input.split('\n');
    BarcodePatterns patterns;
    if (input.startsWith('!') && lines.size() >= 2) {
        const Result<BarcodePatterns> given = BarcodePatterns::create(
            QString::fromUtf8(lines[0].mid(1)), QString::fromUtf8(lines[1]));
        if (!given)
            return;
        patterns = given.value();
        lines = lines.mid(2);
    }
    for (const QByteArray &line : std::as_const(lines))
        (void)patterns.classify(QString::fromUtf8(line));
}

const Target *targets()
{
    return kTargets;
}

int targetCount()
{
    return int(std::size(kTargets));
}

int runTarget(const char *name, const uint8_t *data, size_t size)
{
    for (const Target &target : kTargets) {
        if (std::strcmp(target.name, name) == 0) {
            target.run(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
            return 0;
        }
    }
    return -1;
}

} // namespace pointage::fuzz
