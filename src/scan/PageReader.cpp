#include "pointage/PageReader.h"

#include "BarcodeRegions.h"
#include "BlankPage.h"
#include "MatrixFinders.h"
#include "PageCells.h"
#include "SymbolDecoder.h"

#include <QBuffer>
#include <algorithm>
#include <optional>

namespace pointage {

namespace {

// ~1.4 mm cells at 150 dpi: a few bars wide, smaller than a line of text.
constexpr int kCellSize = 8;

constexpr ZXing::BarcodeFormats kLinearFormats = ZXing::BarcodeFormat::LinearCodes;
constexpr ZXing::BarcodeFormats kMatrixFormats = ZXing::BarcodeFormat::MatrixCodes;

// What the page has yielded so far, in the coordinates of the first-pass image.
class PageFindings
{
public:
    void add(const QList<DecodedSymbol> &symbols, const QPoint &offset, double scale)
    {
        const auto toPage = [&](const QPointF &p) {
            return QPointF(offset) + p / scale;
        };
        for (const DecodedSymbol &symbol : symbols) {
            const QRect box(offset + symbol.box.topLeft() / scale, symbol.box.size() / scale);
            m_boxes.append(box);
            const bool known = std::any_of(m_reads.cbegin(), m_reads.cend(), [&](const auto &r) {
                return r.format == symbol.read.format && r.text == symbol.read.text;
            });
            if (known)
                continue;
            m_reads.append(symbol.read);
            const CodeCorners &c = symbol.corners;
            m_corners.append(CodeCorners{toPage(c.topLeft), toPage(c.topRight),
                                         toPage(c.bottomRight), toPage(c.bottomLeft)});
        }
    }

    // The confirmation's number, and where its barcode lies when its bars were read: the
    // signature zones are measured from the bars. A confirmation read only from a 2D code (its
    // barcode damaged) has no corners here, since zones placed from that code would be wrong.
    struct Confirmation
    {
        BarcodeRead read;
        std::optional<CodeCorners> bars;
    };
    std::optional<Confirmation> confirmation(const BarcodePatterns &patterns) const
    {
        std::optional<Confirmation> found;
        for (qsizetype i = 0; i < m_reads.size(); ++i) {
            const BarcodeRead &read = m_reads.at(i);
            if (patterns.classify(read.text).kind != BarcodeClass::Kind::Confirmation)
                continue;
            if (formatsFromNames({read.format}).testFlags(kLinearFormats))
                return Confirmation{read, m_corners.at(i)};
            if (!found)
                found = Confirmation{read, std::nullopt};
        }
        return found;
    }

    bool explains(const QRect &area) const
    {
        return std::any_of(m_boxes.cbegin(), m_boxes.cend(),
                           [&](const QRect &box) { return box.intersects(area); });
    }

    const QList<BarcodeRead> &reads() const { return m_reads; }

