// `pointage import FILE...`: reads Cyclades exports and merges them into the ledger, one
// transaction per file; bad rows are listed with their line, the other rows go in.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "pointage/CycladesReader.h"
#include "pointage/FileHash.h"
#include "pointage/Ledger.h"
#include "pointage/SessionConfig.h"

#include <QJsonArray>
#include <QJsonObject>

namespace pointage::cli {

namespace {

QJsonObject summaryJson(const RosterImportSummary &s, const RosterExport *roster)
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
    if (roster) {
        QJsonArray problems;
        for (const Diagnostic &d : roster->diagnostics)
            problems.append(diagnosticJson(d));
        o.insert(QStringLiteral("diagnostics"), problems);
        o.insert(QStringLiteral("encoding"), roster->encoding);
    }
    return o;
}

QString establishmentOf(const RosterImportSummary &s)
{
    if (s.uai.isEmpty())
        return QStringLiteral("extraction académique");
    return s.establishmentName.isEmpty()
               ? s.uai
               : QStringLiteral("%1 (%2)").arg(s.establishmentName, s.uai);
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
    auto config = SessionConfig::load(context.configPath());
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
        auto roster = readCycladesFile(path);
        if (!roster) {
            context.printError(roster.error());
            results.append(errorJson(roster.error()));
            exitCode = ExitFailure;
            continue;
        }
        for (const Diagnostic &d : std::as_const(roster->diagnostics)) {
            if (!context.json())
                context.err() << "  " << d.located() << "\n";
        }
        auto sha = sha256OfFile(path);
        if (!sha) {
            context.printError(sha.error());
            exitCode = ExitFailure;
            continue;
        }
        auto summary = ledger.value()->importRoster(roster.value(), sha.value(), policy);
        if (!summary) {
            context.printError(summary.error());
            results.append(errorJson(summary.error()));
            exitCode = ExitFailure;
            continue;
        }
        if (summary->rejected > 0 && exitCode == ExitOk)
            exitCode = ExitPartial;
        results.append(summaryJson(summary.value(), &roster.value()));
        if (context.json())
            continue;
        const RosterImportSummary &s = summary.value();
        if (s.superseded) {
            context.out() << path << " : déjà importé, puis remplacé par un export plus récent ("
                          << establishmentOf(s) << ") : rien n'a changé.\n";
            continue;
        }
        if (s.alreadyImported) {
            context.out() << path << " : déjà importé à l'identique, rien n'a changé ("
                          << establishmentOf(s) << " : le registre contient déjà exactement "
                          << "cette liste).\n";
            continue;
        }
        context.out() << path << " — import n° " << s.importId << ", " << establishmentOf(s)
                      << " : " << s.added << " ajouté(s), " << s.updated << " modifié(s), "
                      << s.withdrawn << " retiré(s), " << s.unchanged << " inchangé(s)";
        if (s.reinstated)
            context.out() << ", " << s.reinstated << " réintégré(s)";
        if (s.moved)
            context.out() << ", dont " << s.moved << " changé(s) d'établissement";
        context.out() << ", " << s.rejected << " ligne(s) rejetée(s).\n";
        if (s.uai.isEmpty()) {
            for (auto it = s.bySchool.cbegin(); it != s.bySchool.cend(); ++it) {
                const RosterImportCounts &c = it.value();
                context.out() << "  " << it.key() << " : " << c.added << " ajouté(s), " << c.updated
                              << " modifié(s), " << c.withdrawn << " retiré(s), " << c.unchanged
                              << " inchangé(s)\n";
            }
        }
        if (s.withdrawalsSkipped)
            context.out() << "  Attention : des lignes ont été rejetées, aucun retrait n'a donc "
                             "été déduit de cet export. Corrigez le fichier (ou réexportez-le "
                             "de Cyclades) et importez-le de nouveau.\n";
    }
    if (context.json())
        printJson(context.out(), results);
    return exitCode;
}

} // namespace pointage::cli
