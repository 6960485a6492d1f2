// Screen 4, "Pages à traiter": the exception queue, and one page beside its reason, the code
// read and the suggestions, with the decisions a clerk can take (assign through a candidate
// search, mark as a piece, ignore, undo). The next page comes up after each decision.
#include "web/Screens.h"

#include <QFileInfo>

namespace pointage::web {

qint64 nextOpenException(const DeskView &view, qint64 afterPageId)
{
    const QList<PageOutcome> &pages = view.status.pages;
    const qsizetype start = view.outcomeAt.value(afterPageId, -1) + 1;
    for (qsizetype k = 0; k < pages.size(); ++k) {
        const PageOutcome &p = pages[(start + k) % pages.size()];
        if (p.needsPerson() && p.pageId != afterPageId)
            return p.pageId;
    }
    return 0;
}

Screen exceptionQueueScreen(const DeskView &view)
{
    QString rows;
    int count = 0;
    for (const PageOutcome &p : view.status.pages) {
        if (!p.needsPerson())
            continue;
        ++count;
        rows += QStringLiteral("<tr><td><a href=\"/pages/%1\">n° %1</a></td><td>%2</td>"
                               "<td class=\"n\">%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                    .arg(p.pageId)
                    .arg(esc(QFileInfo(p.file).fileName()))
                    .arg(p.page)
                    .arg(frDate(p.received), esc(attentionText(p)), esc(p.value));
    }
    QString body = QStringLiteral("<h1>Pages à traiter (%1)</h1>").arg(count);
    if (count == 0) {
        body += QStringLiteral("<p>Aucune page à traiter.</p>");
    } else {
        body += QStringLiteral("<p><a class=\"bouton\" id=\"commencer\" href=\"/pages/%1\">"
                               "Traiter la première page</a></p>")
                    .arg(nextOpenException(view, 0));
        body += QStringLiteral("<table class=\"liste\" id=\"file\"><thead><tr><th>Page</th>"
                               "<th>Fichier</th><th>N°</th><th>Reçue le</th><th>Motif</th>"
                               "<th>Code lu</th></tr></thead><tbody>") +
                rows + QStringLiteral("</tbody></table>");
    }
    return {QStringLiteral("Pages à traiter"), QStringLiteral("pages"), body};
}

namespace {

QString assignForm(const DeskView &view, const PageOutcome &p, const PageContext &ctx)
{
    QString pieces = QStringLiteral("<option value=\"\">sa confirmation</option>");
    for (const PieceType &t : view.pieceTypes)
        pieces += QStringLiteral("<option value=\"%1\">pièce : %2</option>")
                      .arg(esc(t.code), esc(t.label));
    QString suggestions;
    for (const QString &number : p.suggestions) {
        const CandidateStatus *c = view.candidate(number);
        if (!c)
            continue;
        suggestions += QStringLiteral("<li><button type=\"button\" class=\"suggestion\" "
                                      "data-numero=\"%1\">%1 — %2</button></li>")
                           .arg(esc(number), esc(candidateName(c->candidate)));
    }
    QString form = QStringLiteral("<form method=\"post\" action=\"/pages/%1/attribuer\" "
                                  "id=\"attribuer\">%2<h2>Attribuer</h2>")
                       .arg(p.pageId)
                       .arg(csrfField(ctx));
    if (!suggestions.isEmpty())
        form += QStringLiteral("<p>Suggestions :</p><ul class=\"suggestions\">") + suggestions +
                QStringLiteral("</ul>");
    form += QStringLiteral("<label for=\"candidat\">Candidat (n°, nom ou INE) <kbd>a</kbd></label>"
                           "<input id=\"candidat\" name=\"candidat\" autocomplete=\"off\" required "
                           "data-cherche=\"/api/candidats\" aria-describedby=\"choix\">"
                           "<ul id=\"choix\" class=\"choix\" role=\"listbox\"></ul>"
                           "<label for=\"piece\">Cette page est</label><select id=\"piece\" "
                           "name=\"piece\">%1</select>"
                           "<button type=\"submit\" id=\"valider-attribution\">Attribuer "
                           "<kbd>Entrée</kbd></button></form>")
                .arg(pieces);
    form += QStringLiteral("<form method=\"post\" action=\"/pages/%1/ecarter\" id=\"ecarter\">%2"
                           "<button type=\"submit\">Écarter cette page <kbd>e</kbd></button>"
                           "</form>")
                .arg(p.pageId)
                .arg(csrfField(ctx));
    return form;
}

// One key per piece the page could settle: the clerk looks at the page and presses 1, 2…
QString identifyForms(const DeskView &view, const PageOutcome &p, const PageContext &ctx)
{
    const CandidateStatus *c = view.candidate(p.candidateNumber);
    if (!c || c->piecesToVerify.isEmpty())
        return {};
    QString forms = QStringLiteral("<h2>Quelle pièce est-ce ?</h2><div id=\"identifier\">");
    int key = 0;
    for (const PieceType &piece : c->piecesToVerify) {
        ++key;
        forms += QStringLiteral("<form method=\"post\" action=\"/pages/%1/attribuer\" "
                                "class=\"enligne\" id=\"piece-%2\">%3<input type=\"hidden\" "
                                "name=\"candidat\" value=\"%4\"><input type=\"hidden\" "
                                "name=\"piece\" value=\"%5\"><button type=\"submit\">%6%7"
                                "</button></form> ")
                     .arg(p.pageId)
                     .arg(key)
                     .arg(csrfField(ctx), esc(p.candidateNumber), esc(piece.code),
                          esc(view.pieceLabel(piece.code)),
                          key <= 9 ? QStringLiteral(" <kbd>%1</kbd>").arg(key) : QString());
    }
    return forms + QStringLiteral("</div>");
}

// A confirmation's signature: the verdict, the crop of each zone the check found doubtful, and
// (for a person who may decide) the two answers, one key each.
QString signatureSection(const DeskView &view, const PageOutcome &p, const PageContext &ctx)
{
    const StoredPage *stored = view.storedPage(p.pageId);
    if (p.bucket != PageBucket::Confirmation || !stored || stored->read.signatures.isEmpty())
        return {};
    QString html = QStringLiteral("<h2>Signature : <span id=\"etat-signature\">%1</span>%2</h2>")
                       .arg(esc(signatureStateText(p.signature)),
                            p.signatureByDecision ? QStringLiteral(" (décision)") : QString());
    html += QStringLiteral("<ul class=\"zones-signature\">");
    for (const ZoneReading &zone : stored->read.signatures) {
        html += QStringLiteral("<li>%1 : %2 (%3)")
                    .arg(esc(zone.label), esc(signatureVerdictText(zone.verdict())),
                         esc(signatureFindingText(zone.finding)));
        if (zone.verdict() == SignatureVerdict::Doubtful && zone.located())
            html += QStringLiteral("<br><img class=\"zone-signature\" src=\"/signature/%1/%2.png\" "
                                   "alt=\"zone « %3 » de la page %1\">")
                        .arg(p.pageId)
                        .arg(esc(zone.key), esc(zone.label));
        else if (zone.verdict() == SignatureVerdict::Doubtful)
            html += QStringLiteral("<br><em class=\"zone-non-situee\">%1</em>")
                        .arg(esc(unlocatedZoneAdvice()));
        html += QStringLiteral("</li>");
    }
    html += QStringLiteral("</ul>");
    if (!ctx.canWrite)
        return html;
    const auto answer = [&](const char *action, const char *id, const QString &label,
                            const char *key) {
        return QStringLiteral("<form method=\"post\" action=\"/pages/%1/%2\" class=\"enligne\" "
                              "id=\"%3\">%4<button type=\"submit\">%5 <kbd>%6</kbd></button>"
                              "</form> ")
            .arg(p.pageId)
            .arg(QLatin1String(action), QLatin1String(id), csrfField(ctx), label,
                 QLatin1String(key));
    };
    return html + answer("signee", "signee", QStringLiteral("Signée"), "s") +
           answer("non-signee", "non-signee", QStringLiteral("Non signée (à renvoyer signée)"),
                  "r");
}

// The refused assignment, said plainly (the core's message names the other candidate), and a
// second, explicit form that sends it again with force. No autofocus: Enter must not confirm.
QString confirmBox(const DeskView &view, const PageOutcome &p, const PageContext &ctx,
                   const QString &why, const AssignmentToConfirm &a)
{
    const CandidateStatus *target = view.candidate(a.candidate);
    const QString name = target ? candidateName(target->candidate) : a.candidate;
    const QString as = a.pieceCode.isEmpty()
                           ? QStringLiteral("sa confirmation")
                           : QStringLiteral("sa pièce « %1 »").arg(view.pieceLabel(a.pieceCode));
    return QStringLiteral(
               "<div class=\"alerte confirmer\" role=\"alert\" id=\"a-confirmer\">"
               "<p>%1</p><form method=\"post\" action=\"/pages/%2/attribuer-quand-meme\" "
               "class=\"enligne\" id=\"confirmer\">%3<input type=\"hidden\" "
               "name=\"candidat\" value=\"%4\"><input type=\"hidden\" name=\"piece\" "
               "value=\"%5\"><button type=\"submit\" id=\"confirmer-attribution\">"
               "Oui, attribuer quand même à %6 comme %7</button></form> "
               "<a href=\"/pages/%2\" id=\"renoncer\">Non, ne rien changer</a></div>")
        .arg(esc(why))
        .arg(p.pageId)
        .arg(csrfField(ctx), esc(a.candidate), esc(a.pieceCode), esc(name), esc(as));
}

} // namespace

Screen pageScreen(const DeskView &view, const PageOutcome &p, const PageContext &ctx,
                  qint64 lastDecision, const QString &error,
                  const std::optional<AssignmentToConfirm> &confirm)
{
    QString body;
    if (confirm && ctx.canWrite)
        body += confirmBox(view, p, ctx, error, *confirm);
    else if (!error.isEmpty())
        body += message(error, true);
    if (lastDecision > 0) {
        body += QStringLiteral("<div class=\"info\" role=\"status\" id=\"fait\">Décision n° %1 "
                               "enregistrée.")
                    .arg(lastDecision);
        if (ctx.canWrite)
            body += QStringLiteral(" <form method=\"post\" action=\"/decisions/%1/annuler\" "
                                   "class=\"enligne\" id=\"annuler\">%2<input type=\"hidden\" "
                                   "name=\"retour\" value=\"/pages/%3\"><button type=\"submit\">"
                                   "Annuler <kbd>u</kbd></button></form>")
                        .arg(lastDecision)
                        .arg(csrfField(ctx))
                        .arg(p.pageId);
        body += QStringLiteral("</div>");
    }
    body += QStringLiteral("<h1>Page n° %1 <small>%2, page %3</small></h1>")
                .arg(p.pageId)
                .arg(esc(QFileInfo(p.file).fileName()))
                .arg(p.page);
    body += QStringLiteral("<div class=\"deux\"><figure class=\"page\"><a href=\"%1\"><img "
                           "id=\"image-page\" src=\"%1\" alt=\"image de la page %2\"></a>"
                           "</figure><section class=\"traitement\">")
                .arg(pageImageUrl(p.pageId, false))
                .arg(p.pageId);
    body += QStringLiteral("<dl class=\"fiche\"><dt>Reçue le</dt><dd>%1</dd><dt>Devenue</dt>"
                           "<dd>%2%3</dd>")
                .arg(frDate(p.received), esc(bucketName(p.bucket)),
                     p.byDecision ? QStringLiteral(" (décision)") : QString());
    if (p.needsPerson())
        body +=
            QStringLiteral("<dt>Motif</dt><dd class=\"motif\">%1</dd>").arg(esc(attentionText(p)));
    if (!p.value.isEmpty())
        body += QStringLiteral("<dt>Code lu</dt><dd><code>%1</code></dd>").arg(esc(p.value));
    if (const CandidateStatus *c = view.candidate(p.candidateNumber))
        body += QStringLiteral("<dt>Candidat</dt><dd>%1</dd>").arg(candidateLink(c->candidate));
    if (!p.pieceCode.isEmpty())
        body += QStringLiteral("<dt>Pièce</dt><dd>%1%2</dd>")
                    .arg(esc(view.pieceLabel(p.pieceCode)),
                         p.recognised ? QStringLiteral(" (reconnue par OCR)") : QString());
    body += QStringLiteral("</dl>");
    body += signatureSection(view, p, ctx);
    if (ctx.canWrite && p.toIdentify)
        body += identifyForms(view, p, ctx);
    if (ctx.canWrite)
        body += assignForm(view, p, ctx);
    const qint64 next = nextOpenException(view, p.pageId);
    if (next > 0)
        body += QStringLiteral("<p><a href=\"/pages/%1\" id=\"suivante\" rel=\"next\">Page "
                               "suivante à traiter <kbd>n</kbd></a></p>")
                    .arg(next);
    body += QStringLiteral("</section></div>");
    return {QStringLiteral("Page n° %1").arg(p.pageId), QStringLiteral("pages"), body};
}

} // namespace pointage::web
