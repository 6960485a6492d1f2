// Screen 1, "Tableau de bord": académie counts, progress against the return window, the
// schools to chase first and every school, each one a link.
#include "pointage/ChaseOrder.h"
#include "report/ProgressChart.h"
#include "web/Screens.h"

namespace pointage::web {

namespace {

QString tile(const QString &label, int value, const QString &cls)
{
    return QStringLiteral("<div class=\"tuile %1\"><span class=\"nombre\">%2</span>"
                          "<span>%3</span></div>")
        .arg(cls)
        .arg(value)
        .arg(label);
}

QString schoolRow(const SchoolStatus &s)
{
    return QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"n\">%3</td><td class=\"n\">%4"
                          "</td><td class=\"n\">%5</td><td class=\"n\">%6</td><td class=\"n\">%7"
                          "</td><td><progress max=\"100\" value=\"%8\"></progress> %8 %</td>"
                          "<td>%9</td></tr>")
        .arg(esc(s.uai), schoolLink(s.uai, s.name))
        .arg(s.candidates)
        .arg(s.complete)
        .arg(s.incomplete)
        .arg(s.notReceived)
        .arg(s.openExceptions)
        .arg(qRound(s.percentReceived()))
        .arg(frDate(s.lastReceipt));
}

const QString schoolHeader = QStringLiteral(
    "<thead><tr><th>UAI</th><th>Établissement</th><th>Candidats</th><th>Complets</th>"
    "<th>Incomplets</th><th>Non reçus</th><th>Exceptions</th><th>Confirmations reçues</th>"
    "<th>Dernier envoi</th></tr></thead>");

} // namespace

Screen dashboardScreen(const DeskView &view)
{
    const AcademieStatus &st = view.status;
    const ReturnWindowInfo &w = st.window;
    QString body = QStringLiteral("<h1>Tableau de bord</h1>");
    QString when;
    if (w.asOf < w.opens)
        when = QStringLiteral("la période de retour n'est pas encore ouverte");
    else if (w.pastDeadline())
        when = QStringLiteral("la date limite est dépassée de %1 jour(s)").arg(-w.daysLeft);
    else
        when = QStringLiteral("%1 jour(s) avant la date limite").arg(w.daysLeft);
    body += QStringLiteral("<p class=\"fenetre\">Retours du %1 au %2 : %3.</p>")
                .arg(frDate(w.opens), frDate(w.closes), esc(when));
    body += QStringLiteral("<div class=\"tuiles\">") +
            tile(QStringLiteral("candidats"), st.candidates, QString()) +
            tile(QStringLiteral("complets"), st.complete, QStringLiteral("s-complete")) +
            tile(QStringLiteral("incomplets"), st.incomplete, QStringLiteral("s-incomplete")) +
            tile(QStringLiteral("à vérifier"), st.toVerify, QStringLiteral("s-to_verify")) +
            tile(QStringLiteral("non reçus"), st.notReceived, QStringLiteral("s-not_received")) +
            tile(QStringLiteral("en retard"), st.late, QStringLiteral("s-received_late")) +
            tile(QStringLiteral("versions périmées"), st.stale, QStringLiteral("s-stale")) +
            QStringLiteral("<a class=\"tuile alerte-tuile\" href=\"/pages\"><span "
                           "class=\"nombre\">%1</span><span>pages à traiter</span></a></div>")
                .arg(st.openExceptions + st.pagesToIdentify + st.signaturesToCheck);
    body += QStringLiteral("<p>Confirmations reçues : <progress max=\"100\" value=\"%1\">"
                           "</progress> %1 %</p>")
                .arg(qRound(st.percentReceived()));
    body += QStringLiteral("<figure class=\"courbe\">") + progressChartSvg(st) +
            QStringLiteral("</figure>");

    const QList<SchoolStatus> chase = schoolsToChaseFirst(st, 15);
    body += QStringLiteral("<h2>Établissements à relancer en premier</h2>");
    if (chase.isEmpty()) {
        body += QStringLiteral("<p>Aucun dossier ne manque.</p>");
    } else {
        body += QStringLiteral("<table class=\"liste\" id=\"a-relancer\">") + schoolHeader +
                QStringLiteral("<tbody>");
        for (const SchoolStatus &s : chase)
            body += schoolRow(s);
        body += QStringLiteral("</tbody></table>");
    }
    body += QStringLiteral("<h2>Tous les établissements (%1)</h2><table class=\"liste\" "
                           "id=\"etablissements\">")
                .arg(st.schools.size()) +
            schoolHeader + QStringLiteral("<tbody>");
    for (const SchoolStatus &s : st.schools)
        body += schoolRow(s);
    body += QStringLiteral("</tbody></table>");
    return {QStringLiteral("Tableau de bord"), QStringLiteral("tableau"), body};
}

} // namespace pointage::web
