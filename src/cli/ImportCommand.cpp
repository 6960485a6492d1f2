// `pointage import FILE...`: reads Cyclades exports and merges them into the ledger, one
// transaction per file; bad rows are listed with their line, the other rows go in.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "pointage/ExportImport.h"
#include "pointage/Ledger.h"
#include "pointage/SessionConfig.h"

#include <QJsonArray>
#include <QJsonObject>

namespace pointage::cli {

namespace {

QJsonObject summaryJson(const RosterImportSummary &s, const ExportImport *imported)
{
    QJsonObject o{{QStringLiteral("importId"), s.importId},
                  {QStringLiteral("file"), s.file},
                  {QStringLiteral("uai"), s.uai},
                  {QStringLiteral("establishment"), s.establishmentName},
                  {QStringLiteral("alreadyImported"), s.alreadyImported},
                  {QStringLiteral("superseded"), s.superseded},
                  {QStringLiteral("added"), s.added},
                  {QStringLiteral("updated"), s.updated},
                  {QStringLiteral("withdrawn"), s.withdrawn},
                  {QStringLiteral("reinstated"), s.reinstated},
                  {QStringLiteral("unchanged"), s.unchanged},
                  {QStringLiteral("moved"), s.moved},
                  {QStringLiteral("rejected"), s.rejected},
                  {QStringLiteral("withdrawalsSkipped"), s.withdrawalsSkipped}};
    QJsonObject bySchool;
    for (auto it = s.bySchool.cbegin(); it != s.bySchool.cend(); ++it) {
        bySchool.insert(it.key(), QJsonObject{{QStringLiteral("added"), it->added},
                                              {QStringLiteral("updated"), it->updated},
                                              {QStringLiteral("withdrawn"), it->withdrawn},
                                              {QStringLiteral("reinstated"), it->reinstated},
                                              {QStringLiteral("unchanged"), it->unchanged}});
    }
    o.insert(QStringLiteral("bySchool"), bySchool);
    if (imported) {
        QJsonArray problems;
        for (const Diagnostic &d : imported->diagnostics)
            problems.append(diagnosticJson(d));
        o.insert(QStringLiteral("diagnostics"), problems);
        o.insert(QStringLiteral("encoding"), imported->encoding);
    }
    return o;
}

} // namespace

int runImport(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FICHIER"),
                                 QStringLiteral("Exports Cyclades « Listes simples » (CSV)."),
                                 QStringLiteral("FICHIER..."));
    const QCommandLineOption accept(
        QStringLiteral("accept-withdrawals"),
        QStringLiteral("Importer même si l'export retire une grande part de la liste précédente, "
                       "ne liste personne, ou change des candidats d'établissement (le journal "
                       "le garde)."));
    parser.addOption(accept);
    if (!context.parse(parser,
                       QStringLiteral("Importe les listes d'inscrits exportées de "
                                      "Cyclades. Réimporter un export mis à jour "
                                      "fusionne : ajouts, modifications, retraits. "
                                      "« pointage imports » liste les imports, "
                                      "« pointage undo-import N » en annule un."),
                       {0, -1, {}}))
        return ExitUsage;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        context.err()
            << "pointage import : indiquez au moins un fichier CSV exporté de Cyclades.\n";
        return ExitUsage;
    }
    auto configPath = context.existingConfigPath();
    if (!configPath) {
        context.printError(configPath.error());
        return ExitFailure;
    }
    auto config = SessionConfig::load(configPath.value());
    if (!config) {
        context.printError(config.error());
        return ExitFailure;
    }
    ImportPolicy policy = config->import;
    policy.acceptWithdrawals = parser.isSet(accept);
    auto ledger = context.openLedger();
    if (!ledger) {
        context.printError(ledger.error());
        return ExitFailure;
    }

    int exitCode = ExitOk;
    QJsonArray results;
    for (const QString &path : files) {
        // The same operation as the web desk's import: one set of rules for both front ends.
        auto imported = importCycladesFile(*ledger.value(), path, policy);
        if (!imported) {
            context.printError(imported.error());
            results.append(errorJson(imported.error()));
            exitCode = ExitFailure;
            continue;
        }
        for (const Diagnostic &d : std::as_const(imported->diagnostics)) {
            if (!context.json())
                context.err() << "  " << d.located() << "\n";
        }
        const RosterImportSummary &s = imported->summary;
        if (s.rejected > 0 && exitCode == ExitOk)
            exitCode = ExitPartial;
        results.append(summaryJson(s, &imported.value()));
        if (context.json())
            continue;
        const QStringList lines = importSummaryLines(s);
        const bool recorded = !s.alreadyImported;
        context.out() << path << (recorded ? " — " : " : ") << lines.value(0) << "\n";
        for (qsizetype i = 1; i < lines.size(); ++i)
            context.out() << "  " << lines[i] << "\n";
    }
    if (context.json())
        printJson(context.out(), results);
    return exitCode;
}

} // namespace pointage::cli
