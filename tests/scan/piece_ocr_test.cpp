// Piece recognition on generated pages, as the OCR worker reads them: the identifying band of a
// 150 dpi scan, Tesseract in French, the shipped rules. Every piece recognised right, none
// wrongly typed, the covering letter left « à identifier »; and the worker's line protocol.
#include "PageDegradation.h"
#include "PagePainter.h"
#include "pointage/PageSource.h"
#include "pointage/PieceOcrWorker.h"
#include "pointage/RequirementRules.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testkit;

namespace {

QList<PieceSignature> shippedSignatures()
{
    auto rules = RequirementRules::load(QStringLiteral(POINTAGE_SOURCE_DIR "/config/rules.json"));
    EXPECT_TRUE(rules.ok());
    return rules.ok() ? rules->pieceSignatures() : QList<PieceSignature>();
}

} // namespace

TEST(PieceOcr, GeneratedPiecesAreRecognisedAndNeverWronglyTyped)
{
    constexpr int dpi = 150;
    const QList<PieceSignature> signatures = shippedSignatures();
    for (PieceDocument document : {PieceDocument::IdCard, PieceDocument::ApprenticeshipContract,
                                   PieceDocument::Diploma, PieceDocument::Transcript,
                                   PieceDocument::Accommodation, PieceDocument::UnrelatedLetter}) {
        for (int variant = 0; variant < 2; ++variant) {
            SCOPED_TRACE(documentName(document).toStdString() + " #" + std::to_string(variant));
            PageSpec spec;
            spec.document = document;
            spec.variant = variant;
            spec.candidateName = QStringLiteral("DURAND-LEFÈVRE Noé");
            // A clean copy, then what a decent office copier makes of it, fed a little askew.
            Degradation scan = Degradation::typicalScan(quint32(variant + 1));
            if (variant == 0)
                scan = Degradation{};
            scan.skewDegrees = variant == 0 ? 0.0 : 1.5;
            scan.jpegQuality = variant == 0 ? 0 : 50;
            const QImage page = degrade(drawPage(spec, dpi), scan);
            const auto text = ocrFrench(page.copy(pixelsWithin(page.size(), identifyingBand()))
                                            .convertToFormat(QImage::Format_Grayscale8),
                                        dpi);
            ASSERT_TRUE(text.has_value()) << "Tesseract or its French model is missing";
            const PieceGuess guess = recognisePiece(text.value(), signatures);
            EXPECT_EQ(guess.pieceCode, pieceCodeOf(document)) << text->toStdString();
        }
    }
}

TEST(PieceOcr, WorkerProtocolRoundTrips)
{
    const PieceOcrRequest request{QStringLiteral("/scans/lot 1 %.pdf"), 4, 150};
    const auto decoded = decodePieceOcrRequest(encodePieceOcrRequest(request));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->scanPath, request.scanPath);
    EXPECT_EQ(decoded->pageIndex, 4);
    EXPECT_EQ(decoded->dpi, 150);
    EXPECT_FALSE(decodePieceOcrRequest("ocr -1 150 /x.pdf\n").has_value());
    EXPECT_FALSE(decodePieceOcrRequest("render 1 150 /x.pdf /y.jpg\n").has_value());

    const QString text = QStringLiteral("CARTE NATIONALE D'IDENTITÉ\nIDFRA<<< 100 %");
    const PieceOcrAnswer answer = decodePieceOcrAnswer(encodePieceOcrAnswer({true, text}));
    EXPECT_TRUE(answer.ok);
    EXPECT_EQ(answer.text, text);
    EXPECT_FALSE(decodePieceOcrAnswer("garbage\n").ok);
}
