// The desk: what a clerk scans or types at the counter is recorded once, dated with the desk's
// date; duplicates and pieces not owed are said; the last check-in can be undone; names find
// candidates.
#include "OperationsFixtures.h"
#include "pointage/DeskCheckIn.h"

using namespace pointage;
using namespace pointage::testfixtures;

namespace {

class DeskTest : public OperationsLedger
{
protected:
    void SetUp() override
    {
        OperationsLedger::SetUp();
        importRows({rosterRow(QStringLiteral("02270002002"), QStringLiteral("FABRE"),
                              QStringLiteral("Inès"), 1, QStringLiteral("APPRENTI CAP (210)")),
                    rosterRow(QStringLiteral("02270002003"), QStringLiteral("GARNIER"),
                              QStringLiteral("Théo")),
                    rosterRow(QStringLiteral("02270002004"), QStringLiteral("GARNIER"),
                              QStringLiteral("Léo")),
                    rosterRow(QStringLiteral("02270002005"), QStringLiteral("ÉTIENNE"),
                              QStringLiteral("Rose"))});
        auto desk =
            DeskCheckIn::open(*m_ledger, rules(), status(QDate(2026, 12, 9)), QDate(2026, 12, 9));
        ASSERT_TRUE(desk.ok()) << desk.error().message.toStdString();
        m_desk = std::move(desk.value());
    }

    static QList<DeskNotice::Kind> kinds(const DeskAnswer &answer)
    {
        QList<DeskNotice::Kind> list;
        for (const DeskNotice &n : answer.notices)
            list.append(n.kind);
        return list;
    }

    QStringList recorded() const
    {
        QStringList list;
        const auto decisions = m_ledger->decisions(false);
        EXPECT_TRUE(decisions.ok());
        for (const Decision &d : decisions.value())
            list.append(decisionKey(d.kind) + QLatin1Char(' ') + d.candidateNumber + d.pieceCode +
                        QLatin1Char(' ') + d.date.toString(Qt::ISODate));
        return list;
    }

    std::unique_ptr<DeskCheckIn> m_desk;
};

TEST_F(DeskTest, APieceCheckedInTwiceWarnsAndIsRecordedOnce)
{
    m_desk->handle(QStringLiteral("02270002002"));
    EXPECT_EQ(kinds(m_desk->handle(QStringLiteral("PJ-CFA"))),
              QList<DeskNotice::Kind>{DeskNotice::Kind::PieceRecorded});
    const DeskAnswer again = m_desk->handle(QStringLiteral("cfa"));
    EXPECT_EQ(kinds(again), QList<DeskNotice::Kind>{DeskNotice::Kind::PieceAlreadyReceived});
    EXPECT_TRUE(again.notices.first().alarm);
    EXPECT_EQ(recorded(),
              (QStringList{QStringLiteral("receive_confirmation 02270002002 2026-12-09"),
                           QStringLiteral("receive_piece 02270002002CFA 2026-12-09")}));
}

TEST_F(DeskTest, APieceTheCandidateDoesNotOweWarns)
{
    m_desk->handle(QStringLiteral("02270002003"));
    const DeskAnswer answer = m_desk->handle(QStringLiteral("PJ-DIPLOME"));
    EXPECT_EQ(kinds(answer), (QList<DeskNotice::Kind>{DeskNotice::Kind::PieceRecorded,
                                                      DeskNotice::Kind::PieceNotOwed}));
    EXPECT_TRUE(answer.notices.last().alarm);
}

TEST_F(DeskTest, TheLastCheckInsCanBeUndoneOneByOne)
{
    m_desk->handle(QStringLiteral("02270002002"));
    m_desk->handle(QStringLiteral("PJ-CFA"));
    EXPECT_EQ(kinds(m_desk->undoLast()), QList<DeskNotice::Kind>{DeskNotice::Kind::Undone});
    EXPECT_EQ(recorded(),
              QStringList{QStringLiteral("receive_confirmation 02270002002 2026-12-09")});
    // Undone, the piece can be checked in again.
    EXPECT_EQ(kinds(m_desk->handle(QStringLiteral("PJ-CFA"))),
              QList<DeskNotice::Kind>{DeskNotice::Kind::PieceRecorded});
    m_desk->undoLast();
    m_desk->undoLast();
    EXPECT_TRUE(recorded().isEmpty());
    EXPECT_EQ(kinds(m_desk->undoLast()), QList<DeskNotice::Kind>{DeskNotice::Kind::NothingToUndo});
}

TEST_F(DeskTest, NamesAreSearchedWithoutCaseOrAccents)
{
    static const struct
    {
        const char *typed;
        QList<DeskNotice::Kind> notices;
        QStringList found; // selected candidate, or the matches to choose from
    } cases[] = {
        {"etienne", {DeskNotice::Kind::ConfirmationRecorded}, {"02270002005"}},
        {"garnier théo", {DeskNotice::Kind::ConfirmationRecorded}, {"02270002003"}},
        {"Garnier", {DeskNotice::Kind::SeveralCandidates}, {"02270002004", "02270002003"}},
        {"Dupont", {DeskNotice::Kind::NoCandidateFound}, {}},
    };
    for (const auto &c : cases) {
        const DeskAnswer answer = m_desk->handle(QString::fromUtf8(c.typed));
        EXPECT_EQ(kinds(answer), c.notices) << c.typed;
        QStringList found;
        if (answer.candidate)
            found.append(answer.candidate->candidateNumber);
        for (const RosterRow &r : answer.matches)
            found.append(r.candidateNumber);
        EXPECT_EQ(found, c.found) << c.typed;
    }
}

TEST_F(DeskTest, ADateOutsideTheSessionIsRefused)
{
    auto desk = DeskCheckIn::open(*m_ledger, rules(), status(), QDate(2020, 12, 9));
    ASSERT_FALSE(desk.ok());
    EXPECT_EQ(desk.error().code, ErrorCode::Format);
}

TEST_F(DeskTest, UnknownCodesAndCandidatesAreAlarms)
{
    for (const char *typed : {"99999999999", "X-123"}) {
        const DeskAnswer answer = m_desk->handle(QString::fromLatin1(typed));
        ASSERT_EQ(answer.notices.size(), 1) << typed;
        EXPECT_TRUE(answer.notices.first().alarm) << typed;
    }
    EXPECT_TRUE(recorded().isEmpty());
}

} // namespace
