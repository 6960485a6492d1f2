// Screen 7: "Recherche" (candidates by number, name or INE; schools by UAI or name), "Journal", and
// the login form.
#include "pointage/CandidateSearch.h"
#include "web/Screens.h"

#include <QFileInfo>

namespace pointage::web {

Screen searchScreen(const DeskView &view, const QString &query)
{
    QString body = QStringLiteral("<h1>Recherche</h1><form method=\"get\" action=\"/recherche\">"
                                  "<input type=\"search\" name=\"q\" value=\"%1\" "
                                  "aria-label=\"Rechercher\"> <button type=\"submit\">Chercher"
                                  "</button></form>")
                       .arg(esc(query));
    const QString q = query.trimmed();
    if (q.size() < 2)
        return {QStringLiteral("Recherche"), QString(), body};
    const QList<qsizetype> found = searchCandidates(view.status, q, 200);
    body += QStringLiteral("<h2>Candidats (%1)</h2>").arg(found.size());
    if (!found.isEmpty()) {
        body += QStringLiteral("<table class=\"liste\" id=\"resultats\"><thead><tr><th>N°</th>"
                               "<th>Nom, prénoms</th><th>Établissement</th><th>État</th></tr>"
                               "</thead><tbody>");
        for (qsizetype i : found) {
            const CandidateStatus &c = view.status.candidateStatus[i];
            body += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(esc(c.candidate.candidateNumber), candidateLink(c.candidate),
                             schoolLink(c.candidate.uai, c.candidate.establishmentName),
                             stateBadge(c.state));
        }
        body += QStringLiteral("</tbody></table>");
    }
    const QString folded = foldForSearch(q);
    QString schools;
    for (const SchoolStatus &s : view.status.schools) {
        if (s.uai.compare(q, Qt::CaseInsensitive) == 0 || foldForSearch(s.name).contains(folded))
            schools +=
                QStringLiteral("<li>%1 (%2)</li>").arg(schoolLink(s.uai, s.name), esc(s.uai));
    }
    if (!schools.isEmpty())
        body += QStringLiteral("<h2>Établissements</h2><ul>") + schools + QStringLiteral("</ul>");
    return {QStringLiteral("Recherche"), QString(), body};
}

Screen journalScreen(const QList<JournalEntry> &entries)
{
    QString body = QStringLiteral("<h1>Journal</h1><p>Toutes les modifications du registre, "
                                  "les plus récentes d'abord.</p><table class=\"liste\" "
                                  "id=\"journal\"><thead><tr><th>N°</th><th>Quand</th><th>Qui</th>"
                                  "<th>Action</th><th>Détail</th></tr></thead><tbody>");
    for (const JournalEntry &e : entries) {
        body += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(e.id)
                    .arg(frDateTime(e.at), esc(e.user), esc(e.action), esc(e.detail));
    }
    body += QStringLiteral("</tbody></table>");
    return {QStringLiteral("Journal"), QStringLiteral("journal"), body};
}

QString loginDocument(const QString &error, const QByteArray &csrf)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>"
               "Connexion — Pointage</title><link rel=\"stylesheet\" href=\"/static/desk.css\">"
               "</head><body class=\"connexion\"><main><h1>Pointage</h1>%1<form method=\"post\" "
               "action=\"/connexion\"><input type=\"hidden\" name=\"csrf\" value=\"%2\">"
               "<label for=\"nom\">Nom d'utilisateur</label><input id=\"nom\" name=\"nom\" "
               "autocomplete=\"username\" required autofocus><label for=\"mdp\">Mot de passe"
               "</label><input id=\"mdp\" name=\"mdp\" type=\"password\" "
               "autocomplete=\"current-password\" required><button type=\"submit\">Se connecter"
               "</button></form></main></body></html>\n")
        .arg(error.isEmpty() ? QString() : message(error, true), esc(QString::fromLatin1(csrf)));
}

} // namespace pointage::web
