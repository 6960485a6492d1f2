#include "pointage/DashboardHtml.h"

#include "FrenchDates.h"
#include "OwnerOnlyFile.h"
#include "ProgressChart.h"
#include "pointage/ChaseOrder.h"

namespace pointage {

namespace {

constexpr int schoolsToChase = 25;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}
QString num(int value)
{
    return QString::number(value);
}
QString percent(double value)
{
    return QString::number(value, 'f', 1) + QStringLiteral(" %");
}

const char *const styleSheet = R"(
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#1d1d1d;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid #3b5b8c}
.sub{color:#555;margin:0 0 16px}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{border:1px solid #ccd;border-radius:6px;padding:8px 14px;min-width:120px;background:#f6f8fb}
.card b{display:block;font-size:22px}.card span{font-size:12px;color:#444}
.card.alert{background:#fdf0ee;border-color:#e0a39a}
table{border-collapse:collapse;width:100%;font-size:13px}
th{background:#e4e9f1;text-align:left;position:sticky;top:0}
th,td{border:1px solid #d4d9e1;padding:4px 6px;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr:nth-child(even) td{background:#fafbfc}
td.p{white-space:nowrap}
.bar{background:#e6e6e6;border-radius:3px;height:10px;width:100px;display:inline-block}
.bar i{display:block;height:10px;border-radius:3px;background:#3b8c5b}
svg{width:100%;max-width:900px;height:auto;font-family:inherit}
svg .grid{stroke:#e3e3e3}svg .axis{stroke:#555}svg .tick{font-size:11px;fill:#444}
svg .received{fill:none;stroke:#3b5b8c;stroke-width:2.5}
svg .target{stroke:#c0392b;stroke-dasharray:6 4;stroke-width:1.5}
svg .window{stroke:#999;stroke-dasharray:2 3}svg .today{stroke:#2c7a2c}
svg .marker{font-size:11px;fill:#333}
.empty{color:#555;font-style:italic}
)";

QString card(const QString &label, const QString &value, bool alert = false)
{
    return QStringLiteral("<div class=\"card%1\"><b>%2</b><span>%3</span></div>")
        .arg(alert ? QStringLiteral(" alert") : QString(), esc(value), esc(label));
}

QString windowLine(const ReturnWindowInfo &w)
{
    QString deadline;
    if (w.pastDeadline())
        deadline = QStringLiteral("clôture dépassée de %1 jour(s)").arg(-w.daysLeft);
    else if (w.daysLeft == 0)
        deadline = QStringLiteral("clôture ce jour");
    else
        deadline = QStringLiteral("%1 jour(s) avant la clôture").arg(w.daysLeft);
    return QStringLiteral("Situation au %1 — retours attendus du %2 au %3 — %4")
        .arg(frenchLongDate(w.asOf), frenchLongDate(w.opens), frenchLongDate(w.closes), deadline);
}

QString totals(const AcademieStatus &s)
{
    return QStringLiteral("<div class=\"cards\">") +
           card(QStringLiteral("candidats inscrits"), num(s.candidates)) +
           card(QStringLiteral("confirmations reçues"), percent(s.percentReceived())) +
           card(QStringLiteral("dossiers complets"), num(s.complete)) +
           card(QStringLiteral("dossiers incomplets"), num(s.incomplete), s.incomplete > 0) +
           card(QStringLiteral("pièces ou signatures à vérifier"), num(s.toVerify),
                s.toVerify > 0) +
           card(QStringLiteral("non reçus"), num(s.notReceived), s.notReceived > 0) +
           card(QStringLiteral("dossiers sans confirmation signée"), num(s.withoutConfirmation),
                s.withoutConfirmation > 0) +
           card(QStringLiteral("reçus hors délai"), num(s.late)) +
           card(QStringLiteral("versions périmées"), num(s.stale), s.stale > 0) +
           card(QStringLiteral("retirés, documents reçus"), num(s.withdrawnReceived)) +
           card(QStringLiteral("pages à traiter"),
                num(s.openExceptions + s.pagesToIdentify + s.signaturesToCheck),
                s.openExceptions + s.pagesToIdentify + s.signaturesToCheck > 0) +
           QStringLiteral("</div>");
}

QString progressBar(double percentValue)
{
    return QStringLiteral("<span class=\"bar\"><i style=\"width:%1%\"></i></span> %2")
        .arg(QString::number(qBound(0.0, percentValue, 100.0), 'f', 0), percent(percentValue));
}

QString schoolRow(const SchoolStatus &school)
{
    return QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"n\">%3</td><td class=\"n\">%4</td>"
                          "<td class=\"n\">%5</td><td class=\"n\">%6</td><td class=\"n\">%7</td>"
                          "<td class=\"n\">%8</td><td class=\"n\">%9</td><td "
                          "class=\"p\">%10</td><td>%11</td></tr>")
        .arg(esc(school.uai), esc(school.name), num(school.candidates), num(school.complete),
             num(school.incomplete), num(school.notReceived + school.withoutConfirmation),
             num(school.late), num(school.stale), num(school.openExceptions),
             progressBar(school.percentReceived()),
             school.lastReceipt.isValid() ? esc(frenchShortDate(school.lastReceipt))
                                          : QStringLiteral("aucun envoi"));
}

QString schoolTable(const QList<SchoolStatus> &schools)
{
    if (schools.isEmpty())
        return QStringLiteral("<p class=\"empty\">Aucun établissement.</p>");
    QString html = QStringLiteral(
        "<table><tr><th>UAI</th><th>Établissement</th><th>Candidats</th><th>Complets</th>"
        "<th>Incomplets</th><th>Confirmations manquantes</th><th>Hors délai</th><th>Périmés</th>"
        "<th>Pages à traiter</th><th>Confirmations reçues</th><th>Dernier envoi</th></tr>");
    for (const SchoolStatus &school : schools)
        html += schoolRow(school);
    return html + QStringLiteral("</table>");
}

QString exceptionQueue(const QList<PageOutcome> &pages)
{
    QString rows;
    int count = 0;
    for (const PageOutcome &page : pages) {
        if (!page.needsPerson())
            continue;
        ++count;
        rows += QStringLiteral(
                    "<tr><td class=\"p\">%1</td><td class=\"n\">%2</td><td>%3</td><td>%4</td>"
                    "<td>%5</td><td>%6</td></tr>")
                    .arg(esc(page.file), num(page.page), esc(frenchShortDate(page.received)),
                         esc(attentionText(page)), esc(page.value),
                         esc(page.suggestions.join(QStringLiteral(", "))));
    }
    if (count == 0)
        return QStringLiteral("<p class=\"empty\">Aucune page à traiter.</p>");
    return QStringLiteral("<p>%1 page(s) à examiner et à rattacher à un candidat, ou à ignorer.</p>"
                          "<table><tr><th>Fichier</th><th>Page</th><th>Reçu le</th><th>Motif</th>"
                          "<th>Valeur lue</th><th>Candidats proches</th></tr>")
               .arg(count) +
           rows + QStringLiteral("</table>");
}

} // namespace

QString dashboardHtml(const AcademieStatus &status, const ReportSettings &settings)
{
    const QString session = sessionYear(status.window.session);
    const QList<SchoolStatus> chase = schoolsToChaseFirst(status, schoolsToChase);
    QString html;
    html.reserve(4096 + 400 * status.schools.size());
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                           "<title>Pointage — session %1</title><style>")
                .arg(esc(session));
    html += QString::fromUtf8(styleSheet);
    html += QStringLiteral("</style></head><body>");
    html += QStringLiteral("<h1>Pointage des dossiers d'inscription — session %1</h1>"
                           "<p class=\"sub\">%2 — %3<br>%4</p>")
                .arg(esc(session), esc(settings.academie), esc(settings.service),
                     esc(windowLine(status.window)));
    html += totals(status);
    html +=
        QStringLiteral("<h2>Confirmations reçues, jour après jour</h2>") + progressChartSvg(status);
    html += QStringLiteral("<h2>Établissements à relancer en priorité</h2>");
    html += chase.isEmpty() ? QStringLiteral("<p class=\"empty\">Aucun dossier manquant.</p>")
                            : schoolTable(chase);
    html += QStringLiteral("<h2>Pages à traiter</h2>") + exceptionQueue(status.pages);
    html += QStringLiteral("<h2>Tous les établissements</h2>") + schoolTable(status.schools);
    html += QStringLiteral("</body></html>\n");
    return html;
}

Result<Diagnostics> writeDashboard(const AcademieStatus &status, const ReportSettings &settings,
                                   const QString &path)
{
    return writeOwnerOnlyFile(path, dashboardHtml(status, settings).toUtf8());
}

} // namespace pointage
