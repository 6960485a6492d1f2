// The advice given with each exception follows the reason's own instructions: never a stale
// page as the candidate's confirmation, never a foreign-code page as a second confirmation;
// every piece of advice names the candidate with name and school.
#include "OperationsFixtures.h"
#include "pointage/ExceptionAdvice.h"

using namespace pointage;
using namespace pointage::testfixtures;

namespace {

class ExceptionAdviceTest : public OperationsLedger
{
protected:
    void SetUp() override
    {
        OperationsLedger::SetUp();
        // 02270001007 is at version 2 of its inscription; 02270001009 is withdrawn later.
        importRows({rosterRow(QStringLiteral("02270001007"), QStringLiteral("OLIVIER"),
                              QStringLiteral("Marc"), 2),
                    rosterRow(QStringLiteral("02270001008"), QStringLiteral("PERRIN"),
                              QStringLiteral("Lina"))});
    }

    ExceptionEntry onlyException()
    {
        const QList<ExceptionEntry> queue = exceptionQueue(status());
        EXPECT_EQ(queue.size(), 1);
        return queue.isEmpty() ? ExceptionEntry{} : queue.first();
    }

    static QStringList kinds(const QList<Advice> &advice)
    {
        QStringList keys;
        for (const Advice &a : advice)
            keys.append(adviceKey(a.kind) + QLatin1Char(' ') + a.candidateNumber);
        return keys;
    }
};

TEST_F(ExceptionAdviceTest, StaleConfirmationAsksTheSchoolInsteadOfSuggestingAnAssignment)
{
    scan(QStringLiteral("lot-001.pdf"), {{QStringLiteral("02270001007-107V1")}});
    const ExceptionEntry entry = onlyException();
    ASSERT_EQ(entry.page.reason, ExceptionReason::StaleVersion);
    EXPECT_EQ(kinds(entry.advice),
              QStringList{QStringLiteral("ask_school_for_current_version 02270001007")});

    // Why: assigning the stale page would count it as the current confirmation.
    auto assigned =
        assignPage(*m_ledger, rules(),
                   {QString::number(entry.page.pageId), QStringLiteral("02270001007"), {}});
    ASSERT_TRUE(assigned.ok());
    EXPECT_EQ(status().candidateStatus.first().state, CandidateState::Complete);
}

TEST_F(ExceptionAdviceTest, ForeignCodeIsOfferedAsAPieceOfItsDossierOrToBeIgnored)
{
    scan(QStringLiteral("lot-001.pdf"),
         {{QStringLiteral("02270001008")}, {QStringLiteral("9781234567897")}});
    const ExceptionEntry entry = onlyException();
    ASSERT_EQ(entry.page.reason, ExceptionReason::ForeignCode);
    EXPECT_EQ(kinds(entry.advice), (QStringList{QStringLiteral("assign_piece 02270001008"),
                                                QStringLiteral("ignore_page ")}));
}

TEST_F(ExceptionAdviceTest, EachReasonGetsTheAdviceItsOwnTextGives)
{
    static const struct
    {
        const char *name;
        QList<QStringList> pages;
        ExceptionReason reason;
        QStringList advice;
    } cases[] = {
        {"duplicate",
         {{QStringLiteral("02270001008")}, {QStringLiteral("02270001008")}},
         ExceptionReason::Duplicate,
         {QStringLiteral("ignore_page ")}},
        {"unknown, one digit away",
         {{QStringLiteral("02270001018")}},
         ExceptionReason::UnknownCandidate,
         {QStringLiteral("assign_confirmation 02270001008"),
          QStringLiteral("wait_for_import 02270001018")}},
        {"before any confirmation",
         {{}},
         ExceptionReason::BeforeFirstConfirmation,
         {QStringLiteral("assign_piece "), QStringLiteral("ignore_page ")}},
        {"unreadable code opening a dossier",
         {{QStringLiteral("?")}, {}},
         ExceptionReason::UnreadableCode,
         {QStringLiteral("assign_confirmation "), QStringLiteral("assign_piece "),
          QStringLiteral("ignore_page ")}},
        {"conflicting codes",
         {{QStringLiteral("02270001008"), QStringLiteral("02270001007"), {}}},
         ExceptionReason::ConflictingCodes,
         {QStringLiteral("assign_confirmation 02270001008"),
          QStringLiteral("assign_confirmation 02270001007")}},
    };
    int file = 0;
    for (const auto &c : cases) {
        const QString name = QStringLiteral("case-%1.pdf").arg(++file);
        scan(name, c.pages);
        QList<ExceptionEntry> queue;
        for (const ExceptionEntry &e : exceptionQueue(status())) {
            if (e.page.file == name)
                queue.append(e);
        }
        ASSERT_GE(queue.size(), 1) << c.name;
        EXPECT_EQ(queue.first().page.reason, c.reason) << c.name;
        QStringList advice = kinds(queue.first().advice);
        QStringList expected = c.advice;
        advice.sort();
        expected.sort();
        EXPECT_EQ(advice, expected) << c.name;
    }
}

TEST_F(ExceptionAdviceTest, OwnerAndAdviceNameTheCandidateAndTheSchool)
{
    scan(QStringLiteral("lot-001.pdf"), {{QStringLiteral("02270001007-107V1")}});
    const ExceptionEntry entry = onlyException();
    for (const QString &text :
         {entry.ownerLabel, entry.advice.value(0).candidateLabel, entry.advice.value(0).text}) {
        EXPECT_TRUE(text.contains(QStringLiteral("02270001007"))) << text.toStdString();
        EXPECT_TRUE(text.contains(QStringLiteral("OLIVIER Marc"))) << text.toStdString();
        EXPECT_TRUE(text.contains(QStringLiteral("LP LES ALPILLES (0131234W)")))
            << text.toStdString();
    }
}

} // namespace
