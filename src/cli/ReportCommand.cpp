// `pointage report`: one PDF letter and one CSV per school (the relance), plus the académie
// dashboard, into reports/ by default.
#include "cli/Commands.h"
#include "cli/SessionStatus.h"
#include "pointage/AcademieExport.h"
#include "pointage/DashboardHtml.h"
#include "pointage/RelanceMail.h"
#include "pointage/SchoolReports.h"

#include <QDir>
#include <algorithm>

namespace pointage::cli {

int runReport(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption school(QStringLiteral("school"),
                                    QStringLiteral("Seulement cet établissement."),
                                    QStringLiteral("UAI"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Dossier de sortie (défaut : reports/)."),
                                 QStringLiteral("DOSSIER"), QStringLiteral("reports"));
    const QCommandLineOption noAck(QStringLiteral("no-ack"),
                                   QStringLiteral("Pas d'accusé de réception pour les "
                                                  "établissements complets."));
    const QCommandLineOption academie(
        QStringLiteral("academie"),
        QStringLiteral("Seulement la liste de tout ce qui manque dans l'académie, pour le "
                       "gestionnaire : academie-manquants.csv et .xlsx."));
    const QCommandLineOption eml(
        QStringLiteral("eml"),
        QStringLiteral("Aussi, par établissement à relancer, un courriel prêt à partir (.eml : "
                       "courrier PDF et CSV joints) pour « pointage send » ou un logiciel de "
                       "messagerie."));
    const QCommandLineOption asOf = asOfOption();
    parser.addOptions({school, out, noAck, academie, eml, asOf});
    if (!context.parse(parser, QStringLiteral("Écrit les courriers de relance (PDF) et leurs "
                                              "CSV par établissement, et le tableau de bord "
                                              "de l'académie.")))
        return ExitUsage;
    int exitCode = ExitOk;
    auto session = loadStatusAsOf(context, parser, asOf, exitCode);
    if (!session)
        return exitCode;
    AcademieStatus &status = session->status;

    ReportSettings settings = session->config.report;
    if (parser.isSet(noAck))
        settings.acknowledgeComplete = false;
    const QString directory = parser.value(out);
    if (parser.isSet(academie)) {
        if (parser.isSet(school))
            return context.usageError(
                QStringLiteral("--academie et --school s'excluent : la liste académique "
                               "couvre tous les établissements."));
        auto files = writeAcademieExport(status, directory);
        if (!files) {
            context.printError(files.error());
            return ExitFailure;
        }
        for (const Diagnostic &d : std::as_const(files->diagnostics))
            context.err() << "  " << d.located() << "\n";
        context.out() << "Liste académique des éléments manquants : "
                      << files->files.join(QStringLiteral(" ; ")) << "\n";
        return files->diagnostics.isEmpty() ? ExitOk : ExitPartial;
    }
    for (const QString &gap : letterheadGaps(settings))
        context.err() << "Attention (configuration " << session->config.sourceFile << ") : " << gap
                      << ".\n";

    auto written = parser.isSet(eml)
                       ? writeSchoolReportsWithMail(status, settings, session->config.mail,
                                                    directory, parser.value(school))
                       : writeSchoolReports(status, settings, directory, parser.value(school));
    if (!written) {
        context.printError(written.error());
        return ExitFailure;
    }
    const QString dashboard = QDir(directory).filePath(QStringLiteral("tableau-de-bord.html"));
    if (!parser.isSet(school)) {
        auto notes = writeDashboard(status, settings, dashboard);
        if (!notes) {
            context.printError(notes.error());
            return ExitFailure;
        }
        written->diagnostics += notes.value();
    }
    for (const Diagnostic &d : std::as_const(written->diagnostics))
        context.err() << "  " << d.located() << "\n";
    const auto mails = std::count_if(written->files.cbegin(), written->files.cend(),
                                     [](const QString &f) { return f.endsWith(u".eml"); });
    context.out() << written->files.size() << " fichier(s) de relance écrit(s) dans "
                  << QDir(directory).absolutePath() << "/";
    if (parser.isSet(eml))
        context.out() << " dont " << mails
                      << " courriel(s) (.eml) à envoyer avec « pointage send »";
    if (!parser.isSet(school))
        context.out() << " ; tableau de bord : " << QDir(dashboard).absolutePath();
    context.out() << "\n";
    return written->diagnostics.isEmpty() ? ExitOk : ExitPartial;
}

} // namespace pointage::cli
