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

class CliContext
{
public:
    explicit CliContext(QStringList arguments);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Adds --db, --config and --json to a command's parser, parses, handles --help.
    // Returns false (after printing why) on a usage error.
    bool parse(QCommandLineParser &parser, const QString &description);

    QString ledgerPath() const;
    QString configPath() const;
    bool json() const { return m_json; }

    Result<std::unique_ptr<Ledger>> openLedger();
    void printError(const Error &error);

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
