// Screen 3, "Candidat": identity and registration, the pages of the dossier as thumbnails
// (each opens the full page), pieces owed and received, and the decisions taken, with undo.
#include "web/Screens.h"

namespace pointage::web {

namespace {

QString decisionText(const DeskView &view, const Decision &d)
{
    switch (d.kind) {
    case DecisionKind::AssignConfirmation:
        return QStringLiteral("page n° %1 attribuée comme confirmation").arg(d.pageId);
    case DecisionKind::AssignPiece:
        return QStringLiteral("page n° %1 attribuée comme pièce %2")
            .arg(d.pageId)
            .arg(d.pieceCode.isEmpty() ? QString() : view.pieceLabel(d.pieceCode));
    case DecisionKind::IgnorePage:
        return QStringLiteral("page n° %1 écartée").arg(d.pageId);
    case DecisionKind::ReceiveConfirmation:
        return QStringLiteral("confirmation pointée reçue le %1").arg(frDate(d.date));
    case DecisionKind::ReceivePiece:
        return QStringLiteral("pièce %1 pointée reçue le %2")
            .arg(view.pieceLabel(d.pieceCode), frDate(d.date));
    case DecisionKind::SignatureSigned:
        return QStringLiteral("confirmation de la page n° %1 jugée signée").arg(d.pageId);
    case DecisionKind::SignatureUnsigned:
        return QStringLiteral("confirmation de la page n° %1 jugée non signée").arg(d.pageId);
    }
    return {};
}

// The registration's versions, newest first: which import brought each, and what changed.
QString historySection(const QList<RegistrationVersion> &history)
{
    QString rows;
    for (const RegistrationVersion &v : history) {
        QString what;
        if (v.first) {
            what = QStringLiteral("première inscription importée");
        } else if (v.changes.isEmpty()) {
            what = QStringLiteral("aucune différence visible");
        } else {
            what = QStringLiteral("<ul class=\"changements\">");
            for (const RegistrationChange &c : v.changes)
                what +=
                    QStringLiteral("<li>%1 : <del>%2</del> → <ins>%3</ins></li>")
                        .arg(esc(c.field), c.before.isEmpty() ? QStringLiteral("—") : esc(c.before),
                             c.after.isEmpty() ? QStringLiteral("—") : esc(c.after));
            what += QStringLiteral("</ul>");
        }
        const RosterRow &r = v.version.row;
        rows += QStringLiteral("<tr><td>%1 version %2</td><td>n° %3 — %4<br><small>édité le %5, "
                               "importé le %6 par %7</small></td><td>%8</td></tr>")
                    .arg(esc(r.inscriptionNumber))
                    .arg(r.version)
                    .arg(v.version.importId)
                    .arg(esc(v.version.file),
                         v.version.editedAt.isValid() ? frDateTime(v.version.editedAt)
                                                      : QStringLiteral("—"),
                         frDateTime(v.version.importedAt), esc(v.version.user), what);
    }
    if (rows.isEmpty())
        return QStringLiteral("<h2>Versions de l'inscription</h2><p>Aucune version "
                              "enregistrée.</p>");
    return QStringLiteral("<h2>Versions de l'inscription</h2><table class=\"liste\" "
                          "id=\"versions\"><thead><tr><th>Version</th><th>Import</th>"
                          "<th>Changements</th></tr></thead><tbody>") +
           rows + QStringLiteral("</tbody></table>");
}

} // namespace

Screen candidateScreen(const DeskView &view, const CandidateStatus &c, const PageContext &ctx,
                       const QList<RegistrationVersion> &history)
{
    const RosterRow &r = c.candidate;
    QString body = QStringLiteral("<h1>%1</h1>").arg(esc(candidateName(r)));
    body += QStringLiteral("<p class=\"etat-candidat\">%1</p>").arg(stateBadge(c.state));
    body += QStringLiteral("<dl class=\"fiche\"><dt>N° candidat</dt><dd>%1</dd><dt>Inscription"
                           "</dt><dd>%2 version %3</dd><dt>Né(e) le</dt><dd>%4</dd><dt>INE</dt>"
                           "<dd>%5</dd><dt>Établissement</dt><dd>%6</dd><dt>Spécialité</dt>"
                           "<dd>%7 %8</dd><dt>Catégorie</dt><dd>%9</dd>")
                .arg(esc(r.candidateNumber), esc(r.inscriptionNumber))
                .arg(r.version)
                .arg(frDate(r.birthDate), esc(r.ine),
                     schoolLink(r.uai, r.establishmentName + QStringLiteral(" (") + r.uai +
                                           QLatin1Char(')')),
                     esc(r.specialtyCode), esc(r.specialtyLabel), esc(r.categoryLabel));
    body +=
        QStringLiteral("<dt>Confirmation reçue</dt><dd>%1%2</dd></dl>")
            .arg(frDate(c.confirmationReceived))
            .arg(c.scannedVersion > 0 ? QStringLiteral(" (version %1 lue)").arg(c.scannedVersion)
                                      : QString());

    body += historySection(history);

    body += QStringLiteral("<h2>Pièces</h2><table class=\"liste\"><thead><tr><th>Pièce</th>"
                           "<th>Reçue</th></tr></thead><tbody><tr><td>Confirmation "
                           "d'inscription signée</td><td>%1</td></tr>")
                .arg(c.confirmationReceived.isValid() ? QStringLiteral("oui")
                                                      : QStringLiteral("<b>non</b>"));
    const auto listed = [](const QList<PieceType> &pieces, const QString &code) {
        return std::any_of(pieces.cbegin(), pieces.cend(),
                           [&](const PieceType &m) { return m.code == code; });
    };
    for (const PieceType &p : c.owedPieces) {
        QString received = QStringLiteral("oui");
        if (listed(c.missingPieces, p.code))
            received = QStringLiteral("<b>non</b>");
        else if (listed(c.piecesToVerify, p.code))
            received = QStringLiteral("<b>à vérifier</b>");
        body += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(esc(view.pieceLabel(p.code)), received);
    }
    body += QStringLiteral("</tbody></table>");
    if (!c.piecesToVerify.isEmpty())
        body +=
            message(QStringLiteral("%1 page(s) de pièce sans type reconnu : ouvrez-les et dites "
                                   "de quelle pièce il s'agit ; tant qu'elles ne sont pas "
                                   "identifiées, aucune pièce n'est réclamée à "
                                   "l'établissement.")
                        .arg(c.unidentifiedPages),
                    false);
    else if (c.unidentifiedPages > 0)
        body += message(QStringLiteral("%1 page(s) de pièce sans type : aucune pièce n'est due, "
                                       "rien à faire.")
                            .arg(c.unidentifiedPages),
                        false);

    body += QStringLiteral("<h2>Pages du dossier</h2>");
    const QList<qsizetype> pages = view.pagesOf.value(r.candidateNumber);
    if (pages.isEmpty())
        body += QStringLiteral("<p>Aucune page reçue.</p>");
    body += QStringLiteral("<ul class=\"vignettes\">");
    for (qsizetype i : pages) {
        const PageOutcome &p = view.status.pages[i];
        body += QStringLiteral("<li class=\"b-%1\"><a href=\"/pages/%2\"><img src=\"%3\" "
                               "alt=\"page %2\" loading=\"lazy\"><span>%4%5</span></a></li>")
                    .arg(bucketKey(p.bucket))
                    .arg(p.pageId)
                    .arg(pageImageUrl(p.pageId, true), esc(bucketName(p.bucket)),
                         p.pieceCode.isEmpty()
                             ? (p.toIdentify ? QStringLiteral(" à identifier") : QString())
                             : QStringLiteral(" ") + esc(p.pieceCode));
    }
    body += QStringLiteral("</ul>");

    body += QStringLiteral("<h2>Décisions</h2>");
    QString rows;
    for (const Decision &d : view.snapshot.decisions) {
        if (d.candidateNumber != r.candidateNumber)
            continue;
        QString undo;
        if (ctx.canWrite) {
            undo = QStringLiteral("<form method=\"post\" action=\"/decisions/%1/annuler\">%2"
                                  "<input type=\"hidden\" name=\"retour\" value=\"/candidat/%3\">"
                                  "<button type=\"submit\">Annuler</button></form>")
                       .arg(d.id)
                       .arg(csrfField(ctx), urlPart(r.candidateNumber));
        }
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(d.id)
                    .arg(frDateTime(d.at), esc(d.user), esc(decisionText(view, d)), undo);
    }
    body += rows.isEmpty() ? QStringLiteral("<p>Aucune décision prise à la main.</p>")
                           : QStringLiteral("<table class=\"liste\" id=\"decisions\"><thead><tr>"
                                            "<th>N°</th><th>Quand</th><th>Qui</th><th>Quoi</th>"
                                            "<th></th></tr></thead><tbody>") +
                                 rows + QStringLiteral("</tbody></table>");
    if (ctx.canWrite) {
        QString options = QStringLiteral("<option value=\"\">la confirmation</option>");
        for (const PieceType &p : view.pieceTypes)
            options +=
                QStringLiteral("<option value=\"%1\">%2</option>").arg(esc(p.code), esc(p.label));
        body += QStringLiteral("<h2>Pointer à la main</h2><form method=\"post\" "
                               "action=\"/candidat/%1/recu\" class=\"ligne\">%2<label>Reçu : "
                               "<select name=\"piece\">%3</select></label> <label>le <input "
                               "type=\"date\" name=\"date\" value=\"%4\"></label> <button "
                               "type=\"submit\">Pointer</button></form>")
                    .arg(urlPart(r.candidateNumber), csrfField(ctx), options,
                         ctx.asOf.toString(Qt::ISODate));
    }
    return {candidateName(r), QString(), body};
}

} // namespace pointage::web
