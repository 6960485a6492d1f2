// The commands through which a person overrides the automatic result: assign, ignore,
// receive, undo, and the list of decisions. The rules live in the core (pointage/Decisions.h);
// these parse arguments, call one operation and print its result.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/SessionStatus.h"
#include "pointage/Decisions.h"

#include <QJsonArray>

namespace pointage::cli {

namespace {

int printRecorded(CliContext &context, const RecordedDecision &recorded, const QString &done)
{
    const qint64 id = recorded.decision.id;
    context.out() << done << " (décision n° " << id << ", annulable par « pointage undo " << id
                  << " »).\n";
    return ExitOk;
}

QString described(const RecordedDecision &d)
{
    return d.candidate ? candidateLabel(*d.candidate) : d.decision.candidateNumber;
}

} // namespace

int runAssign(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PAGE"),
                                 QStringLiteral("N° de page (pointage exceptions) ou "
                                                "FICHIER#PAGE."));
    parser.addPositionalArgument(QStringLiteral("CANDIDAT"), QStringLiteral("N° candidat."));
    const QCommandLineOption piece(QStringLiteral("piece"),
                                   QStringLiteral("La page est cette pièce justificative (sinon : "
                                                  "c'est la confirmation du candidat)."),
                                   QStringLiteral("CODE"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Attribuer même si la page porte la "
                                                  "confirmation lisible d'un autre candidat."));
    parser.addOptions({piece, force});
    if (!context.parse(parser,
                       QStringLiteral("Attribue une page à un candidat. Sans --piece, la page "
                                      "devient sa confirmation et les pages sans code qui la "
                                      "suivent rejoignent son dossier."),
                       {2, 2, QStringLiteral("PAGE CANDIDAT [--piece CODE] [--force]")}))
        return ExitUsage;
    auto session = loadSession(context);
    if (!session)
        return ExitFailure;
    const QStringList args = parser.positionalArguments();
    PageAssignment request{args[0], args[1], parser.value(piece), parser.isSet(force), {}};
    auto assigned = assignPage(*session->ledger, {session->config, session->rules}, request);
    if (!assigned) {
        Error error = assigned.error();
        if (error.code == ErrorCode::NeedsConfirmation)
            error.message += QStringLiteral(" Pour confirmer : la même commande avec --force.");
        return context.fail(error);
    }
    if (assigned->overridden) {
        context.err() << "Attention : la page portait la confirmation de "
                      << candidateLabel(*assigned->overridden) << " ; attribuée quand même.\n";
    }
    const Decision &d = assigned->decision;
    const QString as =
        d.pieceCode.isEmpty()
            ? QStringLiteral("comme confirmation")
            : QStringLiteral("comme pièce « %1 »").arg(session->rules.pieceType(d.pieceCode).label);
    return printRecorded(context, assigned.value(),
                         QStringLiteral("Page n° %1 attribuée %2 à %3")
                             .arg(QString::number(d.pageId), as, described(assigned.value())));
}

int runIgnore(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PAGE"),
                                 QStringLiteral("N° de page ou FICHIER#PAGE."));
    if (!context.parse(parser,
                       QStringLiteral("Écarte une page (elle ne compte plus pour personne)."),
                       {1, 1, QStringLiteral("PAGE")}))
        return ExitUsage;
    auto ledger = context.openLedger();
    if (!ledger)
        return context.fail(ledger.error());
    auto ignored = ignorePage(*ledger.value(), parser.positionalArguments().first());
    if (!ignored)
        return context.fail(ignored.error());
    return printRecorded(context, ignored.value(),
                         QStringLiteral("Page n° %1 écartée").arg(ignored->decision.pageId));
}

