// `pointage imports` lists the roster imports; `pointage undo-import N` undoes one, putting the
// roster back exactly as it was before it (the ledger refuses when a later import is in the way).
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "pointage/Ledger.h"

namespace pointage::cli {

namespace {

QString scopeText(const QString &scopeKey)
{
    // "UAI|criteria": the establishment and, when the export was filtered, its filter.
    const QString uai = scopeKey.section(QLatin1Char('|'), 0, 0);
    const QString criteria = scopeKey.section(QLatin1Char('|'), 1);
    QString text = uai == u"*" ? QStringLiteral("académie") : uai;
    if (!criteria.isEmpty())
        text += QStringLiteral(" (filtre : %1)").arg(criteria);
    return text;
}

} // namespace

int runImports(CliContext &context)
{
    QCommandLineParser parser;
    if (!context.parse(parser, QStringLiteral("Liste les imports d'exports Cyclades, du plus "
                                              "ancien au plus récent ; « pointage undo-import N » "
                                              "en annule un.")))
        return ExitUsage;
    auto ledger = context.openLedger();
    if (!ledger) {
        context.printError(ledger.error());
        return ExitFailure;
    }
    auto imports = ledger.value()->rosterImports();
    if (!imports) {
        context.printError(imports.error());
        return ExitFailure;
    }
    QJsonArray array;
    for (const RosterImportRecord &r : std::as_const(imports.value())) {
        if (context.json()) {
            array.append(
                QJsonObject{{QStringLiteral("id"), r.id},
                            {QStringLiteral("file"), r.file},
                            {QStringLiteral("scope"), r.scopeKey},
                            {QStringLiteral("editedAt"), r.editedAt.toString(Qt::ISODate)},
                            {QStringLiteral("importedAt"), r.importedAt.toString(Qt::ISODate)},
                            {QStringLiteral("user"), r.user},
                            {QStringLiteral("rowsRead"), r.rowsRead},
                            {QStringLiteral("rejected"), r.rejected},
                            {QStringLiteral("candidatesChanged"), r.candidatesChanged},
                            {QStringLiteral("undoneAt"), r.undoneAt.toString(Qt::ISODate)},
                            {QStringLiteral("undoneBy"), r.undoneBy}});
            continue;
        }
        context.out() << "n° " << r.id << "  "
                      << r.importedAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"))
                      << "  " << r.user << "  " << r.file << "  " << scopeText(r.scopeKey) << "  : "
                      << r.rowsRead << " ligne(s), " << r.candidatesChanged
                      << " candidat(s) ajouté(s), modifié(s) ou retiré(s)";
        if (r.undoneAt.isValid())
            context.out() << "  — ANNULÉ le "
                          << r.undoneAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"))
                          << " par " << r.undoneBy;
        context.out() << "\n";
    }
    if (context.json())
        printJson(context.out(), array);
    else if (imports->isEmpty())
        context.out() << "Aucun import : « pointage import FICHIER » importe un export Cyclades.\n";
    return ExitOk;
}

int runUndoImport(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("N"),
                                 QStringLiteral("Numéro de l'import (pointage imports)."));
    if (!context.parse(parser,
                       QStringLiteral("Annule un import : les candidats qu'il a ajoutés, "
                                      "modifiés ou retirés redeviennent exactement ce "
                                      "qu'ils étaient avant lui. Journalisé."),
                       {1, 1, QStringLiteral("N°IMPORT (voir pointage imports)")}))
        return ExitUsage;
    bool number = false;
    const qint64 id = parser.positionalArguments().first().toLongLong(&number);
    if (!number || id <= 0)
        return context.usageError(QStringLiteral("« %1 » n'est pas un numéro d'import (voir "
                                                 "« pointage imports »).")
                                      .arg(parser.positionalArguments().first()));
    auto ledger = context.openLedger();
    if (!ledger) {
        context.printError(ledger.error());
        return ExitFailure;
    }
    auto undone = ledger.value()->undoRosterImport(id);
    if (!undone) {
        context.printError(undone.error());
        return ExitFailure;
    }
    if (context.json()) {
        printJson(context.out(), QJsonObject{{QStringLiteral("importId"), undone->importId},
                                             {QStringLiteral("file"), undone->file},
                                             {QStringLiteral("restored"), undone->restored},
                                             {QStringLiteral("removed"), undone->removed}});
        return ExitOk;
    }
    context.out() << "Import n° " << undone->importId << " (" << undone->file
                  << ") annulé : " << undone->restored << " candidat(s) remis comme avant, "
                  << undone->removed << " candidat(s) qu'il avait ajoutés retirés du registre.\n";
    return ExitOk;
}

} // namespace pointage::cli
