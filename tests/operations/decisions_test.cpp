// Decisions: a page carrying another candidate's readable confirmation is only reassigned when
// forced, and the refusal says whose it is; receipts are dated inside the session; unknown
// pieces and candidates are refused with their kind; listings name the candidate.
#include "OperationsFixtures.h"

using namespace pointage;
using namespace pointage::testfixtures;

namespace {

class DecisionsTest : public OperationsLedger
{
protected:
    void SetUp() override
    {
        OperationsLedger::SetUp();
        importRows({rosterRow(QStringLiteral("02270001001"), QStringLiteral("AUBERT"),
                              QStringLiteral("Léa")),
                    rosterRow(QStringLiteral("02270001002"), QStringLiteral("BLANC"),
                              QStringLiteral("Hugo"))});
        // Page 1: AUBERT's confirmation; page 2: a code nobody could read.
        scan(QStringLiteral("lot-001.pdf"), {{QStringLiteral("02270001001")}, {}});
    }
};

TEST_F(DecisionsTest, AssignRefusesAPageCarryingAnotherCandidatesConfirmationWithoutForce)
{
    auto refused = assignPage(*m_ledger, rules(),
                              {QStringLiteral("lot-001.pdf#1"), QStringLiteral("02270001002"), {}});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::NeedsConfirmation);
    const QString message = refused.error().message;
    EXPECT_TRUE(message.contains(QStringLiteral("02270001001 AUBERT Léa — LP LES ALPILLES "
                                                "(0131234W)")))
        << message.toStdString();
    // The web desk shows it too: how to confirm is each front end's to say.
    EXPECT_FALSE(message.contains(QStringLiteral("--force")));
    EXPECT_TRUE(m_ledger->decisions(true)->isEmpty());

    PageAssignment forced{QStringLiteral("lot-001.pdf#1"), QStringLiteral("02270001002"), {}};
    forced.force = true;
    auto assigned = assignPage(*m_ledger, rules(), forced);
    ASSERT_TRUE(assigned.ok()) << assigned.error().message.toStdString();
    ASSERT_TRUE(assigned->overridden.has_value());
    EXPECT_EQ(assigned->overridden->candidateNumber, QStringLiteral("02270001001"));
    // The journal keeps whose confirmation the person chose to override.
    auto journal = m_ledger->journal(10);
    ASSERT_TRUE(journal.ok());
    EXPECT_TRUE(std::any_of(journal->cbegin(), journal->cend(), [](const JournalEntry &e) {
        return e.detail.contains(QStringLiteral("malgré la confirmation de=02270001001"));
    }));
}

TEST_F(DecisionsTest, AssignAsAPieceAlsoRefusesAnotherCandidatesConfirmation)
{
    auto refused = assignPage(
        *m_ledger, rules(),
        {QStringLiteral("lot-001.pdf#1"), QStringLiteral("02270001002"), QStringLiteral("ID")});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::NeedsConfirmation);
}

TEST_F(DecisionsTest, AssignAcceptsThePagesOwnCandidateAndPagesWithoutAReadableConfirmation)
{
    EXPECT_TRUE(assignPage(*m_ledger, rules(),
                           {QStringLiteral("lot-001.pdf#1"), QStringLiteral("2270001001"), {}})
                    .ok());
    EXPECT_TRUE(assignPage(*m_ledger, rules(),
                           {QStringLiteral("lot-001.pdf#2"), QStringLiteral("02270001002"), {}})
                    .ok());
}

TEST_F(DecisionsTest, RefusalsCarryTheirKind)
{
    static const struct
    {
        const char *name;
        PageAssignment request;
        ErrorCode code;
    } cases[] = {
        {"unknown page",
         {QStringLiteral("lot-009.pdf#1"), QStringLiteral("02270001001"), {}},
         ErrorCode::NotFound},
        {"unknown candidate",
         {QStringLiteral("lot-001.pdf#2"), QStringLiteral("02279999999"), {}},
         ErrorCode::NotFound},
        {"unknown piece",
         {QStringLiteral("lot-001.pdf#2"), QStringLiteral("02270001001"),
          QStringLiteral("PASSEPORT")},
         ErrorCode::Format},
    };
    for (const auto &c : cases) {
        auto result = assignPage(*m_ledger, rules(), c.request);
        ASSERT_FALSE(result.ok()) << c.name;
        EXPECT_EQ(result.error().code, c.code) << c.name;
    }
}

TEST_F(DecisionsTest, ReceiptDateMustFallInsideTheSession)
{
    auto refused =
        receivePaper(*m_ledger, rules(), {QStringLiteral("02270001002"), {}, QDate(2025, 12, 9)});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Format);
    auto received =
        receivePaper(*m_ledger, rules(),
                     {QStringLiteral("02270001002"), QStringLiteral("id"), QDate(2026, 12, 9)});
    ASSERT_TRUE(received.ok()) << received.error().message.toStdString();
    EXPECT_EQ(received->decision.kind, DecisionKind::ReceivePiece);
    EXPECT_EQ(received->decision.pieceCode, QStringLiteral("ID"));
}

TEST_F(DecisionsTest, ListingAndUndoNameTheCandidate)
{
    auto ignored = ignorePage(*m_ledger, QStringLiteral("lot-001.pdf#2"));
    ASSERT_TRUE(ignored.ok());
    auto received =
        receivePaper(*m_ledger, rules(), {QStringLiteral("02270001002"), {}, QDate(2026, 12, 9)});
    ASSERT_TRUE(received.ok());
    auto list = listDecisions(*m_ledger, false);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2);
    EXPECT_FALSE(list->at(0).candidate.has_value());
    ASSERT_TRUE(list->at(1).candidate.has_value());
    EXPECT_EQ(list->at(1).candidate->lastName, QStringLiteral("BLANC"));

    auto undone = undoDecision(*m_ledger, received->decision.id);
    ASSERT_TRUE(undone.ok());
    ASSERT_TRUE(undone->candidate.has_value());
    EXPECT_EQ(undone->candidate->lastName, QStringLiteral("BLANC"));
    EXPECT_EQ(listDecisions(*m_ledger, false)->size(), 1);
}

TEST(DecisionLabels, AreFrenchNotStorageKeys)
{
    for (DecisionKind kind :
         {DecisionKind::AssignConfirmation, DecisionKind::AssignPiece, DecisionKind::IgnorePage,
          DecisionKind::ReceiveConfirmation, DecisionKind::ReceivePiece}) {
        EXPECT_FALSE(decisionLabel(kind).isEmpty());
        EXPECT_FALSE(decisionLabel(kind).contains(QLatin1Char('_')));
        EXPECT_NE(decisionLabel(kind), decisionKey(kind));
    }
}

} // namespace
