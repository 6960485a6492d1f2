// `pointage report`: one PDF letter and one CSV per school (the relance), plus the académie
// dashboard, into reports/ by default.
#include "cli/Commands.h"
#include "cli/SessionStatus.h"
#include "pointage/DashboardHtml.h"
#include "pointage/SchoolReports.h"

#include <QDir>

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
    const QCommandLineOption asOf = asOfOption();
    parser.addOptions({school, out, noAck, asOf});
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

    AcademieStatus scoped = status;
    if (parser.isSet(school)) {
        const QString uai = parser.value(school).toUpper();
        scoped.schools.removeIf([&uai](const SchoolStatus &s) { return s.uai != uai; });
        if (scoped.schools.isEmpty()) {
            context.err() << "pointage report : aucun candidat importé pour l'établissement « "
                          << uai << " ».\n";
            return ExitFailure;
        }
    }
    auto written = writeSchoolReports(scoped, settings, directory);
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
    context.out() << written->files.size() << " fichier(s) de relance écrit(s) dans "
                  << QDir(directory).absolutePath() << "/";
    if (!parser.isSet(school))
        context.out() << " ; tableau de bord : " << QDir(dashboard).absolutePath();
    context.out() << "\n";
    return written->diagnostics.isEmpty() ? ExitOk : ExitPartial;
}

} // namespace pointage::cli
