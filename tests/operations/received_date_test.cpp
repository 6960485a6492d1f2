// Dates typed by people (JJ/MM/AAAA or AAAA-MM-JJ), receipts inside the session, and what an
// ingest's received date should make a clerk double-check.
#include "pointage/DateText.h"
#include "pointage/ReceivedDate.h"

#include <gtest/gtest.h>

using namespace pointage;

namespace {

TEST(DateText, AcceptsFrenchAndIsoFormsOnly)
{
    static const struct
    {
        const char *text;
        QDate expected; // null: refused
    } cases[] = {
        {"09/12/2026", QDate(2026, 12, 9)},
        {"9/12/2026", QDate(2026, 12, 9)},
        {"2026-12-09", QDate(2026, 12, 9)},
        {" 2026-12-09 ", QDate(2026, 12, 9)},
        {"31/11/2026", QDate()},
        {"2026-13-01", QDate()},
        {"12/09", QDate()},
        {"hier", QDate()},
        {"", QDate()},
        {"2026/12/09", QDate()},
    };
    for (const auto &c : cases)
        EXPECT_EQ(parseDate(QString::fromLatin1(c.text)), c.expected) << c.text;
}

TEST(DateText, RefusalNamesTheValueAndBothForms)
{
    auto refused = parseDateArgument(QStringLiteral("32/12/2026"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Format);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("32/12/2026")));
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("JJ/MM/AAAA")));
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("AAAA-MM-JJ")));
}

TEST(ReceiptDate, MustFallInsideTheSession)
{
    const SessionConfig config = SessionConfig::defaults(2027); // window 1–22 December 2026
    static const struct
    {
        QDate date;
        bool accepted;
    } cases[] = {
        {QDate(2026, 12, 9), true}, {QDate(2026, 9, 1), true},
        {QDate(2027, 6, 30), true}, {QDate(2026, 8, 31), false},
        {QDate(2027, 7, 1), false}, {QDate(2025, 12, 9), false},
        {QDate(), false},
    };
    for (const auto &c : cases)
        EXPECT_EQ(checkReceiptDate(c.date, config).ok(), c.accepted)
            << c.date.toString().toStdString();
}

TEST(ReceivedDateWarnings, SayTodayAndOutsideTheWindow)
{
    const SessionConfig config = SessionConfig::defaults(2027);
    using Kind = ReceivedDateWarning::Kind;
    static const struct
    {
        QDate date;
        ReceivedDateSource source;
        QList<Kind> expected;
    } cases[] = {
        {QDate(2026, 12, 9), ReceivedDateSource::Folder, {}},
        {QDate(2026, 12, 9), ReceivedDateSource::Today, {Kind::FromToday}},
        {QDate(2026, 11, 30), ReceivedDateSource::Today, {Kind::FromToday, Kind::BeforeWindow}},
        {QDate(2026, 12, 23), ReceivedDateSource::Given, {Kind::AfterWindow}},
        {QDate(2026, 12, 22), ReceivedDateSource::Given, {}},
    };
    for (const auto &c : cases) {
        QList<Kind> kinds;
        for (const ReceivedDateWarning &w : receivedDateWarnings(c.date, c.source, config)) {
            kinds.append(w.kind);
            EXPECT_FALSE(w.message.isEmpty());
            // Both front ends show it: no command-line option in the core's words.
            EXPECT_FALSE(w.message.contains(QStringLiteral("--"))) << w.message.toStdString();
        }
        EXPECT_EQ(kinds, c.expected) << c.date.toString(Qt::ISODate).toStdString();
    }
}

} // namespace
