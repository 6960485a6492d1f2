// The commands through which a person overrides the automatic result: assign, ignore,
// receive, undo, and the list of decisions. Every decision is journaled with who and when.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/SessionStatus.h"

#include <QJsonArray>

namespace pointage::cli {

namespace {

bool knownPiece(CliContext &context, const LoadedSession &session, const QString &code)
{
    for (const PieceType &p : session.rules.pieceTypes()) {
        if (p.code == code)
            return true;
    }
    QStringList codes;
    for (const PieceType &p : session.rules.pieceTypes())
        codes.append(p.code);
    context.err() << "pointage : type de pièce inconnu « " << code
                  << " ». Types connus : " << codes.join(QStringLiteral(", ")) << ".\n";
    return false;
}

// Decisions name candidates on the roster; a number not (yet) imported is refused.
std::optional<QString> rosterCandidate(CliContext &context, LoadedSession &session,
                                       const QString &number)
{
    const QString normalised = normaliseCandidateNumber(number);
    auto list = session.ledger->candidates();
    if (!list) {
        context.printError(list.error());
        return std::nullopt;
    }
    for (const CandidateRecord &c : std::as_const(list.value())) {
        if (c.row.candidateNumber == normalised)
            return normalised;
    }
    context.err() << "pointage : le candidat « " << number
                  << " » n'est pas dans les listes importées. Vérifiez le numéro, ou importez "
                     "l'export Cyclades à jour.\n";
    return std::nullopt;
}

int record(CliContext &context, LoadedSession &session, const Decision &decision,
           const QString &done)
{
    auto id = session.ledger->recordDecision(decision);
    if (!id) {
        context.printError(id.error());
        return ExitFailure;
    }
    context.out() << done << " (décision n° " << id.value() << ", annulable par « pointage undo "
                  << id.value() << " »).\n";
    return ExitOk;
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
    parser.addOption(piece);
    if (!context.parse(parser, QStringLiteral("Attribue une page à un candidat. Sans --piece, la "
                                              "page devient sa confirmation et les pages sans "
                                              "code qui la suivent rejoignent son dossier.")))
        return ExitUsage;
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2) {
        context.err() << "Usage : pointage assign PAGE CANDIDAT [--piece CODE]\n";
        return ExitUsage;
    }
    auto session = loadSession(context);
    if (!session)
        return ExitFailure;
    auto page = session->ledger->resolvePage(args[0]);
    if (!page) {
        context.printError(page.error());
        return ExitFailure;
    }
    const auto candidate = rosterCandidate(context, *session, args[1]);
    if (!candidate)
        return ExitFailure;
    Decision d;
    d.pageId = page.value();
    d.candidateNumber = *candidate;
    d.kind = DecisionKind::AssignConfirmation;
    if (parser.isSet(piece)) {
        d.kind = DecisionKind::AssignPiece;
        d.pieceCode = parser.value(piece).toUpper();
        if (!knownPiece(context, *session, d.pieceCode))
            return ExitUsage;
    }
    return record(
        context, *session, d,
        QStringLiteral("Page n° %1 attribuée au candidat %2").arg(d.pageId).arg(*candidate));
}

int runIgnore(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PAGE"),
                                 QStringLiteral("N° de page ou FICHIER#PAGE."));
    if (!context.parse(parser, QStringLiteral("Écarte une page (elle ne compte plus pour "
                                              "personne).")))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        context.err() << "Usage : pointage ignore PAGE\n";
        return ExitUsage;
    }
    auto session = loadSession(context);
    if (!session)
        return ExitFailure;
    auto page = session->ledger->resolvePage(parser.positionalArguments().first());
    if (!page) {
        context.printError(page.error());
        return ExitFailure;
    }
    Decision d;
    d.kind = DecisionKind::IgnorePage;
    d.pageId = page.value();
    return record(context, *session, d, QStringLiteral("Page n° %1 écartée").arg(d.pageId));
}

