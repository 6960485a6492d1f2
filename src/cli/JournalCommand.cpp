// `pointage journal`: the append-only history of every change to the ledger.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "pointage/Decisions.h"
#include "pointage/Ledger.h"

namespace pointage::cli {

namespace {

// The journal stores stable keys; people read French.
QString actionLabel(const QString &action)
{
    static const QHash<QString, QString> labels{
        {QStringLiteral("import"), QStringLiteral("import")},
        {QStringLiteral("ingest"), QStringLiteral("lecture")},
        {QStringLiteral("ingest-force"), QStringLiteral("relecture")},
        {QStringLiteral("decision"), QStringLiteral("décision")},
        {QStringLiteral("undo"), QStringLiteral("annulation")},
        {QStringLiteral("migration"), QStringLiteral("mise à jour du registre")},
    };
    return labels.value(action, action);
}

QString readableDetail(QString detail)
{
    for (DecisionKind kind :
         {DecisionKind::AssignConfirmation, DecisionKind::AssignPiece, DecisionKind::IgnorePage,
          DecisionKind::ReceiveConfirmation, DecisionKind::ReceivePiece})
        detail.replace(decisionKey(kind), decisionLabel(kind));
    return detail;
}

} // namespace

int runJournal(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("Nombre d'entrées (défaut 50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    parser.addOption(limit);
    if (!context.parse(parser, QStringLiteral("Affiche le journal des modifications.")))
        return ExitUsage;
    bool numeric = false;
    const int count = parser.value(limit).toInt(&numeric);
    if (!numeric || count < 1)
        return context.usageError(QStringLiteral("--limit attend un nombre d'entrées (1 ou "
                                                 "plus), pas « %1 ».")
                                      .arg(parser.value(limit)));
    auto ledger = context.openLedger();
    if (!ledger) {
        context.printError(ledger.error());
        return ExitFailure;
    }
    auto entries = ledger.value()->journal(count);
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
                          << "  " << e.user << "  " << actionLabel(e.action) << "  "
                          << readableDetail(e.detail) << "\n";
        }
    }
    if (context.json())
        printJson(context.out(), array);
    return ExitOk;
}

} // namespace pointage::cli
