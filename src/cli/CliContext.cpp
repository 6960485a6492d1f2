#include "cli/CliContext.h"

#include "pointage/Ledger.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <cstdio>
#include <unistd.h>

namespace pointage::cli {

CliContext::CliContext(QStringList arguments)
    : m_arguments(std::move(arguments)), m_out(stdout), m_err(stderr)
{
    m_out.setEncoding(QStringConverter::Utf8);
    m_err.setEncoding(QStringConverter::Utf8);
}

bool CliContext::parse(QCommandLineParser &parser, const QString &description,
                       const Positionals &positionals)
{
    parser.setApplicationDescription(description);
    // Not addHelpOption(): Qt 6.4's French catalogue lacks its text, and --help-all (Qt's own
    // options) means nothing to a clerk.
    parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Affiche cette aide.")));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Registre SQLite (défaut : $POINTAGE_DB, sinon "
                                               "./pointage.sqlite)."),
                                QStringLiteral("FICHIER"));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("Configuration de la session (défaut : "
                       "$POINTAGE_CONFIG, sinon config/pointage.json)."),
        QStringLiteral("FICHIER"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Sortie JSON, pour les scripts."));
    parser.addOption(db);
    parser.addOption(config);
    parser.addOption(json);
    if (!parser.parse(m_arguments)) {
        usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the binary by its path; people type "pointage ingest".
        QString help = parser.helpText();
        const QString binary = QCoreApplication::arguments().value(0);
        if (!binary.isEmpty())
            help.replace(help.indexOf(binary), binary.size(), commandLine());
        m_out << help;
        m_out.flush();
        ::exit(ExitOk);
    }
    const QStringList given = parser.positionalArguments();
    if (positionals.max >= 0 && given.size() > positionals.max) {
        usageError(QStringLiteral("argument en trop « %1 ».").arg(given.at(positionals.max)));
        return false;
    }
    if (given.size() < positionals.min) {
        usageError(QStringLiteral("il manque des arguments. Usage : %1 %2")
                       .arg(commandLine(), positionals.usage));
        return false;
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

QString CliContext::commandLine() const
{
    return QStringLiteral("pointage ") + m_arguments.value(0);
}

int CliContext::usageError(const QString &message)
{
    m_err << commandLine() << " : " << message << "\n"
          << "Voir « " << commandLine() << " --help ».\n";
    m_err.flush();
    return ExitUsage;
}

Result<std::unique_ptr<Ledger>> CliContext::openLedger()
{
    const QString path = ledgerPath();
    if (!QFileInfo::exists(path)) {
        m_err << "Aucun registre à « " << QFileInfo(path).absoluteFilePath()
              << " » : un nouveau registre vide est créé (--db FICHIER pour en ouvrir un "
                 "autre).\n";
        m_err.flush();
    }
    return Ledger::open(path);
}

Result<QString> CliContext::existingConfigPath() const
{
    const QString path = configPath();
    if (QFileInfo::exists(path))
        return path;
    const bool given = !m_configOption.isEmpty() || !qEnvironmentVariableIsEmpty("POINTAGE_CONFIG");
    if (given) {
        return makeError(ErrorCode::FileNotFound,
                         QStringLiteral("configuration introuvable. Vérifiez le chemin donné à "
                                        "--config (ou dans POINTAGE_CONFIG) ; « pointage init "
                                        "DOSSIER » crée un dossier de travail avec une "
                                        "configuration par défaut."),
                         path);
    }
    return makeError(ErrorCode::FileNotFound,
                     QStringLiteral("aucune configuration de session dans ce dossier (%1 "
                                    "introuvable). Placez-vous dans le dossier de travail de la "
                                    "session, créez-en un avec « pointage init DOSSIER », ou "
                                    "indiquez la configuration avec --config FICHIER.")
                         .arg(QDir::current().absoluteFilePath(path)));
}

void CliContext::printError(const Error &error)
{
    m_err << "Erreur : " << error.located() << "\n";
    m_err.flush();
}

int CliContext::fail(const Error &error)
{
    printError(error);
    return error.code == ErrorCode::Format ? ExitUsage : ExitFailure;
}

bool interactiveTerminal()
{
    if (!qEnvironmentVariableIsEmpty("CI"))
        return false;
    return ::isatty(fileno(stderr)) == 1;
}

} // namespace pointage::cli
