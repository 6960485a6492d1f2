// `pointage users`: the accounts of the web desk. `users add NAME [--role lecture|gestion]`
// reads the password from the terminal (not echoed) or from standard input; `users list`.
#include "cli/Commands.h"
#include "pointage/Ledger.h"
#include "pointage/PasswordHash.h"

#include <QRegularExpression>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace pointage::cli {

namespace {

QString readPassword(CliContext &context, const QString &prompt)
{
    const bool tty = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (tty) {
        context.err() << prompt;
        context.err().flush();
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    char buffer[1024];
    const bool read = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        context.err() << "\n";
    }
    QString password = read ? QString::fromUtf8(buffer) : QString();
    while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
        password.chop(1);
    return password;
}

} // namespace

int runUsers(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("add ou list."));
    parser.addPositionalArgument(QStringLiteral("NOM"), QStringLiteral("Nom d'utilisateur."));
    const QCommandLineOption role(QStringLiteral("role"),
                                  QStringLiteral("lecture (consulter) ou gestion (consulter et "
                                                 "décider) ; défaut : gestion."),
                                  QStringLiteral("ROLE"), QStringLiteral("gestion"));
    parser.addOption(role);
    if (!context.parse(parser,
                       QStringLiteral("Comptes du guichet web. Le mot de passe est lu "
                                      "au clavier (ou sur l'entrée standard)."),
                       {1, 2, QStringLiteral("add NOM [--role lecture|gestion] | list")}))
        return ExitUsage;
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (action == QLatin1String("list") && args.size() == 1) {
        auto ledger = context.openLedger();
        if (!ledger) {
            context.printError(ledger.error());
            return ExitFailure;
        }
        auto list = ledger.value()->users();
        if (!list) {
            context.printError(list.error());
            return ExitFailure;
        }
        for (const UserAccount &u : std::as_const(list.value()))
            context.out() << u.name << "  " << u.role << "\n";
        return ExitOk;
    }
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9._-]{2,64}$"));
    if (action != QLatin1String("add") || args.size() != 2 ||
        !validName.match(args[1]).hasMatch()) {
        context.err() << "Usage : pointage users add NOM [--role lecture|gestion] | pointage users "
                         "list\n(NOM : 2 à 64 lettres sans accent, chiffres, « . », « _ » ou "
                         "« - »)\n";
        return ExitUsage;
    }
    const QString roleKey = parser.value(role);
    if (roleKey != QLatin1String("lecture") && roleKey != QLatin1String("gestion")) {
        context.err() << "pointage users : rôle inconnu « " << roleKey
                      << " » (lecture ou gestion).\n";
        return ExitUsage;
    }
    const QString password = readPassword(context, QStringLiteral("Mot de passe : "));
    if (password.size() < 10) {
        context.err() << "pointage users : mot de passe trop court (10 caractères au moins).\n";
        return ExitUsage;
    }
    auto ledger = context.openLedger();
    if (!ledger) {
        context.printError(ledger.error());
        return ExitFailure;
    }
    if (Status s = ledger.value()->setUser({args[1], roleKey, hashPassword(password)}); !s) {
        context.printError(s.error());
        return ExitFailure;
    }
    context.out() << "Compte « " << args[1] << " » enregistré (" << roleKey << ").\n";
    return ExitOk;
}

} // namespace pointage::cli
