#include "pointage/SignatureCalibration.h"

#include "pointage/PageSource.h"
#include "scan/SymbolDecoder.h"

namespace pointage {

namespace {

// The detail the check needs to fit the code's edges; the picture is halved for people.
constexpr int kDpi = 300;

} // namespace

Result<SignatureCalibration> calibrateSignatures(const QString &scan,
                                                 const QList<SignatureZone> &zones,
                                                 const BarcodePatterns &patterns)
{
    QString scanPath = scan;
    int pageNumber = 1;
    if (const qsizetype hash = scan.lastIndexOf(QLatin1Char('#')); hash > 0) {
        bool ok = false;
        pageNumber = scan.mid(hash + 1).toInt(&ok);
        if (!ok || pageNumber < 1)
            return makeError(
                ErrorCode::Format,
                QStringLiteral("« %1 » : après # vient un numéro de page (1, 2…).").arg(scan));
        scanPath.truncate(hash);
    }
    // Poppler renders at exactly the resolution asked for, which the zones' millimetres need;
    // the fast path would give the embedded image's own.
    auto source = openPageSource(scanPath, PdfRendering::PopplerOnly);
    if (!source)
        return source.error();
    if (pageNumber < 1 || pageNumber > source.value()->pageCount())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("pas de page %1 dans ce fichier (%2 page(s)).")
                             .arg(pageNumber)
                             .arg(source.value()->pageCount()),
                         scanPath, 0, pageNumber);
    auto page = source.value()->render(pageNumber - 1, kDpi);
    if (!page)
        return page.error();

    for (const ZXing::Binarizer binarizer :
         {ZXing::Binarizer::LocalAverage, ZXing::Binarizer::GlobalHistogram}) {
        const QList<DecodedSymbol> symbols = decodeSymbols(
            page.value(), SymbolPass{ZXing::BarcodeFormat::LinearCodes, binarizer, true, true});
        for (const DecodedSymbol &symbol : symbols) {
            if (patterns.classify(symbol.read.text).kind != BarcodeClass::Kind::Confirmation)
                continue;
            SignatureCalibration calibration;
            calibration.codeText = symbol.read.text;
            calibration.zones = checkSignatures(page.value(), kDpi, symbol.corners, zones);
            calibration.picture =
                calibrationImage(page.value(), calibration.zones)
                    .scaled(page->size() / 2, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            return calibration;
        }
    }
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("aucun code de confirmation lu sur cette page : les zones de "
                                    "signature se placent à partir de lui. Choisissez une page "
                                    "de confirmation bien lisible."),
                     scanPath, 0, pageNumber);
}

} // namespace pointage
