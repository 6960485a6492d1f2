#include "PageBatch.h"

#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentMap>

namespace pointage::testkit {

namespace {

const QStringList &pieceCodes()
{
    static const QStringList codes = {QStringLiteral("DIPLOME"), QStringLiteral("IDENTITE"),
                                      QStringLiteral("AMENAGEMENT"), QStringLiteral("ATTESTATION")};
    return codes;
}

PageSpec pageOf(PageKind kind, const QString &payload = {})
{
    PageSpec spec;
    spec.kind = kind;
    spec.payload = payload;
    return spec;
}

class BatchPlanner
{
public:
    explicit BatchPlanner(const BatchMix &mix) : m_mix(mix), m_random(mix.seed) {}

    QList<BatchPage> plan()
    {
        while (m_pages.size() < m_mix.pages)
            addDossier();
        m_pages.resize(m_mix.pages);
        return m_pages;
    }

private:
    bool chance(double probability) { return m_random.generateDouble() < probability; }

    QString candidateNumber()
    {
        QString number = QStringLiteral("0");
        for (int i = 0; i < 10; ++i)
            number += QChar(u'0' + int(m_random.bounded(10)));
        if (chance(0.5))
            number += QStringLiteral("-%1V%2")
                          .arg(m_random.bounded(100, 999))
                          .arg(m_random.bounded(1, 4));
        return number;
    }

    Degradation degradation()
    {
        Degradation d = Degradation::typicalScan(m_random.generate());
        d.noiseSigma = 2 + 4 * m_random.generateDouble();
        if (chance(m_mix.skewed))
            d.skewDegrees = (m_random.generateDouble() * 2 - 1) * 3.0;
        d.upsideDown = chance(m_mix.upsideDown);
        if (chance(m_mix.faint)) {
            d.inkContrast = 0.45;
            d.paperGrey = 235;
        }
        if (chance(m_mix.blurred))
            d.blurRadius = 1;
        if (chance(m_mix.jpegArtefacts))
            d.jpegQuality = 30 + int(m_random.bounded(31));
        return d;
    }

    void add(PageSpec spec, const QString &pieceCode = {})
    {
        spec.variant = int(m_pages.size());
        m_pages.append(BatchPage{spec, degradation(), m_owner, pieceCode});
        if (spec.kind != PageKind::Blank && chance(m_mix.blankBacks))
            add(pageOf(PageKind::Blank), pieceCode);
    }

    void addDossier()
    {
        if (chance(m_mix.foreignPages)) {
            PageSpec foreign = pageOf(PageKind::ForeignCode);
            if (chance(0.5)) {
                foreign.symbology = Symbology::Ean13;
                foreign.payload = ean13WithCheckDigit(
                    QStringLiteral("376%1").arg(m_random.bounded(100000000, 999999999)));
            } else {
                foreign.payload =
                    QStringLiteral("COLIS%1").arg(m_random.bounded(10000000, 99999999));
            }
            add(foreign);
        }
        PageSpec confirmation = pageOf(chance(m_mix.damagedConfirmations) ? PageKind::DamagedCode
                                                                          : PageKind::Confirmation);
        confirmation.payload = candidateNumber();
        confirmation.withQrCode = chance(m_mix.qrCodes);
        m_owner = confirmation.payload.left(11);
        add(confirmation);
        const int pieces = int(m_random.bounded(5)) / 2; // 0, 0, 1, 1, 2
        for (int i = 0; i < pieces; ++i) {
            QString piece;
            if (chance(m_mix.separators)) {
                piece = pieceCodes().at(int(m_random.bounded(pieceCodes().size())));
                add(pageOf(PageKind::Separator, QStringLiteral("PJ-") + piece), piece);
            }
            add(pageOf(PageKind::Supporting), piece);
        }
    }

    BatchMix m_mix;
    QRandomGenerator m_random;
    QList<BatchPage> m_pages;
    QString m_owner;
};

} // namespace

QStringList BatchPage::expectedCodes() const
{
    switch (spec.kind) {
    case PageKind::Confirmation: {
        QStringList codes{symbologyName(spec.symbology) + QLatin1Char(':') + spec.payload};
        if (spec.withQrCode)
            codes.append(symbologyName(Symbology::QRCode) + QLatin1Char(':') + spec.payload);
        return codes;
    }
    case PageKind::Separator:
        return {symbologyName(Symbology::Code128) + QLatin1Char(':') + spec.payload};
    case PageKind::CoverSheet: // the bordereau prints its payload twice
        return {symbologyName(spec.symbology) + QLatin1Char(':') + spec.payload,
                symbologyName(Symbology::QRCode) + QLatin1Char(':') + spec.payload};
    case PageKind::ForeignCode:
        return {symbologyName(spec.symbology) + QLatin1Char(':') + spec.payload};
    case PageKind::Supporting:
    case PageKind::Blank:
    case PageKind::DamagedCode:
        break;
    }
    return {};
}

bool BatchPage::isReadableConfirmation() const
{
    return spec.kind == PageKind::Confirmation;
}

PageBucket BatchPage::expectedBucket() const
{
    switch (spec.kind) {
    case PageKind::Confirmation:
        return PageBucket::Confirmation;
    case PageKind::Separator:
        return PageBucket::Separator;
    case PageKind::CoverSheet:
        return PageBucket::CoverSheet;
    case PageKind::Blank:
        return PageBucket::Blank;
    case PageKind::Supporting:
        return owner.isEmpty() ? PageBucket::Exception : PageBucket::Supporting;
    case PageKind::ForeignCode:
    case PageKind::DamagedCode:
        break;
    }
    return PageBucket::Exception;
}

ExceptionReason BatchPage::expectedReason() const
{
    if (expectedBucket() != PageBucket::Exception)
        return ExceptionReason::None;
    switch (spec.kind) {
    case PageKind::ForeignCode:
        return ExceptionReason::ForeignCode;
    case PageKind::DamagedCode:
        return ExceptionReason::UnreadableCode;
    default:
        return ExceptionReason::BeforeFirstConfirmation;
    }
}

QList<BatchPage> planBatch(const BatchMix &mix)
{
    return BatchPlanner(mix).plan();
}

QImage renderBatchPage(const BatchPage &page, int dpi)
{
    return degrade(drawPage(page.spec, dpi), page.degradation);
}

bool writeBatchPdf(const QString &path, const QList<BatchPage> &pages, int dpi,
                   PdfImageEncoding encoding)
{
    // Render a few pages at a time in parallel: a 300-dpi page is 9 MB of pixels, and a whole
    // batch must not sit in memory at once.
    constexpr qsizetype kChunk = 16;
    ScanPdfWriter writer(encoding);
    for (qsizetype first = 0; first < pages.size(); first += kChunk) {
        const QList<QImage> images =
            QtConcurrent::blockingMapped(pages.mid(first, kChunk), [dpi](const BatchPage &page) {
                return renderBatchPage(page, dpi);
            });
        for (const QImage &image : images)
            writer.addPage(image, dpi);
    }
    return writer.save(path);
}

QString ean13WithCheckDigit(const QString &twelveDigits)
{
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += twelveDigits.at(i).digitValue() * (i % 2 ? 3 : 1);
    return twelveDigits + QString::number((10 - sum % 10) % 10);
}

} // namespace pointage::testkit
