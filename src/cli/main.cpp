// `pointage`: the command-line front end. Parses the command name, sets up a headless Qt
// application and hands over to the command's own file.
#include "cli/Commands.h"
#include "pointage/Versions.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using namespace pointage::cli;

struct Command
{
    const char *name;
    int (*run)(CliContext &);
    const char *summary; // French, shown by `pointage --help`
};

const Command commands[] = {
    {"init", runInit, "créer un dossier de travail pour une session"},
    {"config", runConfig, "la configuration utilisée et ses valeurs"},
    {"import", runImport, "importer des exports Cyclades (CSV « Listes simples »)"},
    {"imports", runImports, "lister les imports d'exports Cyclades"},
    {"undo-import", runUndoImport, "annuler un import (la liste redevient ce qu'elle était)"},
    {"candidates", runCandidates, "lister les candidats importés"},
    {"ingest", runIngest, "lire les lots numérisés (défaut : scans/)"},
    {"recognize", runRecognize, "reconnaître par OCR le type des pièces à identifier"},
    {"calibrate", runCalibrate, "ajuster les zones de signature sur une confirmation réelle"},
    {"pages", runPages, "ce qu'est devenue chaque page numérisée"},
    {"exceptions", runExceptions, "la file des pages à traiter à la main"},
    {"assign", runAssign, "attribuer une page à un candidat"},
    {"ignore", runIgnore, "écarter une page"},
    {"signature", runSignature, "voir ou juger la signature d'une confirmation"},
    {"receive", runReceive, "pointer à la main une confirmation ou une pièce"},
    {"undo", runUndo, "annuler une décision"},
    {"decisions", runDecisions, "lister les décisions prises à la main"},
    {"desk", runDesk, "pointage au guichet avec une douchette"},
    {"status", runStatus, "état des retours (académie ou établissement)"},
    {"report", runReport, "relances par établissement (PDF, CSV, courriels) et tableau de bord"},
    {"send", runSend, "envoyer les courriels de relance (SMTP), une fois chacun"},
    {"bordereaux", runBordereaux, "pages de garde par candidat, avec code-barres"},
    {"separators", runSeparators, "intercalaires, un par type de pièce"},
    {"journal", runJournal, "le journal des modifications du registre"},
    {"serve", runServe, "le guichet dans un navigateur (tableau de bord, pages à traiter…)"},
    {"users", runUsers, "les comptes du guichet web (users add NOM [--role lecture|gestion])"},
};

// Headless sessions (cron, ssh, CI) often lack XDG_RUNTIME_DIR; Qt would warn on every run.
void provideRuntimeDirectory()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QByteArray dir =
        QDir::tempPath().toLocal8Bit() + "/runtime-" + QByteArray::number(::getuid());
    ::mkdir(dir.constData(), 0700);
    qputenv("XDG_RUNTIME_DIR", dir);
}

// Qt's own texts (option errors, "Usage", --help headings) in French, from Debian's
// qt6-translations-l10n.
void loadQtFrench(QCoreApplication &app, QTranslator &translator)
{
    const QStringList folders{QLibraryInfo::path(QLibraryInfo::TranslationsPath),
                              QStringLiteral("/usr/share/qt6/translations")};
    for (const QString &folder : folders) {
        if (translator.load(QLocale(QLocale::French), QStringLiteral("qtbase"), QStringLiteral("_"),
                            folder)) {
            app.installTranslator(&translator);
            return;
        }
    }
}

// "pointage --db X status …" works like "pointage status --db X …": global options given
// before the command are moved after it. Returns the index of the command in argv (0: none).
int commandIndex(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--db") == 0 || std::strcmp(arg, "--config") == 0) {
            ++i; // its value
            continue;
        }
        if (std::strncmp(arg, "--db=", 5) == 0 || std::strncmp(arg, "--config=", 9) == 0 ||
            std::strcmp(arg, "--json") == 0)
            continue;
        return i;
    }
    return 0;
}

QStringList commandArguments(int argc, char **argv, int command)
{
    // Taken from argv itself: Qt removes the options it knows (-platform…) from its own copy.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    // arguments[0] is the binary; the globals sit between it and the command.
    QStringList result{arguments.value(command)};
    result += arguments.mid(1, command - 1);
    result += arguments.mid(command + 1);
    return result;
}

void printUsage(FILE *stream)
{
    std::fprintf(stream, "Usage : pointage COMMANDE [OPTIONS]\n\nCommandes :\n");
    for (const Command &c : commands)
        std::fprintf(stream, "  %-12s %s\n", c.name, c.summary);
    std::fprintf(stream, "\nOptions communes, avant ou après la commande : --db FICHIER, --config "
                         "FICHIER, --json, --help. Dates : JJ/MM/AAAA ou AAAA-MM-JJ.\n"
                         "« pointage COMMANDE --help » détaille une commande.\n");
}

} // namespace

int main(int argc, char **argv)
{
    // Ledger, reports and logs hold personal data about minors: owner-only from creation.
    ::umask(077);

    const int command = commandIndex(argc, argv);
    const char *name = command > 0 ? argv[command] : "";
    if (std::strcmp(name, "__render-worker") == 0) {
        // Page images for the web desk: rendering only, no GUI platform.
        QCoreApplication app(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio*=false"));
        CliContext context(QCoreApplication::arguments().mid(1));
        return runRenderWorker(context);
    }
    if (std::strcmp(name, "__ocr-worker") == 0) {
        // Piece recognition: rendering and Tesseract only, no GUI platform.
        QCoreApplication app(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio*=false"));
        CliContext context(QCoreApplication::arguments().mid(1));
        return runOcrWorker(context);
    }
    if (std::strcmp(name, "__decode-worker") == 0) {
        // Decoding workers need no GUI platform: keep their start-up cheap.
        QCoreApplication app(argc, argv);
        // Damaged scans make Qt's image plugins chatter; the page's outcome already says it.
        QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio*=false"));
        CliContext context(QCoreApplication::arguments().mid(1));
        return runDecodeWorker(context);
    }
    if (std::strcmp(name, "--version") == 0 || std::strcmp(name, "-V") == 0) {
        QCoreApplication app(argc, argv);
        std::printf("pointage %s (%s)\n", qPrintable(pointage::pointageVersion()),
                    qPrintable(pointage::libraryVersions()));
        return ExitOk;
    }
    if (command == 0 || std::strcmp(name, "--help") == 0 || std::strcmp(name, "-h") == 0 ||
        std::strcmp(name, "help") == 0) {
        printUsage(command == 0 ? stderr : stdout);
        return command == 0 ? ExitUsage : ExitOk;
    }
    for (const Command &c : commands) {
        if (std::strcmp(name, c.name) != 0)
            continue;
        // Report writers draw text and need a QGuiApplication; the CLI is always headless.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        provideRuntimeDirectory();
        // Before the application: it removes the options Qt knows from argv.
        const QStringList arguments = commandArguments(argc, argv, command);
        QGuiApplication app(argc, argv);
        QGuiApplication::setApplicationName(QStringLiteral("pointage"));
        QTranslator translator;
        loadQtFrench(app, translator);
        CliContext context(arguments);
        return c.run(context);
    }
    std::fprintf(stderr, "pointage : commande inconnue « %s ».\n\n", name);
    printUsage(stderr);
    return ExitUsage;
}
