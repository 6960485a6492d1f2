#include "pointage/ReturnWindow.h"
#include "pointage/SessionConfig.h"

#include <gtest/gtest.h>

using namespace pointage;

TEST(ReturnWindow, TwentySecondIsOnTimeAndTwentyThirdIsLate)
{
    const ReturnWindow window(QDate(2026, 12, 1), QDate(2026, 12, 22));
    const struct
    {
        QDate day;
        bool onTime;
        bool open;
        bool pastDeadline;
        int daysLeft;
    } cases[] = {
        {QDate(2026, 11, 28), true, false, false, 24}, // early papers are welcome
        {QDate(2026, 12, 1), true, true, false, 21},
        {QDate(2026, 12, 21), true, true, false, 1},
        {QDate(2026, 12, 22), true, true, false, 0},
        {QDate(2026, 12, 23), false, false, true, -1},
        {QDate(2027, 1, 5), false, false, true, -14},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.day.toString(Qt::ISODate).toStdString());
        EXPECT_EQ(window.isOnTime(c.day), c.onTime);
        EXPECT_EQ(window.isOpen(c.day), c.open);
        EXPECT_EQ(window.isPastDeadline(c.day), c.pastDeadline);
        EXPECT_EQ(window.daysLeft(c.day), c.daysLeft);
    }
}

TEST(ReturnWindow, CountsCalendarDaysAcrossTheDaylightSavingChange)
{
    // 29 March 2026 is 23 hours long in France; dates must not care.
    const ReturnWindow window(QDate(2026, 3, 1), QDate(2026, 3, 31));
    EXPECT_EQ(window.daysLeft(QDate(2026, 3, 28)), 3);
}

TEST(ReturnWindow, SessionWindowInfoDescribesTheAsOfDay)
{
    const SessionConfig config = SessionConfig::defaults(2027);
    const ReturnWindowInfo info = config.windowInfo(QDate(2026, 12, 23));
    EXPECT_EQ(info.session, QStringLiteral("Session 2027"));
    EXPECT_EQ(info.opens, QDate(2026, 12, 1));
    EXPECT_EQ(info.closes, QDate(2026, 12, 22));
    EXPECT_EQ(info.registrationCloses, QDate(2026, 12, 8));
    EXPECT_EQ(info.daysLeft, -1);
    EXPECT_TRUE(info.pastDeadline());
    EXPECT_FALSE(config.windowInfo(QDate(2026, 12, 22)).pastDeadline());
}