    // The way most codes were read; upright when they disagree evenly.
    int rotation() const
    {
        int votes[4] = {};
        for (const BarcodeRead &read : m_reads)
            ++votes[(read.rotation / 90) & 3];
        int best = 0;
        for (int quarter = 1; quarter < 4; ++quarter)
            if (votes[quarter] > votes[best])
                best = quarter;
        return best * 90;
    }

private:
    QList<BarcodeRead> m_reads;
    QList<CodeCorners> m_corners; // parallel to m_reads
    QList<QRect> m_boxes;
};

// Second chances on a crop: rotation allowed (the crop is small), then the other binarizer,
// which copes better with faint print and uneven paper.
QList<DecodedSymbol> decodeCrop(const QImage &crop, ZXing::BarcodeFormats formats)
{
    for (const ZXing::Binarizer binarizer :
         {ZXing::Binarizer::LocalAverage, ZXing::Binarizer::GlobalHistogram}) {
        const QList<DecodedSymbol> symbols =
            decodeSymbols(crop, SymbolPass{formats, binarizer, true, true});
        if (!symbols.isEmpty())
            return symbols;
    }
    return {};
}

// The regions of `bars` (in the overview's pixels) read on the page at `detailDpi`, decoded
// only as far as they reach (most often the top margin); those read leave `bars`.
void lookAtDetail(PageSource &source, int pageIndex, const QImage &overview, int detailDpi,
                  int overviewDpi, ZXing::BarcodeFormats formats, QList<BarcodeRegion> &bars,
                  PageFindings &findings)
{
    QRect reach;
    for (const BarcodeRegion &region : std::as_const(bars))
        reach |= region.area;
    const QRectF within(double(reach.x()) / overview.width(), double(reach.y()) / overview.height(),
                        double(reach.width()) / overview.width(),
                        double(reach.height()) / overview.height());
    const Result<QImage> detailed = source.renderArea(pageIndex, detailDpi, within);
    if (!detailed)
        return;
    const double scale =
        renderedDpi(detailed.value(), detailDpi) / renderedDpi(overview, overviewDpi);
    for (auto it = bars.begin(); it != bars.end();) {
        const QRect area =
            QRect(it->area.topLeft() * scale - detailed->offset(), it->area.size() * scale)
                .intersected(detailed->rect());
        const QList<DecodedSymbol> symbols = decodeCrop(detailed->copy(area), formats);
        findings.add(symbols, it->area.topLeft(), scale);
        it = symbols.isEmpty() ? it + 1 : bars.erase(it);
    }
}

QByteArray pngOf(const QImage &image)
{
    QByteArray bytes;
    if (image.isNull())
        return bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

PageReader::PageReader(ReadOptions options) : m_options(std::move(options)) {}

PageRead PageReader::read(PageSource &source, int pageIndex) const
{
    PageRead page;
    page.pageNumber = pageIndex + 1;
    const Result<QImage> rendered = source.render(pageIndex, m_options.firstPassDpi);
    if (!rendered) {
        page.decodeError = rendered.error().located();
        return page;
    }
    const QImage &overview = rendered.value();
    const PageCells cells(overview, kCellSize);
    const QList<BarcodeRegion> regions = findBarcodeRegions(cells);
    if (regions.isEmpty() && looksBlank(cells)) {
        page.blank = true;
        return page;
    }

    const ZXing::BarcodeFormats wanted = formatsFromNames(m_options.formats);
    PageFindings findings;
    // A quick look for bars over the whole page first: zxing then reads rows one by one,
    // while 2D codes would make it binarize the whole page, a third of the reading's cost. 2D
    // codes and the bars it leaves unexplained get a thorough look each, on a crop of their
    // region; bars that still fail, a look at full detail, then a thorough look everywhere.
    findings.add(decodeSymbols(overview, SymbolPass{wanted & kLinearFormats,
                                                    ZXing::Binarizer::GlobalHistogram, false}),
                 {}, 1.0);
    const auto unexplained = [&] {
        QList<BarcodeRegion> left;
        for (const BarcodeRegion &region : regions)
            if (!findings.explains(region.area))
                left.append(region);
        return left;
    };
    for (const BarcodeRegion &region : unexplained()) {
        const ZXing::BarcodeFormats formats =
            wanted & (region.kind == BarcodeRegion::Kind::Linear ? kLinearFormats : kMatrixFormats);
        findings.add(decodeCrop(overview.copy(region.area), formats), region.area.topLeft(), 1.0);
    }
    // Only bars are worth more looks: a 2D code that a crop cannot read at 150 dpi is too small
    // or too damaged to be ours, and its region alone is a weak cue (text and tables look
    // alike); its finder patterns decide below.
    const auto unreadBars = [&] {
        QList<BarcodeRegion> bars = unexplained();
        bars.removeIf([](const BarcodeRegion &r) { return r.kind != BarcodeRegion::Kind::Linear; });
        return bars;
    };
    QList<BarcodeRegion> unresolved = unreadBars();
    // Bars too faint, blurred or fine for 150 dpi: a look at full detail first, decoded only as
    // far as they reach. It reads most of them for a fraction of a thorough pass over the whole
    // page, which then looks for what is still unread (a region cut badly reads whole).
    if (!unresolved.isEmpty() && m_options.detailDpi > m_options.firstPassDpi)
        lookAtDetail(source, pageIndex, overview, m_options.detailDpi, m_options.firstPassDpi,
                     wanted & kLinearFormats, unresolved, findings);
    if (!unresolved.isEmpty()) {
        findings.add(decodeSymbols(overview, SymbolPass{wanted}), {}, 1.0);
        unresolved = unreadBars();
    }

    // A 2D code too damaged to decode still shows the patterns printed to find it; before it
    // is called unreadable, zxing gets one thorough look for it over the whole page. A page
    // that yielded a code is already accounted for.
    bool matrixUnread = false;
    if (findings.reads().isEmpty() && unresolved.isEmpty() && showsMatrixCodeFinder(overview)) {
        findings.add(decodeSymbols(overview, SymbolPass{wanted & kMatrixFormats}), {}, 1.0);
        matrixUnread = findings.reads().isEmpty();
    }
    page.codes = findings.reads();
    page.rotation = findings.rotation();
    page.suspectedCode = !unresolved.isEmpty() || matrixUnread;
    if (!m_options.signatureZones.isEmpty()) {
        if (const auto code = findings.confirmation(m_options.patterns)) {
            page.signatureDpi = renderedDpi(overview, m_options.firstPassDpi);
            // Without bars, corners that locate nothing: every zone is left to a person.
            const CodeCorners bars = code->bars.value_or(CodeCorners{});
            page.signatures =
                checkSignatures(overview, page.signatureDpi, bars, m_options.signatureZones);
            for (ZoneReading &zone : page.signatures) {
                if (zone.verdict() == SignatureVerdict::Doubtful)
                    zone.picture = pngOf(zoneCrop(overview, zone));
            }
        }
    }
    return page;
}

} // namespace pointage
