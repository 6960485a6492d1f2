// Front-end glue shared by the commands that need the computed status: open the ledger, load
// the session configuration and rules, take a snapshot and reconcile it as of a date.
// Thread-safety: main thread only.
#pragma once

#include "cli/CliContext.h"
#include "pointage/Ledger.h"
#include "pointage/RequirementRules.h"
#include "pointage/SessionConfig.h"
#include "pointage/StatusTypes.h"

#include <QCommandLineOption>
#include <memory>
#include <optional>

namespace pointage::cli {

struct LoadedSession
{
    std::unique_ptr<Ledger> ledger;
    SessionConfig config;
    RequirementRules rules;
    AcademieStatus status; // computed when loadSession() was given a date
};

// Opens the configuration, rules and ledger, and with `asOf` computes the status as of that
// day. Prints the error itself; returns nullopt when something could not be opened.
std::optional<LoadedSession> loadSession(CliContext &context, std::optional<QDate> asOf = {});

// The status as of the date given by `option` (default today). Prints the error itself;
// `exitCode` says why nothing was loaded (a bad date is a usage error).
std::optional<LoadedSession> loadStatusAsOf(CliContext &context, const QCommandLineParser &parser,
                                            const QCommandLineOption &option, int &exitCode);

QCommandLineOption asOfOption();
// The date given by a date option (--as-of, --date: JJ/MM/AAAA or AAAA-MM-JJ), default today;
// prints the usage error and returns a null date when invalid.
QDate dateOrToday(CliContext &context, const QCommandLineParser &parser,
                  const QCommandLineOption &option);

// The candidate on the roster with this number (10 or 11 digits accepted), or nullptr.
const CandidateStatus *findCandidate(const AcademieStatus &status, const QString &number);

} // namespace pointage::cli
