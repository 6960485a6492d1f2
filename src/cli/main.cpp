// `pointage`: the command-line front end. Parses the command name, sets up a headless Qt
// application and hands over to the command's own file.
#include "cli/Commands.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLoggingCategory>
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
    {"import", runImport, "importer des exports Cyclades (CSV « Listes simples »)"},
    {"candidates", runCandidates, "lister les candidats importés"},
    {"ingest", runIngest, "lire les lots numérisés (défaut : scans/)"},
    {"pages", runPages, "ce qu'est devenue chaque page numérisée"},
    {"exceptions", runExceptions, "la file des pages à traiter à la main"},
    {"assign", runAssign, "attribuer une page à un candidat"},
    {"ignore", runIgnore, "écarter une page"},
    {"receive", runReceive, "pointer à la main une confirmation ou une pièce"},
    {"undo", runUndo, "annuler une décision"},
    {"decisions", runDecisions, "lister les décisions prises à la main"},
    {"desk", runDesk, "pointage au guichet avec une douchette"},
    {"status", runStatus, "état des retours (académie ou établissement)"},
    {"report", runReport, "relances par établissement (PDF, CSV) et tableau de bord"},
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

void printUsage(FILE *stream)
{
    std::fprintf(stream, "Usage : pointage COMMANDE [OPTIONS]\n\nCommandes :\n");
    for (const Command &c : commands)
        std::fprintf(stream, "  %-12s %s\n", c.name, c.summary);
    std::fprintf(stream, "\nOptions communes : --db PATH, --config PATH, --json, --help.\n"
                         "« pointage COMMANDE --help » détaille une commande.\n");
}

} // namespace

int main(int argc, char **argv)
{
    // Ledger, reports and logs hold personal data about minors: owner-only from creation.
    ::umask(077);

    const char *name = argc > 1 ? argv[1] : "";
    if (std::strcmp(name, "__render-worker") == 0) {
        // Page images for the web desk: rendering only, no GUI platform.
        QCoreApplication app(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio*=false"));
        CliContext context(QCoreApplication::arguments().mid(1));
        return runRenderWorker(context);
    }
    if (std::strcmp(name, "__decode-worker") == 0) {
        // Decoding workers need no GUI platform: keep their start-up cheap.
        QCoreApplication app(argc, argv);
        // Damaged scans make Qt's image plugins chatter; the page's outcome already says it.
        QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio*=false"));
        CliContext context(QCoreApplication::arguments().mid(1));
        return runDecodeWorker(context);
    }
    if (argc < 2 || std::strcmp(name, "--help") == 0 || std::strcmp(name, "-h") == 0 ||
        std::strcmp(name, "help") == 0) {
        printUsage(argc < 2 ? stderr : stdout);
        return argc < 2 ? ExitUsage : ExitOk;
    }
    for (const Command &c : commands) {
        if (std::strcmp(name, c.name) != 0)
            continue;
        // Report writers draw text and need a QGuiApplication; the CLI is always headless.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        provideRuntimeDirectory();
        QGuiApplication app(argc, argv);
        QGuiApplication::setApplicationName(QStringLiteral("pointage"));
        CliContext context(QCoreApplication::arguments().mid(1));
        return c.run(context);
    }
    std::fprintf(stderr, "pointage : commande inconnue « %s ».\n\n", name);
    printUsage(stderr);
    return ExitUsage;
}
