#include "cli/CliContext.h"

#include "pointage/Ledger.h"

#include <QDir>
#include <cstdio>
#include <unistd.h>

namespace pointage::cli {

CliContext::CliContext(QStringList arguments)
    : m_arguments(std::move(arguments)), m_out(stdout), m_err(stderr)
{
    m_out.setEncoding(QStringConverter::Utf8);
    m_err.setEncoding(QStringConverter::Utf8);
}

bool CliContext::parse(QCommandLineParser &parser, const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Registre SQLite (défaut : $POINTAGE_DB, sinon "
                                               "./pointage.sqlite)."),
                                QStringLiteral("PATH"));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("Configuration de la session (défaut : "
                       "$POINTAGE_CONFIG, sinon config/pointage.json)."),
        QStringLiteral("PATH"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Sortie JSON, pour les scripts."));
    parser.addOption(db);
    parser.addOption(config);
    parser.addOption(json);
    if (!parser.parse(m_arguments)) {
        m_err << "pointage : " << parser.errorText() << "\n"
              << "Voir « pointage " << m_arguments.value(0) << " --help ».\n";
        m_err.flush();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        m_out.flush();
        ::exit(ExitOk);
    }
    m_ledgerOption = parser.value(db);
    m_configOption = parser.value(config);
    m_json = parser.isSet(json);
    return true;
}

QString CliContext::ledgerPath() const
{
    if (!m_ledgerOption.isEmpty())
        return m_ledgerOption;
    const QString env = qEnvironmentVariable("POINTAGE_DB");
    return env.isEmpty() ? QStringLiteral("pointage.sqlite") : env;
}

QString CliContext::configPath() const
{
    if (!m_configOption.isEmpty())
        return m_configOption;
    const QString env = qEnvironmentVariable("POINTAGE_CONFIG");
    return env.isEmpty() ? QStringLiteral("config/pointage.json") : env;
}

Result<std::unique_ptr<Ledger>> CliContext::openLedger()
{
    return Ledger::open(ledgerPath());
}

void CliContext::printError(const Error &error)
{
    m_err << "Erreur : " << error.located() << "\n";
    m_err.flush();
}

bool interactiveTerminal()
{
    if (!qEnvironmentVariableIsEmpty("CI"))
        return false;
    return ::isatty(fileno(stderr)) == 1;
}

} // namespace pointage::cli
