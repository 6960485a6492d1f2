// What every command of the `pointage` front end shares: the global options (ledger path,
// configuration path, --json), French output streams, and opening the ledger and configuration
// with a message a clerk can act on. Front-end only: the library never prints.
// Thread-safety: main thread only.
#pragma once

#include "pointage/Result.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>
#include <memory>

namespace pointage {
class Ledger;
}

namespace pointage::cli {

enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1, // the command could not do its job
    ExitUsage = 2,   // wrong arguments
    ExitPartial = 3, // done, but some input was skipped or rejected (see the messages)
};

// How many positional arguments a command takes; anything beyond is refused.
struct Positionals
{
    int min = 0;
    int max = 0;   // -1: no limit
    QString usage; // "PAGE CANDIDAT": shown when too few are given
};

class CliContext
{
public:
    explicit CliContext(QStringList arguments);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Adds --db, --config and --json to a command's parser, parses, handles --help, and
    // refuses unknown options and extra or missing positional arguments. Returns false (after
    // printing why, in French) on a usage error: the command then exits with ExitUsage.
    bool parse(QCommandLineParser &parser, const QString &description,
               const Positionals &positionals = {});

    // "pointage ingest": how the command is named in messages and usage lines.
    QString commandLine() const;
    // Prints "pointage COMMAND : message" and a pointer to --help; returns ExitUsage.
    int usageError(const QString &message);

    QString ledgerPath() const;
    QString configPath() const;
    bool json() const { return m_json; }

    // Opens the ledger; says on stderr, in one line, when a new empty one is being created.
    Result<std::unique_ptr<Ledger>> openLedger();
    // The configuration file, or an error explaining how to get one (pointage init, --config).
    Result<QString> existingConfigPath() const;
    void printError(const Error &error);
    // printError(), then the exit code the error calls for: a request that is wrong in itself
    // (ErrorCode::Format) is a usage error, anything else a failure.
    int fail(const Error &error);

    const QStringList &arguments() const { return m_arguments; }

private:
    QStringList m_arguments; // the command's own arguments, command name first
    QTextStream m_out;
    QTextStream m_err;
    QString m_ledgerOption;
    QString m_configOption;
    bool m_json = false;
};

// True when stderr is a terminal and we are not in CI: progress lines are only for people.
bool interactiveTerminal();

} // namespace pointage::cli
