// `pointage bordereaux` and `pointage separators`: printable sheets that the scanner pipeline
// reads back — a cover sheet per candidate, a separator sheet per piece type.
#include "cli/Commands.h"
#include "cli/SessionStatus.h"
#include "pointage/CoverSheets.h"
#include "pointage/SeparatorSheets.h"
#include "report/OwnerOnlyFile.h"

#include <QDir>

namespace pointage::cli {

namespace {

int save(CliContext &context, const QByteArray &pdf, const QString &path, int pages,
         const QString &what)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    // Atomic and owner-only; a symbolic link under that name is replaced, never followed.
    const auto notes = writeOwnerOnlyFile(path, pdf);
    if (!notes) {
        context.printError(notes.error());
        return ExitFailure;
    }
    for (const Diagnostic &d : notes.value())
        context.err() << "  " << d.located() << "\n";
    context.out() << pages << " " << what << " : " << QFileInfo(path).absoluteFilePath() << "\n";
    return ExitOk;
}

} // namespace

int runBordereaux(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption school(QStringLiteral("school"),
                                    QStringLiteral("Seulement cet établissement."),
                                    QStringLiteral("UAI"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Fichier PDF (défaut : "
                                                "reports/bordereaux[-UAI].pdf)."),
                                 QStringLiteral("FICHIER"));
    parser.addOptions({school, out});
    if (!context.parse(parser, QStringLiteral("Imprime une page de garde par candidat (liste "
                                              "des pièces à joindre, code-barres lu au "
                                              "scanner), dans l'ordre de classement.")))
        return ExitUsage;
    auto session = loadSession(context, QDate::currentDate());
    if (!session)
        return ExitFailure;
    AcademieStatus &status = session->status;
    const QString uai = parser.value(school).toUpper();
    QList<CandidateStatus> candidates;
    for (const CandidateStatus &c : std::as_const(status.candidateStatus)) {
        if (!c.withdrawn && (uai.isEmpty() || c.candidate.uai == uai))
            candidates.append(c);
    }
    if (candidates.isEmpty()) {
        context.err() << "pointage bordereaux : aucun candidat inscrit"
                      << (uai.isEmpty() ? QString() : QStringLiteral(" pour ") + uai) << ".\n";
        return ExitFailure;
    }
    CoverSheetOptions options;
    options.session = session->config.session;
    options.patterns = session->config.barcodes;
    auto pdf = coverSheetsPdf(candidates, session->config.report, options);
    if (!pdf) {
        context.printError(pdf.error());
        return ExitFailure;
    }
    const QString path = parser.isSet(out) ? parser.value(out)
                         : uai.isEmpty()   ? QStringLiteral("reports/bordereaux.pdf")
                                           : QStringLiteral("reports/bordereaux-%1.pdf").arg(uai);
    return save(context, pdf.value(), path, int(candidates.size()), QStringLiteral("bordereau(x)"));
}

int runSeparators(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("Fichier PDF (défaut : reports/intercalaires.pdf)."),
        QStringLiteral("FICHIER"), QStringLiteral("reports/intercalaires.pdf"));
    parser.addOption(out);
    if (!context.parse(parser, QStringLiteral("Imprime une feuille intercalaire par type de "
                                              "pièce, à glisser devant chaque pièce "
                                              "justificative.")))
        return ExitUsage;
    auto session = loadSession(context);
    if (!session)
        return ExitFailure;
    const QList<PieceType> pieces = session->rules.pieceTypes();
    auto pdf = separatorSheetsPdf(pieces, session->config.report);
    if (!pdf) {
        context.printError(pdf.error());
        return ExitFailure;
    }
    return save(context, pdf.value(), parser.value(out), int(pieces.size()),
                QStringLiteral("intercalaire(s)"));
}

} // namespace pointage::cli