int runReceive(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("CANDIDAT"), QStringLiteral("N° candidat."));
    const QCommandLineOption piece(QStringLiteral("piece"),
                                   QStringLiteral("La pièce reçue (sinon : la confirmation)."),
                                   QStringLiteral("CODE"));
    const QCommandLineOption date(QStringLiteral("date"),
                                  QStringLiteral("Date de réception, JJ/MM/AAAA ou AAAA-MM-JJ "
                                                 "(défaut : aujourd'hui)."),
                                  QStringLiteral("JJ/MM/AAAA"));
    parser.addOptions({piece, date});
    if (!context.parse(parser,
                       QStringLiteral("Pointe à la main une confirmation ou une pièce reçue."),
                       {1, 1, QStringLiteral("CANDIDAT [--piece CODE] [--date JJ/MM/AAAA]")}))
        return ExitUsage;
    const QDate received = dateOrToday(context, parser, date);
    if (!received.isValid())
        return ExitUsage;
    auto session = loadSession(context);
    if (!session)
        return ExitFailure;
    PaperReceipt request{parser.positionalArguments().first(), parser.value(piece), received, {}};
    auto recorded = receivePaper(*session->ledger, {session->config, session->rules}, request);
    if (!recorded)
        return context.fail(recorded.error());
    const Decision &d = recorded->decision;
    const QString what =
        d.pieceCode.isEmpty()
            ? QStringLiteral("Confirmation")
            : QStringLiteral("Pièce « %1 »").arg(session->rules.pieceType(d.pieceCode).label);
    return printRecorded(
        context, recorded.value(),
        QStringLiteral("%1 de %2 pointée reçue le %3")
            .arg(what, described(recorded.value()), d.date.toString(QStringLiteral("dd/MM/yyyy"))));
}

int runUndo(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("DECISION"), QStringLiteral("N° de décision."));
    if (!context.parse(parser, QStringLiteral("Annule une décision (elle reste au journal)."),
                       {1, 1, QStringLiteral("N°DÉCISION (voir pointage decisions)")}))
        return ExitUsage;
    bool ok = false;
    const qint64 id = parser.positionalArguments().first().toLongLong(&ok);
    if (!ok || id <= 0) {
        return context.usageError(
            QStringLiteral("« %1 » n'est pas un numéro de décision (voir pointage decisions).")
                .arg(parser.positionalArguments().first()));
    }
    auto ledger = context.openLedger();
    if (!ledger)
        return context.fail(ledger.error());
    auto undone = undoDecision(*ledger.value(), id);
    if (!undone)
        return context.fail(undone.error());
    const Decision &d = undone->decision;
    context.out() << "Décision n° " << id << " annulée : " << decisionLabel(d.kind);
    if (d.pageId > 0)
        context.out() << ", page n° " << d.pageId;
    if (!d.candidateNumber.isEmpty())
        context.out() << ", " << described(undone.value());
    context.out() << ".\n";
    return ExitOk;
}

int runDecisions(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption all(QStringLiteral("all"),
                                 QStringLiteral("Inclure les décisions annulées."));
    parser.addOption(all);
    if (!context.parse(parser, QStringLiteral("Liste les décisions prises à la main.")))
        return ExitUsage;
    auto ledger = context.openLedger();
    if (!ledger)
        return context.fail(ledger.error());
    auto list = listDecisions(*ledger.value(), parser.isSet(all));
    if (!list)
        return context.fail(list.error());
    QJsonArray array;
    for (const RecordedDecision &entry : std::as_const(list.value())) {
        const Decision &d = entry.decision;
        if (context.json()) {
            QJsonObject o{{QStringLiteral("id"), d.id},
                          {QStringLiteral("kind"), decisionKey(d.kind)},
                          {QStringLiteral("pageId"), d.pageId},
                          {QStringLiteral("candidateNumber"), d.candidateNumber},
                          {QStringLiteral("pieceCode"), d.pieceCode},
                          {QStringLiteral("date"), d.date.toString(Qt::ISODate)},
                          {QStringLiteral("user"), d.user},
                          {QStringLiteral("at"), d.at.toString(Qt::ISODateWithMs)}};
            if (entry.candidate)
                o.insert(QStringLiteral("candidate"), candidateLabel(*entry.candidate));
            array.append(o);
            continue;
        }
        context.out() << QStringLiteral("n° %1  ").arg(d.id, 4)
                      << d.at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")) << "  "
                      << d.user << "  " << decisionLabel(d.kind);
        if (d.pageId > 0)
            context.out() << "  page n° " << d.pageId;
        if (!d.candidateNumber.isEmpty())
            context.out() << "  " << described(entry);
        if (!d.pieceCode.isEmpty())
            context.out() << "  pièce " << d.pieceCode;
        if (d.date.isValid())
            context.out() << "  reçu le " << d.date.toString(QStringLiteral("dd/MM/yyyy"));
        context.out() << "\n";
    }
    if (context.json())
        printJson(context.out(), array);
    else if (list->isEmpty())
        context.out() << "Aucune décision prise à la main.\n";
    return ExitOk;
}

} // namespace pointage::cli
