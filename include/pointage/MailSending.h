// `pointage send`: the relance e-mails written by `pointage report --eml` go to the schools over
// SMTP, each letter once: a letter whose fingerprint the ledger already lists as sent is skipped
// unless asked again, and every sending is journaled (to whom, which file, when, by whom).
// A recipient the server refuses is reported with its school's UAI; the others still go.
// Thread-safety: call from the thread that opened the ledger; blocks while talking to the server.
#pragma once

#include "pointage/MailSettings.h"
#include "pointage/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <functional>

namespace pointage {

class Ledger;

struct SendOptions
{
    QString onlyUai;     // empty: every school with an .eml in the folder
    bool dryRun = false; // say what would go, connect to nothing, record nothing
    bool again = false;  // send even a letter already sent
};

enum class SendOutcome {
    Sent,
    AlreadySent, // the same letter went before: skipped (SendOptions::again resends)
    WouldSend,   // dry run
    Refused,     // the server refused this recipient or message; the others went on
    NotSent,     // the connection failed before or while sending it
};

struct MailDelivery
{
    QString file; // the .eml file name
    QString uai;
    QString recipient;
    SendOutcome outcome = SendOutcome::NotSent;
    QDateTime sentBefore; // AlreadySent: when it first went
    QString message;      // French, for Refused and NotSent
};

struct SendSummary
{
    QList<MailDelivery> deliveries; // in file name order (UAI order)
    int count(SendOutcome outcome) const;
};

// Called before each message is handed to the server: its file, how many done, how many in all.
using SendProgress = std::function<void(const QString &file, int done, int total)>;

// Fails (nothing sent) when the folder holds no .eml, when `onlyUai` has none, or when the
// server cannot be reached, encrypted or logged into. Once sending began, a failure is a
// delivery's outcome (NotSent for it and the rest), never a lost record of what went.
Result<SendSummary> sendSchoolMails(Ledger &ledger, const MailSettings &settings,
                                    const QString &directory, const QString &password,
                                    const SendOptions &options, const SendProgress &progress = {});

} // namespace pointage
