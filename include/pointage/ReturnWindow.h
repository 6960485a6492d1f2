// The return window of a session: signed confirmations are due between `opens` and `closes`
// inclusive. Calendar dates only (QDate, never QDateTime) so no time zone or DST change can
// move a receipt across the deadline.
// Thread-safety: plain value.
#pragma once

#include <QDate>

namespace pointage {

class ReturnWindow
{
public:
    ReturnWindow() = default;
    ReturnWindow(QDate opens, QDate closes) : m_opens(opens), m_closes(closes) {}

    QDate opens() const { return m_opens; }
    QDate closes() const { return m_closes; }

    // Early papers are welcome: only a receipt after the closing day is late.
    bool isOnTime(QDate received) const { return received <= m_closes; }
    bool isOpen(QDate day) const { return day >= m_opens && day <= m_closes; }
    bool isPastDeadline(QDate day) const { return day > m_closes; }
    // 0 on the closing day, negative once it has passed.
    int daysLeft(QDate day) const { return static_cast<int>(day.daysTo(m_closes)); }

private:
    QDate m_opens;
    QDate m_closes;
};

} // namespace pointage
