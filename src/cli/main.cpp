// `pointage`: the command-line front end. Parses the command name, sets up a headless Qt
// application and hands over to the command's own file.
#include "cli/Commands.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <cstring>
#include <sys/stat.h>

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
    {"journal", runJournal, "le journal des modifications du registre"},
};

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
    if (std::strcmp(name, "__decode-worker") == 0) {
        // Decoding workers need no GUI platform: keep their start-up cheap.
        QCoreApplication app(argc, argv);
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
        QGuiApplication app(argc, argv);
        QGuiApplication::setApplicationName(QStringLiteral("pointage"));
        CliContext context(QCoreApplication::arguments().mid(1));
        return c.run(context);
    }
    std::fprintf(stderr, "pointage : commande inconnue « %s ».\n\n", name);
    printUsage(stderr);
    return ExitUsage;
}
