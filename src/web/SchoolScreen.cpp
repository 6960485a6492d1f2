// Screen 2, "Établissement": the school's candidates in filing order (specialty, then French
// alphabetical order) with their state, missing pieces, receipt date and open exceptions; its
// letter and CSV generated on demand; the decisions taken about its candidates.
#include "web/Screens.h"

namespace pointage::web {

namespace {

QString missingText(const DeskView &view, const CandidateStatus &c)
{
    QStringList parts;
    if (!c.confirmationReceived.isValid() && !c.withdrawn)
        parts.append(QStringLiteral("confirmation"));
    for (const PieceType &p : c.missingPieces)
        parts.append(view.pieceLabel(p.code));
    for (const PieceType &p : c.piecesToVerify)
        parts.append(view.pieceLabel(p.code) + QStringLiteral(" (à vérifier)"));
    return esc(parts.join(QStringLiteral(", ")));
}

} // namespace

Screen schoolScreen(const DeskView &view, const SchoolStatus &s)
{
    QString body = QStringLiteral("<h1>%1 <small>%2</small></h1>").arg(esc(s.name), esc(s.uai));
    body += QStringLiteral("<p class=\"resume\">%1 candidat(s) : %2 complet(s), %3 incomplet(s), "
                           "%9 à vérifier, %4 non reçu(s), %5 en retard, %6 version(s) "
                           "périmée(s) ; %7 exception(s). Dernier envoi : %8.</p>")
                .arg(s.candidates)
                .arg(s.complete)
                .arg(s.incomplete)
                .arg(s.notReceived)
                .arg(s.late)
                .arg(s.stale)
                .arg(s.openExceptions)
                .arg(frDate(s.lastReceipt))
                .arg(s.toVerify);
    body += QStringLiteral("<p class=\"actions\"><a class=\"bouton\" href=\"/etablissement/%1/"
                           "courrier.pdf\">Courrier de relance (PDF)</a> <a class=\"bouton\" "
                           "href=\"/etablissement/%1/relance.csv\">Liste (CSV)</a></p>")
                .arg(urlPart(s.uai));

    QString specialty;
    bool open = false;
    QStringList numbers;
    for (const CandidateStatus &c : view.status.candidateStatus) {
        if (c.candidate.uai != s.uai)
            continue;
        numbers.append(c.candidate.candidateNumber);
        if (!open || c.candidate.specialtyCode != specialty) {
            if (open)
                body += QStringLiteral("</tbody></table>");
            specialty = c.candidate.specialtyCode;
            open = true;
            body += QStringLiteral("<h2>%1 %2</h2><table class=\"liste candidats\"><thead><tr>"
                                   "<th>N° candidat</th><th>Nom, prénoms</th><th>État</th>"
                                   "<th>Reçu le</th><th>Manque</th><th>Exceptions</th></tr>"
                                   "</thead><tbody>")
                        .arg(esc(c.candidate.specialtyCode), esc(c.candidate.specialtyLabel));
        }
        body += QStringLiteral("<tr class=\"%1\"><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                               "<td>%6</td><td class=\"n\">%7</td></tr>")
                    .arg(stateClass(c.state), esc(c.candidate.candidateNumber),
                         candidateLink(c.candidate), stateBadge(c.state),
                         frDate(c.confirmationReceived), missingText(view, c))
                    .arg(c.openExceptions ? QString::number(c.openExceptions) : QString());
    }
    if (open)
        body += QStringLiteral("</tbody></table>");
    else
        body += QStringLiteral("<p>Aucun candidat importé pour cet établissement.</p>");

    body += QStringLiteral("<h2>Historique des décisions</h2>");
    QString rows;
    for (const Decision &d : view.snapshot.decisions) {
        if (!numbers.contains(d.candidateNumber))
            continue;
        const CandidateStatus *c = view.candidate(d.candidateNumber);
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(d.id)
                    .arg(frDateTime(d.at), esc(d.user),
                         esc(decisionKey(d.kind)) + QStringLiteral(" — ") +
                             (c ? candidateLink(c->candidate) : esc(d.candidateNumber)));
    }
    body += rows.isEmpty() ? QStringLiteral("<p>Aucune décision prise à la main.</p>")
                           : QStringLiteral("<table class=\"liste\"><thead><tr><th>N°</th>"
                                            "<th>Quand</th><th>Qui</th><th>Quoi</th></tr>"
                                            "</thead><tbody>") +
                                 rows + QStringLiteral("</tbody></table>");
    return {s.name.isEmpty() ? s.uai : s.name, QString(), body};
}

} // namespace pointage::web
