#include "ReportFixtures.h"

#include <ZXing/ReadBarcode.h>
#include <memory>
#include <poppler-qt6.h>

namespace pointage::testkit {

AcademieStatus twoSchoolsSharingAName(QDate asOf)
{
    const QString nameA = QStringLiteral("Lycée professionnel Le Châtelier");
    const QString nameB = QStringLiteral("CFA des Métiers de la Table");
    const QList<PieceType> &pieces = samplePieceTypes();
    AcademieStatusBuilder builder(decemberWindow(asOf));
    builder.addSchool(schoolA, nameA);
    builder.addSchool(schoolB, nameB);

    CandidateStatus bernard = candidateAt(schoolA, nameA, QStringLiteral("02700000001"),
                                          QStringLiteral("BERNARD"), QStringLiteral("Léa"));
    bernard.owedPieces = {pieces.at(0)};
    bernard.missingPieces = bernard.owedPieces;
    builder.addCandidate(bernard);

    CandidateStatus etienne = candidateAt(schoolA, nameA, QStringLiteral("02700000002"),
                                          QStringLiteral("ÉTIENNE"), QStringLiteral("Noé"));
    etienne.owedPieces = {pieces.at(0), pieces.at(1)};
    receive(etienne, QDate(2027, 12, 3), {pieces.at(1)});
    builder.addCandidate(etienne);

    CandidateStatus fabre = candidateAt(schoolA, nameA, QStringLiteral("02700000003"),
                                        QStringLiteral("FABRE"), QStringLiteral("Zoé"));
    receive(fabre, QDate(2027, 12, 2));
    builder.addCandidate(fabre);

    const QString bakery = QStringLiteral("50025");
    const QString bakeryLabel = QStringLiteral("CAP Boulanger");
    CandidateStatus martinA =
        candidateAt(schoolA, nameA, QStringLiteral("02700000004"), QStringLiteral("MARTIN"),
                    QStringLiteral("Jean"), bakery, bakeryLabel);
    receive(martinA, QDate(2027, 12, 23));
    martinA.state = CandidateState::ReceivedLate;
    martinA.late = true;
    builder.addCandidate(martinA);

    CandidateStatus zola =
        candidateAt(schoolA, nameA, QStringLiteral("02700000005"), QStringLiteral("ZOLA"),
                    QStringLiteral("Émile"), bakery, bakeryLabel);
    receive(zola, QDate(2027, 12, 4));
    zola.state = CandidateState::Stale;
    zola.stale = true;
    zola.scannedVersion = 1;
    zola.candidate.version = 3;
    builder.addCandidate(zola);

    CandidateStatus gone = candidateAt(schoolA, nameA, QStringLiteral("02700000006"),
                                       QStringLiteral("ABANDON"), QStringLiteral("Paul"));
    gone.withdrawn = true;
    gone.state = CandidateState::Withdrawn;
    builder.addCandidate(gone);

    builder.addCandidate(candidateAt(schoolB, nameB, QStringLiteral("02700000101"),
                                     QStringLiteral("DURAND"), QStringLiteral("Paul")));
    builder.addCandidate(candidateAt(schoolB, nameB, QStringLiteral("02700000102"),
                                     QStringLiteral("MARTIN"), QStringLiteral("Jean")));
    return builder.build();
}

AcademieStatus oneSchoolNothingReceived(int count)
{
    const QString name = QStringLiteral("Lycée professionnel Les Calanques");
    AcademieStatusBuilder builder(decemberWindow(QDate(2027, 12, 10)));
    builder.addSchool(schoolA, name);
    for (int i = 0; i < count; ++i) {
        const bool bakery = i >= count / 2;
        CandidateStatus c = candidateAt(
            schoolA, name, QStringLiteral("0270000%1").arg(i, 4, 10, QLatin1Char('0')),
            QStringLiteral("NOM%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("Prénom"),
            bakery ? QStringLiteral("50025") : QStringLiteral("50022"),
            bakery ? QStringLiteral("CAP Boulanger") : QStringLiteral("CAP Cuisine"));
        c.owedPieces = samplePieceTypes().mid(i % 3, 1);
        c.missingPieces = c.owedPieces;
        builder.addCandidate(c);
    }
    return builder.build();
}

QStringList pdfPageTexts(const QByteArray &pdf)
{
    QStringList texts;
    std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(pdf);
    if (!document || document->isLocked())
        return texts;
    for (int i = 0; i < document->numPages(); ++i) {
        std::unique_ptr<Poppler::Page> page = document->page(i);
        texts.append(page ? page->text(QRectF()) : QString());
    }
    return texts;
}

QImage renderPdfPageGrey(const QByteArray &pdf, int page, int dpi)
{
    std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(pdf);
    if (!document || page < 0 || page >= document->numPages())
        return {};
    std::unique_ptr<Poppler::Page> popplerPage = document->page(page);
    return popplerPage->renderToImage(dpi, dpi).convertToFormat(QImage::Format_Grayscale8);
}

QList<DecodedCode> readCodes(const QImage &grey)
{
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::QRCode);
    hints.setTryDownscale(false); // the Debian build aborts on linear codes otherwise
    hints.setTryRotate(false);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                                ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    QList<DecodedCode> codes;
    for (const ZXing::Result &result : ZXing::ReadBarcodes(view, hints)) {
        if (result.isValid())
            codes.append({QString::fromStdString(ZXing::ToString(result.format())),
                          QString::fromStdString(result.text())});
    }
    return codes;
}

} // namespace pointage::testkit
