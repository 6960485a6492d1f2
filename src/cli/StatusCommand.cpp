// `pointage status`: the académie summary, or one school's table in filing order.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/SessionStatus.h"
#include "cli/StatusJson.h"

#include <QJsonArray>

namespace pointage::cli {

namespace {

QString percent(double value)
{
    return QString::number(value, 'f', 1).replace('.', ',') + " %";
}

QString deadlineLine(const ReturnWindowInfo &w)
{
    const QString closes = w.closes.toString(QStringLiteral("dd/MM/yyyy"));
    if (w.daysLeft > 0)
        return QStringLiteral("date limite %1 : %2 jour(s) restant(s)").arg(closes).arg(w.daysLeft);
    if (w.daysLeft == 0)
        return QStringLiteral("date limite %1 : c'est aujourd'hui").arg(closes);
    return QStringLiteral("date limite %1 DÉPASSÉE de %2 jour(s) : les dossiers non reçus sont "
                          "en retard")
        .arg(closes)
        .arg(-w.daysLeft);
}

void printAcademie(QTextStream &out, const AcademieStatus &s)
{
    out << s.window.session << " — état au " << s.window.asOf.toString(QStringLiteral("dd/MM/yyyy"))
        << " (" << deadlineLine(s.window) << ")\n\n";
    out << "Candidats inscrits      " << s.candidates << "\n"
        << "Confirmations reçues    " << percent(s.percentReceived()) << "\n"
        << "  complets              " << s.complete << "\n"
        << "  incomplets            " << s.incomplete << "\n"
        << "  à vérifier            " << s.toVerify << "\n"
        << "  reçus hors délai      " << s.late << "\n"
        << "  version périmée       " << s.stale << "\n"
        << (s.window.pastDeadline() ? "Manquants (en retard)   " : "Non reçus               ")
        << s.notReceived << "\n"
        << "Dossiers sans confirm.  " << s.withoutConfirmation << "\n"
        << "Retirés mais reçus      " << s.withdrawnReceived << "\n"
        << "Exceptions à traiter    " << s.openExceptions
        << (s.openExceptions ? "  → pointage exceptions" : "") << "\n"
        << "Pages à identifier      " << s.pagesToIdentify
        << (s.pagesToIdentify ? "  → pointage exceptions" : "") << "\n"
        << "Signatures à vérifier   " << s.signaturesToCheck
        << (s.signaturesToCheck ? "  → pointage exceptions" : "") << "\n";

    const QList<SchoolStatus> silent = s.silentSchools();
    if (!silent.isEmpty()) {
        out << "\nÉtablissements dont rien n'est arrivé (" << silent.size() << ") :\n";
        for (const SchoolStatus &school : silent)
            out << "  " << school.uai << "  " << school.name << "  (" << school.candidates
                << " candidat(s))\n";
    }
    out << "\n"
        << QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8 %9\n")
               .arg(QStringLiteral("UAI"), -9)
               .arg(QStringLiteral("Établissement"), -36)
               .arg(QStringLiteral("Inscrits"), 8)
               .arg(QStringLiteral("Reçus"), 8)
               .arg(QStringLiteral("Complets"), 8)
               .arg(QStringLiteral("Incompl."), 8)
               .arg(QStringLiteral("À vérif."), 8)
               .arg(QStringLiteral("Manq."), 6)
               .arg(QStringLiteral("Except."), 7);
    for (const SchoolStatus &school : s.schools) {
        out << QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8 %9\n")
                   .arg(school.uai, -9)
                   .arg(school.name.left(36), -36)
                   .arg(school.candidates, 8)
                   .arg(percent(school.percentReceived()), 8)
                   .arg(school.complete, 8)
                   .arg(school.incomplete, 8)
                   .arg(school.toVerify, 8)
                   .arg(school.notReceived + school.withoutConfirmation, 6)
                   .arg(school.openExceptions, 7);
    }
}

QString pieceLabels(const QList<PieceType> &pieces)
{
    QStringList labels;
    for (const PieceType &p : pieces)
        labels.append(p.label);
    return labels.join(QStringLiteral(", "));
}

void printSchool(QTextStream &out, const AcademieStatus &s, const SchoolStatus &school)
{
    out << school.name << " (" << school.uai << ") — état au "
        << s.window.asOf.toString(QStringLiteral("dd/MM/yyyy")) << " (" << deadlineLine(s.window)
        << ")\n";
    out << school.candidates << " candidat(s) : " << school.complete << " complet(s), "
        << school.incomplete << " incomplet(s), " << school.toVerify << " à vérifier, "
        << school.notReceived << " non reçu(s), " << school.withoutConfirmation
        << " sans confirmation signée, " << school.late << " hors délai, " << school.stale
        << " version périmée.\n";
    QString specialty;
    for (const CandidateStatus &c : s.candidateStatus) {
        if (c.candidate.uai != school.uai)
            continue;
        if (specialty.isNull() || c.candidate.specialtyCode != specialty) {
            specialty = c.candidate.specialtyCode;
            out << "\n" << c.candidate.specialtyCode << " " << c.candidate.specialtyLabel << "\n";
        }
        out << "  " << c.candidate.candidateNumber << "  "
            << QStringLiteral("%1").arg(
                   c.candidate.lastName + QLatin1Char(' ') + c.candidate.firstNames, -34)
            << "  " << stateText(c.state);
        if (!c.missingPieces.isEmpty())
            out << " — manque : " << pieceLabels(c.missingPieces);
        if (!c.piecesToVerify.isEmpty())
            out << " — à vérifier : " << pieceLabels(c.piecesToVerify) << " ("
                << c.unidentifiedPages << " page(s) à identifier)";
        if (c.openExceptions > 0)
            out << " — " << c.openExceptions << " exception(s)";
        out << "\n";
    }
}

} // namespace

int runStatus(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption school(QStringLiteral("school"),
                                    QStringLiteral("Le tableau d'un établissement."),
                                    QStringLiteral("UAI"));
    const QCommandLineOption asOf = asOfOption();
    parser.addOptions({school, asOf});
    if (!context.parse(parser, QStringLiteral("État des retours : pour l'académie, ou pour un "
                                              "établissement par spécialité et ordre "
                                              "alphabétique.")))
        return ExitUsage;
    int exitCode = ExitOk;
    auto session = loadStatusAsOf(context, parser, asOf, exitCode);
    if (!session)
        return exitCode;
    AcademieStatus &status = session->status;

    if (!parser.isSet(school)) {
        if (context.json())
            printJson(context.out(), academieSummaryJson(status));
        else
            printAcademie(context.out(), status);
        return ExitOk;
    }
    const QString uai = parser.value(school).toUpper();
    for (const SchoolStatus &s : std::as_const(status.schools)) {
        if (s.uai != uai)
            continue;
        if (context.json()) {
            QJsonArray candidates;
            for (const CandidateStatus &c : std::as_const(status.candidateStatus)) {
                if (c.candidate.uai == uai)
                    candidates.append(candidateStatusJson(c));
            }
            QJsonObject o = schoolStatusJson(s);
            o.insert(QStringLiteral("asOf"), status.window.asOf.toString(Qt::ISODate));
            o.insert(QStringLiteral("candidateStatus"), candidates);
            printJson(context.out(), o);
        } else {
            printSchool(context.out(), status, s);
        }
        return ExitOk;
    }
    context.err() << "pointage status : aucun candidat importé pour l'établissement « " << uai
                  << " ». Vérifiez l'UAI (pointage candidates --school UAI).\n";
    return ExitFailure;
}

} // namespace pointage::cli
