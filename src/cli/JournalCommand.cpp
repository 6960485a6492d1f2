// `pointage journal`: the append-only history of every change to the ledger.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "pointage/Ledger.h"

namespace pointage::cli {

int runJournal(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("Nombre d'entrées (défaut 50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    parser.addOption(limit);
    if (!context.parse(parser, QStringLiteral("Affiche le journal des modifications.")))
        return ExitUsage;
    auto ledger = context.openLedger();
    if (!ledger) {
        context.printError(ledger.error());
        return ExitFailure;
    }
    auto entries = ledger.value()->journal(qMax(1, parser.value(limit).toInt()));
    if (!entries) {
        context.printError(entries.error());
        return ExitFailure;
    }
    QJsonArray array;
    for (const JournalEntry &e : std::as_const(entries.value())) {
        if (context.json()) {
            array.append(QJsonObject{{QStringLiteral("id"), e.id},
                                     {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("user"), e.user},
                                     {QStringLiteral("action"), e.action},
                                     {QStringLiteral("detail"), e.detail}});
        } else {
            context.out() << e.at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm:ss"))
                          << "  " << e.user << "  " << e.action << "  " << e.detail << "\n";
        }
    }
    if (context.json())
        printJson(context.out(), array);
    return ExitOk;
}

} // namespace pointage::cli
