// When paper arrived: the dates a person may give for a receipt (inside the session), and what
// a clerk should double-check about the date an ingest used (outside the return window, or
// today's date because nothing else said when the batch arrived).
// Thread-safety: pure functions.
#pragma once

#include "pointage/ReceivedDateSource.h"
#include "pointage/Result.h"
#include "pointage/SessionConfig.h"

#include <QDate>
#include <QList>
#include <QString>

namespace pointage {

// Receipts are plausible from three months before the return window opens to the end of the
// sixth month after it closes; anything else is a typo (a wrong year, most often).
struct SessionPeriod
{
    QDate first;
    QDate last;
};
SessionPeriod receiptPeriod(const SessionConfig &config);

// ErrorCode::Format with a French message giving the accepted range when `date` is outside it.
Status checkReceiptDate(QDate date, const SessionConfig &config);

struct ReceivedDateWarning
{
    enum class Kind { FromToday, BeforeWindow, AfterWindow };
    Kind kind = Kind::FromToday;
    QString message; // French: what to check, and how to give the right date
};

QList<ReceivedDateWarning> receivedDateWarnings(QDate date, ReceivedDateSource source,
                                                const SessionConfig &config);

} // namespace pointage
