// Screen 6, « Import et numérisation »: upload Cyclades exports (file input or drag and drop)
// and see the same merge summary as the command line, accept guarded withdrawals explicitly;
// read the scans folder or an uploaded PDF, with live progress (desk.js polls
// /api/numerisation and redraws the box this file draws first).
#include "web/Screens.h"

namespace pointage::web {

namespace {

QString importResult(const ImportOutcome &o, const QByteArray &heldKey, const PageContext &ctx)
{
    QString html =
        QStringLiteral("<section class=\"resultat-import\"><h3>%1</h3>").arg(esc(o.fileName));
    if (o.ok) {
        html += QStringLiteral("<ul class=\"resume\">");
        for (const QString &line : o.lines)
            html += QStringLiteral("<li>%1</li>").arg(esc(line));
        html += QStringLiteral("</ul>");
    } else if (o.needsConfirmation) {
        html += QStringLiteral("<div class=\"alerte confirmer\" role=\"alert\"><p>Rien n'a été "
                               "importé : %1</p><form method=\"post\" action=\"/import/accepter\" "
                               "class=\"enligne\">%2<input type=\"hidden\" name=\"cle\" "
                               "value=\"%3\"><button type=\"submit\" class=\"accepter-retraits\">"
                               "Accepter les retraits et importer</button></form> "
                               "<a href=\"/import\">Ne pas importer</a></div>")
                    .arg(esc(o.error), csrfField(ctx), QString::fromLatin1(heldKey));
    } else {
        html += message(QStringLiteral("Rien n'a été importé : ") + o.error, true);
    }
    if (!o.diagnostics.isEmpty()) {
        html += QStringLiteral("<details open><summary>%1 ligne(s) refusée(s)</summary><ul>")
                    .arg(o.diagnostics.size());
        for (const QString &d : o.diagnostics)
            html += QStringLiteral("<li>%1</li>").arg(esc(d));
        html += QStringLiteral("</ul></details>");
    }
    return html + QStringLiteral("</section>");
}

QString duration(int seconds)
{
    if (seconds < 0)
        return QStringLiteral("…");
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    return QStringLiteral("%1 min %2 s")
        .arg(seconds / 60)
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QString progressHtml(const IngestJobProgress &p)
{
    using State = IngestJobProgress::State;
    if (p.state == State::Idle)
        return QStringLiteral("<p>Aucune lecture en cours.</p>");
    QString html = QStringLiteral("<progress max=\"%1\" value=\"%2\"></progress><p "
                                  "class=\"avancement\">%2 / %3 page(s)")
                       .arg(qMax(1, p.pagesTotal))
                       .arg(p.pagesDone)
                       .arg(p.pagesTotal);
    if (p.state == State::Running) {
        html += QStringLiteral(" — %1 pages/s — reste %2%3</p>")
                    .arg(QString::number(p.pagesPerSecond, 'f', 1), duration(p.secondsLeft),
                         p.file.isEmpty() ? QString() : QStringLiteral(" — ") + esc(p.file));
        return html;
    }
    html += QStringLiteral(" — terminé</p><ul class=\"resume\">");
    for (const QString &line : p.lines)
        html += QStringLiteral("<li>%1</li>").arg(esc(line));
    return html + QStringLiteral("</ul><p><a href=\"/lots\">Voir les lots</a></p>");
}

Screen importScreen(const PageContext &ctx, const ImportScreenState &s)
{
    const QString maxMb = QString::number(s.maxUploadBytes >> 20);
    QString body = QStringLiteral("<h1>Import et numérisation</h1>");
    if (!s.notice.isEmpty())
        body += message(s.notice, s.noticeIsError);
    if (!s.imports.isEmpty()) {
        body += QStringLiteral("<div id=\"resultats-import\"><h2>Import des exports</h2>");
        for (qsizetype i = 0; i < s.imports.size(); ++i)
            body += importResult(s.imports[i], s.heldKeys.value(i), ctx);
        body += QStringLiteral("</div>");
    }
    body += QStringLiteral(
                "<div class=\"deux-egal\"><section><h2>Exports Cyclades</h2>"
                "<form method=\"post\" action=\"/import/export\" enctype=\"multipart/form-data\" "
                "id=\"form-export\" class=\"depot\">%1"
                "<label for=\"exports\">Fichiers CSV « Listes simples » exportés de Cyclades"
                "</label><input type=\"file\" id=\"exports\" name=\"exports\" "
                "accept=\".csv,text/csv\" multiple required>"
                "<p class=\"zone-depot\">… ou déposez les fichiers ici.</p>"
                "<button type=\"submit\" id=\"importer\">Importer</button></form>"
                "<p class=\"aide\">Un export qui retirerait beaucoup de candidats ou en changerait "
                "d'établissement s'arrête avant d'écrire : ce qu'il ferait est affiché, et vous "
                "décidez.</p></section>")
                .arg(csrfField(ctx));
    const bool running = s.progress.state == IngestJobProgress::State::Running;
    const QString disabled = running ? QStringLiteral(" disabled") : QString();
    body +=
        QStringLiteral(
            "<section><h2>Numérisations</h2>"
            "<form method=\"post\" action=\"/import/numeriser\" id=\"form-dossier\">%1"
            "<p>Dossier des numérisations : <code>%2</code></p><button type=\"submit\"%3>"
            "Lire les nouveaux fichiers du dossier</button></form>"
            "<form method=\"post\" action=\"/import/pdf\" enctype=\"multipart/form-data\" "
            "id=\"form-pdf\" class=\"depot\">%1"
            "<label for=\"pdf\">Un lot numérisé (PDF, au plus %4 Mo)</label>"
            "<input type=\"file\" id=\"pdf\" name=\"pdf\" accept=\".pdf,application/pdf\" "
            "required><label for=\"recu\">Reçu le</label><input type=\"date\" id=\"recu\" "
            "name=\"recu\" value=\"%5\" required>"
            "<p class=\"zone-depot\">… ou déposez le PDF ici.</p>"
            "<button type=\"submit\" id=\"envoyer-pdf\"%3>Envoyer et lire</button></form>"
            "<h3>Lecture</h3><div id=\"numerisation\" data-suivi=\"/api/numerisation\" "
            "data-etat=\"%6\" role=\"status\" aria-live=\"polite\">%7</div></section></div>")
            .arg(csrfField(ctx), esc(s.scansFolder), disabled, maxMb, s.today.toString(Qt::ISODate),
                 running ? QStringLiteral("en-cours")
                         : (s.progress.state == IngestJobProgress::State::Finished
                                ? QStringLiteral("terminee")
                                : QStringLiteral("aucune")),
                 progressHtml(s.progress));
    return {QStringLiteral("Import et numérisation"), QStringLiteral("import"), body};
}

} // namespace pointage::web
