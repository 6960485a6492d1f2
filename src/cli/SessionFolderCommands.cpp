// `pointage init DOSSIER` creates a session folder; `pointage config` says which configuration
// a command run from here would use, and its effective values.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "pointage/DateText.h"
#include "pointage/RequirementRules.h"
#include "pointage/SessionConfig.h"
#include "pointage/SessionFolder.h"

#include <QDir>

namespace pointage::cli {

int runInit(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption session(QStringLiteral("session"),
                                     QStringLiteral("Année de l'examen (défaut : l'an prochain)."),
                                     QStringLiteral("AAAA"));
    const QCommandLineOption opens(QStringLiteral("opens"),
                                   QStringLiteral("Ouverture des retours (défaut : 1er décembre)."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption closes(QStringLiteral("closes"),
                                    QStringLiteral("Clôture des retours (défaut : 22 décembre)."),
                                    QStringLiteral("DATE"));
    parser.addOptions({session, opens, closes});
    if (!context.parse(parser,
                       QStringLiteral("Crée un dossier de travail pour une session : "
                                      "configuration et règles par défaut (dates remplies), "
                                      "exports/, scans/, reports/ et un LISEZMOI.txt."),
                       {1, 1, QStringLiteral("DOSSIER")}))
        return ExitUsage;
    SessionFolderOptions options;
    if (parser.isSet(session)) {
        bool number = false;
        options.sessionYear = parser.value(session).toInt(&number);
        if (!number || options.sessionYear < 2000 || options.sessionYear > 2200)
            return context.usageError(QStringLiteral("année de session invalide « %1 » (par "
                                                     "exemple 2027).")
                                          .arg(parser.value(session)));
    }
    for (const auto &[option, target] :
         {std::pair{&opens, &options.opens}, std::pair{&closes, &options.closes}}) {
        if (!parser.isSet(*option))
            continue;
        auto date = parseDateArgument(parser.value(*option));
        if (!date)
            return context.usageError(date.error().message);
        *target = date.value();
    }
    auto folder = createSessionFolder(parser.positionalArguments().first(), options);
    if (!folder) {
        context.printError(folder.error());
        return ExitFailure;
    }
    context.out() << "Dossier de session créé : " << folder->directory << "\n";
    for (const QString &created : std::as_const(folder->created))
        context.out() << "  " << created << "\n";
    context.out() << "Placez-vous dans ce dossier (cd " << folder->directory
                  << "), complétez config/pointage.json (signataire, contact), puis « pointage "
                     "import exports/*.csv ».\n";
    return ExitOk;
}

int runConfig(CliContext &context)
{
    QCommandLineParser parser;
    if (!context.parse(parser, QStringLiteral("Indique la configuration utilisée depuis ce "
                                              "dossier, et ses valeurs en vigueur.")))
        return ExitUsage;
    auto location = context.configLocation();
    if (!location) {
        context.printError(location.error());
        return ExitFailure;
    }
    auto config = SessionConfig::load(location->path);
    if (!config) {
        context.printError(config.error());
        return ExitFailure;
    }
    auto rules = RequirementRules::load(config->rulesFile);
    const ReportSettings &r = config->report;
    const auto date = [](const QDate &d) {
        return d.toString(QStringLiteral("dd/MM/yyyy"));
    };
    if (context.json()) {
        printJson(
            context.out(),
            QJsonObject{
                {QStringLiteral("file"), QFileInfo(location->path).absoluteFilePath()},
                {QStringLiteral("origin"), location->origin},
                {QStringLiteral("session"), config->session},
                {QStringLiteral("opens"), config->window.opens().toString(Qt::ISODate)},
                {QStringLiteral("closes"), config->window.closes().toString(Qt::ISODate)},
                {QStringLiteral("rulesFile"), config->rulesFile},
                {QStringLiteral("ledger"), QFileInfo(context.ledgerPath()).absoluteFilePath()}});
        return rules ? ExitOk : ExitFailure;
    }
    QTextStream &out = context.out();
    out << "Configuration : " << QFileInfo(location->path).absoluteFilePath() << " ("
        << location->origin << ")\n"
        << "Registre : " << QFileInfo(context.ledgerPath()).absoluteFilePath() << "\n"
        << "Session : " << config->session << "\n"
        << "Retours attendus : du " << date(config->window.opens()) << " au "
        << date(config->window.closes()) << " ; inscriptions closes le "
        << date(config->registrationCloses) << "\n"
        << "Codes-barres : confirmation " << config->barcodes.confirmationPattern()
        << " ; bordereau " << config->barcodes.coverSheetPattern() << " ; intercalaire "
        << config->barcodes.separatorPattern() << "\n"
        << "Import : arrêt au-delà de " << qRound(config->import.maxWithdrawalShare * 100)
        << " % de retraits (au-delà de " << config->import.withdrawalsAlwaysAccepted
        << " retrait(s))\n"
        << "Règles : " << config->rulesFile;
    if (rules)
        out << " (" << rules->pieceTypes().size() << " type(s) de pièce)\n";
    else
        out << "\n";
    out << "Signatures : ";
    QStringList zones;
    for (const SignatureZone &zone : std::as_const(config->signatureZones))
        zones.append(
            QStringLiteral("%1 (x %2, y %3, %4 × %5 mm depuis le code%6)")
                .arg(zone.label)
                .arg(zone.areaMm.x())
                .arg(zone.areaMm.y())
                .arg(zone.areaMm.width())
                .arg(zone.areaMm.height())
                .arg(zone.stampIsSignature ? QStringLiteral(", cachet accepté") : QString()));
    if (zones.isEmpty())
        out << "vérification désactivée (signatures.check = false)\n";
    else
        out << zones.join(QStringLiteral(" ; ")) << "\n  à vérifier sur une confirmation réelle : "
            << "pointage calibrate FICHIER#PAGE\n";
    out << "Courriers : " << r.academie << " — " << r.service << "\n"
        << "  signataire : "
        << (r.signatoryName.isEmpty() ? QStringLiteral("(à renseigner)") : r.signatoryName)
        << " ; affaire suivie par : "
        << (r.caseOfficer.isEmpty() ? QStringLiteral("(à renseigner)") : r.caseOfficer) << "\n";
    for (const QString &gap : letterheadGaps(r))
        out << "  Attention : " << gap << ".\n";
    const MailSettings &mail = config->mail;
    const auto orToFill = [](const QString &v) {
        return v.isEmpty() ? QStringLiteral("(à renseigner)") : v;
    };
    out << "Courriels : expéditeur " << orToFill(mail.from) << " ; établissements "
        << mail.schoolAddress;
    if (!mail.addressesFile.isEmpty())
        out << " sauf ceux de " << mail.addressesFile;
    out << "\n  serveur d'envoi : " << orToFill(mail.smtp.host);
    if (!mail.smtp.host.isEmpty()) {
        const char *security = mail.smtp.security == SmtpSettings::Security::StartTls ? "STARTTLS"
                               : mail.smtp.security == SmtpSettings::Security::ImplicitTls
                                   ? "TLS"
                                   : "sans chiffrement";
        out << ":" << mail.smtp.port << " (" << security << ")";
        if (!mail.smtp.login.isEmpty())
            out << ", identifiant " << mail.smtp.login << ", mot de passe dans $"
                << mail.smtp.passwordVariable
                << (qEnvironmentVariableIsSet(qPrintable(mail.smtp.passwordVariable))
                        ? " (présent)"
                        : " (absent)");
    }
    out << "\n";
    if (!rules) {
        context.printError(rules.error());
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace pointage::cli