int runReceive(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("CANDIDAT"), QStringLiteral("N° candidat."));
    const QCommandLineOption piece(QStringLiteral("piece"),
                                   QStringLiteral("La pièce reçue (sinon : la confirmation)."),
                                   QStringLiteral("CODE"));
    const QCommandLineOption date(QStringLiteral("date"),
                                  QStringLiteral("Date de réception (défaut : aujourd'hui)."),
                                  QStringLiteral("AAAA-MM-JJ"));
    parser.addOptions({piece, date});
    if (!context.parse(parser, QStringLiteral("Pointe à la main une confirmation ou une pièce "
                                              "reçue.")))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        context.err() << "Usage : pointage receive CANDIDAT [--piece CODE] [--date AAAA-MM-JJ]\n";
        return ExitUsage;
    }
    Decision d;
    d.date = parser.isSet(date) ? QDate::fromString(parser.value(date), Qt::ISODate)
                                : QDate::currentDate();
    if (!d.date.isValid()) {
        context.err() << "pointage receive : date invalide « " << parser.value(date) << " ».\n";
        return ExitUsage;
    }
    auto session = loadSession(context);
    if (!session)
        return ExitFailure;
    const auto candidate = rosterCandidate(context, *session, parser.positionalArguments().first());
    if (!candidate)
        return ExitFailure;
    d.candidateNumber = *candidate;
    d.kind = DecisionKind::ReceiveConfirmation;
    if (parser.isSet(piece)) {
        d.kind = DecisionKind::ReceivePiece;
        d.pieceCode = parser.value(piece).toUpper();
        if (!knownPiece(context, *session, d.pieceCode))
            return ExitUsage;
    }
    const QString what = d.pieceCode.isEmpty() ? QStringLiteral("Confirmation")
                                               : QStringLiteral("Pièce %1").arg(d.pieceCode);
    return record(context, *session, d,
                  QStringLiteral("%1 du candidat %2 pointée reçue le %3")
                      .arg(what, *candidate, d.date.toString(QStringLiteral("dd/MM/yyyy"))));
}

int runUndo(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("DECISION"), QStringLiteral("N° de décision."));
    if (!context.parse(parser, QStringLiteral("Annule une décision (elle reste au journal).")))
        return ExitUsage;
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&ok);
    if (!ok) {
        context.err() << "Usage : pointage undo N°DÉCISION (voir pointage decisions)\n";
        return ExitUsage;
    }
    auto ledger = context.openLedger();
    if (!ledger) {
        context.printError(ledger.error());
        return ExitFailure;
    }
    if (Status s = ledger.value()->undoDecision(id); !s) {
        context.printError(s.error());
        return ExitFailure;
    }
    context.out() << "Décision n° " << id << " annulée.\n";
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
    if (!ledger) {
        context.printError(ledger.error());
        return ExitFailure;
    }
    auto list = ledger.value()->decisions(parser.isSet(all));
    if (!list) {
        context.printError(list.error());
        return ExitFailure;
    }
    QJsonArray array;
    for (const Decision &d : std::as_const(list.value())) {
        if (context.json()) {
            array.append(QJsonObject{{QStringLiteral("id"), d.id},
                                     {QStringLiteral("kind"), decisionKey(d.kind)},
                                     {QStringLiteral("pageId"), d.pageId},
                                     {QStringLiteral("candidateNumber"), d.candidateNumber},
                                     {QStringLiteral("pieceCode"), d.pieceCode},
                                     {QStringLiteral("date"), d.date.toString(Qt::ISODate)},
                                     {QStringLiteral("user"), d.user},
                                     {QStringLiteral("at"), d.at.toString(Qt::ISODateWithMs)}});
            continue;
        }
        context.out() << QStringLiteral("n° %1  ").arg(d.id, 4)
                      << d.at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")) << "  "
                      << d.user << "  " << decisionKey(d.kind);
        if (d.pageId > 0)
            context.out() << "  page n° " << d.pageId;
        if (!d.candidateNumber.isEmpty())
            context.out() << "  candidat " << d.candidateNumber;
        if (!d.pieceCode.isEmpty())
            context.out() << "  pièce " << d.pieceCode;
        if (d.date.isValid())
            context.out() << "  reçu le " << d.date.toString(QStringLiteral("dd/MM/yyyy"));
        context.out() << "\n";
    }
    if (context.json())
        printJson(context.out(), array);
    return ExitOk;
}

} // namespace pointage::cli
