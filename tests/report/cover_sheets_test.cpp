#include "ReportFixtures.h"
#include "pointage/BarcodePatterns.h"
#include "pointage/CoverSheets.h"
#include "pointage/SeparatorSheets.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testkit;

namespace {

constexpr int scanDpi = 150;

QList<CandidateStatus> someCandidates()
{
    QList<CandidateStatus> candidates;
    const AcademieStatus status = twoSchoolsSharingAName();
    for (const CandidateStatus &c : status.candidateStatus) {
        if (!c.withdrawn)
            candidates.append(c);
    }
    candidates[1].owedPieces = samplePieceTypes();
    candidates[2].candidate.inscriptionNumber = QStringLiteral("004521");
    candidates[2].candidate.version = 12;
    return candidates;
}

struct PayloadCase
{
    const char *number;
    const char *expected;
};

const PayloadCase payloadCases[] = {
    {"02700000001", "BD-02700000001"},
    {"2700000001", "BD-02700000001"}, // a spreadsheet lost the leading zero
};

} // namespace

// A bordereau is never the signed confirmation: its payload reads back as a bordereau of that
// candidate, and never as a confirmation.
TEST(CoverSheets, PayloadsReadBackAsBordereauxNeverAsConfirmations)
{
    const BarcodePatterns patterns;
    for (const PayloadCase &c : payloadCases) {
        SCOPED_TRACE(c.expected);
        RosterRow row;
        row.candidateNumber = QString::fromLatin1(c.number);
        row.inscriptionNumber = QStringLiteral("101");
        row.version = 2;
        const QString payload = coverSheetPayload(row);
        EXPECT_EQ(payload, QString::fromLatin1(c.expected));
        const BarcodeClass read = patterns.classify(payload);
        EXPECT_EQ(read.kind, BarcodeClass::Kind::CoverSheet);
        EXPECT_EQ(read.candidateNumber, normaliseCandidateNumber(row.candidateNumber));
    }
}

TEST(CoverSheets, RefusesToPrintWhatTheConfiguredPatternWouldNotRead)
{
    auto patterns = BarcodePatterns::create(BarcodePatterns::defaultConfirmationPattern(),
                                            BarcodePatterns::defaultSeparatorPattern(),
                                            QStringLiteral("^DOSSIER-(?<candidate>\\d{11})$"));
    ASSERT_TRUE(patterns.ok());
    const auto pdf = coverSheetsPdf(someCandidates(), ReportSettings(),
                                    {QStringLiteral("2027"), patterns.value()});
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.error().code, ErrorCode::Config);
    EXPECT_TRUE(pdf.error().message.contains(QStringLiteral("barcodes.coverSheet")));
}

TEST(CoverSheets, PrintsOnePagePerCandidateWithItsChecklist)
{
    const QList<CandidateStatus> candidates = someCandidates();
    const auto pdf = coverSheetsPdf(candidates, ReportSettings(), {QStringLiteral("2027"), {}});
    ASSERT_TRUE(pdf.ok()) << pdf.error().message.toStdString();
    const QStringList pages = pdfPageTexts(pdf.value());
    ASSERT_EQ(pages.size(), candidates.size());
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const QString text = pages.at(i).simplified();
        const RosterRow &row = candidates.at(i).candidate;
        EXPECT_TRUE(text.contains(row.candidateNumber));
        EXPECT_TRUE(text.contains(row.lastName));
        EXPECT_TRUE(text.contains(row.uai));
        EXPECT_TRUE(text.contains(QStringLiteral("Confirmation d'inscription signée")));
        for (const PieceType &piece : samplePieceTypes()) {
            const QList<PieceType> &owedPieces = candidates.at(i).owedPieces;
            const bool owed = std::any_of(owedPieces.begin(), owedPieces.end(),
                                          [&](const PieceType &p) { return p.code == piece.code; });
            EXPECT_EQ(text.contains(piece.label), owed) << i << piece.label.toStdString();
        }
    }
}

TEST(CoverSheets, BarcodesReadBackAt150DpiAndAgree)
{
    const QList<CandidateStatus> candidates = someCandidates();
    {
        const auto pdf = coverSheetsPdf(candidates, ReportSettings(), {QStringLiteral("2027"), {}});
        ASSERT_TRUE(pdf.ok());
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            const QString expected = coverSheetPayload(candidates.at(i).candidate);
            const QList<DecodedCode> codes =
                readCodes(renderPdfPageGrey(pdf.value(), int(i), scanDpi));
            QStringList formats;
            for (const DecodedCode &code : codes) {
                formats.append(code.format);
                EXPECT_EQ(code.text, expected) << code.format.toStdString();
            }
            formats.sort();
            EXPECT_EQ(formats, (QStringList{QStringLiteral("Code128"), QStringLiteral("QRCode")}))
                << "page " << i + 1;
        }
    }
}

TEST(CoverSheets, RefusesAnInvalidCandidateNumber)
{
    QList<CandidateStatus> candidates = someCandidates();
    candidates[0].candidate.candidateNumber = QStringLiteral("12AB");
    const auto pdf = coverSheetsPdf(candidates, ReportSettings(), {});
    ASSERT_FALSE(pdf.ok());
    EXPECT_TRUE(pdf.error().message.contains(QStringLiteral("Bordereau 1")));
}

TEST(SeparatorSheets, EachPageCarriesItsPieceCodeReadableAt150Dpi)
{
    const QList<PieceType> &pieces = samplePieceTypes();
    const auto pdf = separatorSheetsPdf(pieces, ReportSettings());
    ASSERT_TRUE(pdf.ok());
    const QStringList pages = pdfPageTexts(pdf.value());
    ASSERT_EQ(pages.size(), pieces.size());
    const BarcodePatterns patterns;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const QString text = pages.at(i).simplified();
        EXPECT_TRUE(text.contains(pieces.at(i).label.toUpper()));
        EXPECT_TRUE(text.contains(QStringLiteral("Intercaler cette feuille devant la pièce")));
        const QList<DecodedCode> codes = readCodes(renderPdfPageGrey(pdf.value(), int(i), scanDpi));
        ASSERT_EQ(codes.size(), 1) << "page " << i + 1;
        EXPECT_EQ(codes.at(0).text, QStringLiteral("PJ-") + pieces.at(i).code);
        const BarcodeClass read = patterns.classify(codes.at(0).text);
        EXPECT_EQ(read.kind, BarcodeClass::Kind::Separator);
        EXPECT_EQ(read.pieceCode, pieces.at(i).code);
    }
}

TEST(SeparatorSheets, RefusesACodeThatCannotBeBarcoded)
{
    const auto pdf = separatorSheetsPdf({{QStringLiteral("DIPLÔME"), QStringLiteral("Diplôme")}},
                                        ReportSettings());
    EXPECT_FALSE(pdf.ok());
}
