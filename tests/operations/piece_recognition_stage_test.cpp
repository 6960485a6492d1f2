// The recognition stage with real OCR worker processes over a real scanned file: a CERFA
// contract behind an apprentice's confirmation settles the CFA piece; a covering letter stays
// « à identifier »; a person's decision wins; a rules change makes the page read again; a
// worker that dies leaves the page to a person and the stage goes on.
#include "OperationsFixtures.h"
#include "PagePainter.h"
#include "ScanPdfWriter.h"
#include "pointage/PieceRecognitionStage.h"

using namespace pointage;
using namespace pointage::testfixtures;
using namespace pointage::testkit;

namespace {

const QString kApprentice = QStringLiteral("02270002011");

RequirementRules shippedRules()
{
    auto rules = RequirementRules::load(QStringLiteral(POINTAGE_SOURCE_DIR "/config/rules.json"));
    EXPECT_TRUE(rules.ok());
    return rules.ok() ? rules.value() : RequirementRules();
}

class RecognitionStage : public OperationsLedger
{
protected:
    void SetUp() override
    {
        OperationsLedger::SetUp();
        m_rules = shippedRules();
        importRows({rosterRow(kApprentice, QStringLiteral("LEBLANC"), QStringLiteral("Jade"), 1,
                              QStringLiteral("APPRENTI CAP EN 2 ANS (230)"))});
    }

    // The apprentice's confirmation, then one supporting page drawn as `document`.
    void scanDossier(PieceDocument document)
    {
        constexpr int dpi = 150;
        ScanPdfWriter writer;
        PageSpec confirmation;
        confirmation.kind = PageKind::Confirmation;
        confirmation.payload = kApprentice;
        writer.addPage(drawPage(confirmation, dpi), dpi);
        PageSpec piece;
        piece.document = document;
        piece.candidateName = QStringLiteral("LEBLANC Jade");
        writer.addPage(drawPage(piece, dpi), dpi);
        const QString path = m_dir.filePath(QStringLiteral("lot.pdf"));
        ASSERT_TRUE(writer.save(path));
        scan(path, {{kApprentice}, {}});
    }

    Result<RecognitionSummary> recognise(RecognitionOptions options = {})
    {
        if (options.workerProgram.isEmpty())
            options.workerProgram = QStringLiteral(POINTAGE_BINARY);
        return recognizePieces(*m_ledger, m_rules, m_config, options);
    }

    const CandidateStatus &apprentice(const AcademieStatus &s) { return s.candidateStatus.first(); }
    const PageOutcome &piecePage(const AcademieStatus &s) { return s.pages.at(1); }
};

} // namespace

TEST_F(RecognitionStage, ContractSettlesTheOwedPieceOnceAndADecisionStillWins)
{
    scanDossier(PieceDocument::ApprenticeshipContract);
    EXPECT_EQ(apprentice(status()).state, CandidateState::ToVerify);

    auto summary = recognise();
    ASSERT_TRUE(summary.ok()) << summary.error().located().toStdString();
    EXPECT_EQ(summary->pagesRead, 1);
    EXPECT_EQ(summary->byPiece.value(QStringLiteral("CFA")), 1);
    AcademieStatus s = status();
    EXPECT_EQ(apprentice(s).state, CandidateState::Complete);
    EXPECT_EQ(piecePage(s).pieceCode, QStringLiteral("CFA"));
    EXPECT_TRUE(piecePage(s).recognised);

    // Read once: the page settled its piece, nothing is left to read under these rules.
    EXPECT_EQ(recognise()->pagesRead, 0);

    ASSERT_TRUE(ignorePage(*m_ledger, QString::number(piecePage(s).pageId)).ok());
    s = status();
    EXPECT_EQ(apprentice(s).state, CandidateState::Incomplete);
    EXPECT_FALSE(piecePage(s).recognised);
}

TEST_F(RecognitionStage, CoveringLetterStaysToIdentify)
{
    scanDossier(PieceDocument::UnrelatedLetter);
    auto summary = recognise();
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->leftToIdentify, 1);
    const AcademieStatus s = status();
    EXPECT_EQ(apprentice(s).state, CandidateState::ToVerify);
    EXPECT_TRUE(piecePage(s).toIdentify);
    // Already read under these rules: not read again unless asked.
    EXPECT_EQ(recognise()->pagesRead, 0);
}

TEST_F(RecognitionStage, RulesChangeMakesThePageReadAgain)
{
    scanDossier(PieceDocument::ApprenticeshipContract);
    ASSERT_TRUE(recognise().ok());
    auto changed = RequirementRules::parse(R"({
        "pieces": [ { "code": "CFA", "label": "Attestation du CFA",
                      "recognise": { "keywords": ["CONTRAT D'APPRENTISSAGE", "CERFA", "EMPLOYEUR"] } } ],
        "rules": [ { "pieces": ["CFA"], "when": { "column": "category", "contains": "APPRENTI" } } ]
    })",
                                           QStringLiteral("rules.json"));
    ASSERT_TRUE(changed.ok()) << changed.error().located().toStdString();
    m_rules = changed.value();
    // A result computed under other rules does not count.
    EXPECT_EQ(apprentice(status()).state, CandidateState::ToVerify);
    auto summary = recognise();
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->pagesRead, 1);
    EXPECT_EQ(apprentice(status()).state, CandidateState::Complete);
}

TEST_F(RecognitionStage, DyingWorkerLeavesThePageToAPerson)
{
    scanDossier(PieceDocument::ApprenticeshipContract);
    RecognitionOptions options;
    options.workerProgram = QStringLiteral("/bin/sh");
    options.workerArguments = {QStringLiteral("-c"), QStringLiteral("read request; kill -SEGV $$")};
    auto summary = recognise(options);
    ASSERT_TRUE(summary.ok()) << summary.error().located().toStdString();
    EXPECT_EQ(summary->failed, 1);
    EXPECT_EQ(apprentice(status()).state, CandidateState::ToVerify);
}
