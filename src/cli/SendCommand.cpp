// `pointage send`: the relance e-mails of reports/ go out over SMTP, each letter once.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/ProgressLine.h"
#include "pointage/Ledger.h"
#include "pointage/MailSending.h"
#include "pointage/SessionConfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace pointage::cli {

namespace {

QString outcomeKey(SendOutcome outcome)
{
    switch (outcome) {
    case SendOutcome::Sent:
        return QStringLiteral("sent");
    case SendOutcome::AlreadySent:
        return QStringLiteral("already-sent");
    case SendOutcome::WouldSend:
        return QStringLiteral("would-send");
    case SendOutcome::Refused:
        return QStringLiteral("refused");
    case SendOutcome::NotSent:
        break;
    }
    return QStringLiteral("not-sent");
}

QString outcomeLine(const MailDelivery &d)
{
    switch (d.outcome) {
    case SendOutcome::Sent:
        return QStringLiteral("envoyé");
    case SendOutcome::AlreadySent:
        return QStringLiteral("déjà envoyé le %1 : ignoré (--again pour le renvoyer)")
            .arg(QLocale(QLocale::French)
                     .toString(d.sentBefore.toLocalTime(), QStringLiteral("dd/MM/yyyy à HH:mm")));
    case SendOutcome::WouldSend:
        return QStringLiteral("serait envoyé");
    case SendOutcome::Refused:
        return QStringLiteral("REFUSÉ — ") + d.message;
    case SendOutcome::NotSent:
        break;
    }
    return QStringLiteral("NON ENVOYÉ — ") + d.message;
}

} // namespace

int runSend(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption school(QStringLiteral("school"),
                                    QStringLiteral("Seulement cet établissement."),
                                    QStringLiteral("UAI"));
    const QCommandLineOption dir(QStringLiteral("dir"),
                                 QStringLiteral("Dossier des courriels .eml (défaut : reports/)."),
                                 QStringLiteral("DOSSIER"), QStringLiteral("reports"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Dire ce qui partirait, sans rien envoyer."));
    const QCommandLineOption again(QStringLiteral("again"),
                                   QStringLiteral("Renvoyer aussi les courriels déjà envoyés."));
    parser.addOptions({school, dir, dryRun, again});
    if (!context.parse(parser, QStringLiteral("Envoie par SMTP (STARTTLS) les courriels de relance "
                                              "écrits par « pointage report --eml », une seule "
                                              "fois chacun ; le mot de passe est lu dans la "
                                              "variable d'environnement indiquée par la "
                                              "configuration (POINTAGE_SMTP_PASSWORD).")))
        return ExitUsage;
    auto configPath = context.existingConfigPath();
    if (!configPath)
        return context.fail(configPath.error());
    auto config = SessionConfig::load(configPath.value());
    if (!config)
        return context.fail(config.error());
    auto ledger = context.openLedger();
    if (!ledger)
        return context.fail(ledger.error());

    const MailSettings &mail = config->mail;
    SendOptions options;
    options.onlyUai = parser.value(school);
    options.dryRun = parser.isSet(dryRun);
    options.again = parser.isSet(again);
    const QString password = qEnvironmentVariable(qPrintable(mail.smtp.passwordVariable));
    ProgressLine progress(context.err(), QStringLiteral("courriel"));
    auto summary = sendSchoolMails(*ledger.value(), mail, parser.value(dir), password, options,
                                   [&progress](const QString &file, int done, int total) {
                                       progress.update(file, done, total);
                                   });
    progress.clear();
    if (!summary)
        return context.fail(summary.error());

    if (context.json()) {
        QJsonArray list;
        for (const MailDelivery &d : std::as_const(summary->deliveries)) {
            list.append(QJsonObject{{QStringLiteral("file"), d.file},
                                    {QStringLiteral("uai"), d.uai},
                                    {QStringLiteral("recipient"), d.recipient},
                                    {QStringLiteral("outcome"), outcomeKey(d.outcome)},
                                    {QStringLiteral("message"), d.message}});
        }
        printJson(context.out(), QJsonObject{{QStringLiteral("deliveries"), list}});
    } else {
        for (const MailDelivery &d : std::as_const(summary->deliveries))
            context.out() << d.uai << "  " << d.recipient << "  " << outcomeLine(d) << "\n";
        context.out() << summary->count(SendOutcome::Sent) << " envoyé(s), "
                      << summary->count(SendOutcome::AlreadySent) << " déjà envoyé(s), "
                      << summary->count(SendOutcome::Refused) << " refusé(s)";
        if (options.dryRun)
            context.out() << ", " << summary->count(SendOutcome::WouldSend)
                          << " à envoyer (essai : rien n'est parti)";
        if (summary->count(SendOutcome::NotSent))
            context.out() << ", " << summary->count(SendOutcome::NotSent) << " non envoyé(s)";
        context.out() << ".\n";
    }
    if (summary->count(SendOutcome::NotSent))
        return ExitFailure;
    return summary->count(SendOutcome::Refused) ? ExitPartial : ExitOk;
}

} // namespace pointage::cli
