// `pointage signature PAGE`: what the signature check saw on a confirmation, zone by zone, with
// the crop of each doubtful zone written as a PNG for a person to look at; with --signee or
// --non-signee, that person's verdict (pointage/Decisions.h: it wins and is journaled).
#include "cli/Commands.h"
#include "cli/SessionStatus.h"
#include "pointage/Decisions.h"
#include "report/OwnerOnlyFile.h"

#include <QDir>

namespace pointage::cli {

namespace {

// The crops show a minor's signature: owner-only files, like the reports.
int showZones(CliContext &context, const QString &page, const QString &folder)
{
    auto ledger = context.openLedger();
    if (!ledger)
        return context.fail(ledger.error());
    auto id = ledger.value()->resolvePage(page);
    if (!id)
        return context.fail(id.error());
    auto zones = ledger.value()->pageSignatures(id.value());
    if (!zones)
        return context.fail(zones.error());
    if (zones->isEmpty()) {
        context.out() << "Page " << page << " : aucune zone de signature lue (pas une "
                      << "confirmation, ou lue avant la vérification des signatures : "
                      << "pointage ingest --force la relit).\n";
        return ExitOk;
    }
    context.out() << "Page n° " << id.value() << " :\n";
    for (const ZoneReading &zone : std::as_const(zones.value())) {
        context.out() << "  " << zone.label << " : " << signatureVerdictText(zone.verdict()) << " ("
                      << signatureFindingText(zone.finding) << ")\n";
        if (zone.verdict() == SignatureVerdict::Doubtful && !zone.located())
            context.out() << "    " << unlocatedZoneAdvice() << "\n";
        if (zone.picture.isEmpty())
            continue;
        const QString path = QDir(folder).filePath(
            QStringLiteral("signature-page-%1-%2.png").arg(id.value()).arg(zone.key));
        auto written = writeOwnerOnlyFile(path, zone.picture);
        if (!written)
            return context.fail(written.error());
        context.out() << "    zone à regarder : " << path << "\n";
    }
    return ExitOk;
}

} // namespace

int runSignature(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PAGE"),
                                 QStringLiteral("N° de page (pointage exceptions) ou "
                                                "FICHIER#PAGE."));
    const QCommandLineOption isSigned(QStringLiteral("signee"),
                                      QStringLiteral("La confirmation est signée."));
    const QCommandLineOption notSigned(QStringLiteral("non-signee"),
                                       QStringLiteral("La confirmation n'est pas signée : elle "
                                                      "sera demandée signée à l'établissement."));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Dossier où écrire les zones à regarder (défaut : "
                                                "le dossier courant)."),
                                 QStringLiteral("DOSSIER"), QStringLiteral("."));
    parser.addOptions({isSigned, notSigned, out});
    if (!context.parse(parser,
                       QStringLiteral("Montre ce que la vérification des signatures a vu sur une "
                                      "confirmation (les zones douteuses en PNG), ou enregistre "
                                      "votre décision avec --signee / --non-signee."),
                       {1, 1, QStringLiteral("PAGE [--signee | --non-signee] [--out DOSSIER]")}))
        return ExitUsage;
    const QString page = parser.positionalArguments().constFirst();
    if (parser.isSet(isSigned) && parser.isSet(notSigned)) {
        context.err() << "Choisissez --signee ou --non-signee, pas les deux.\n";
        return ExitUsage;
    }
    if (!parser.isSet(isSigned) && !parser.isSet(notSigned))
        return showZones(context, page, parser.value(out));

    auto session = loadSession(context);
    if (!session)
        return ExitFailure;
    auto judged = judgeSignature(*session->ledger, session->config,
                                 {page, parser.isSet(isSigned), QString()});
    if (!judged)
        return context.fail(judged.error());
    const Decision &d = judged->decision;
    context.out() << "Confirmation de la page n° " << d.pageId << " ("
                  << (judged->candidate ? candidateLabel(*judged->candidate) : d.candidateNumber)
                  << ") jugée " << (parser.isSet(isSigned) ? "signée" : "non signée")
                  << " (décision n° " << d.id << ", annulable par « pointage undo " << d.id
                  << " »).\n";
    return ExitOk;
}

} // namespace pointage::cli
