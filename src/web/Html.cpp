#include "web/Html.h"

#include "pointage/SchoolReminder.h"

#include <QUrl>

namespace pointage::web {

QString esc(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString urlPart(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString frDate(QDate date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QStringLiteral("—");
}

QString frDateTime(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"))
                        : QStringLiteral("—");
}

QString csrfField(const PageContext &context)
{
    return QStringLiteral("<input type=\"hidden\" name=\"csrf\" value=\"%1\">")
        .arg(esc(QString::fromLatin1(context.csrf)));
}

QString htmlPage(const PageContext &c, const QString &title, const QString &active,
                 const QString &body)
{
    auto item = [&](const QString &key, const QString &href, const QString &label,
                    const QString &accessKey) {
        return QStringLiteral("<a href=\"%1\" accesskey=\"%2\"%3>%4</a>")
            .arg(href, accessKey,
                 key == active ? QStringLiteral(" class=\"actif\" aria-current=\"page\"")
                               : QString(),
                 label);
    };
    QString nav = item(QStringLiteral("tableau"), QStringLiteral("/"),
                       QStringLiteral("Tableau de bord"), QStringLiteral("t")) +
                  item(QStringLiteral("pages"), QStringLiteral("/pages"),
                       QStringLiteral("Pages à traiter <span class=\"compte\">%1</span>")
                           .arg(c.openExceptions),
                       QStringLiteral("p")) +
                  item(QStringLiteral("lots"), QStringLiteral("/lots"), QStringLiteral("Lots"),
                       QStringLiteral("l")) +
                  item(QStringLiteral("journal"), QStringLiteral("/journal"),
                       QStringLiteral("Journal"), QStringLiteral("j"));
    if (c.canWrite)
        nav += item(QStringLiteral("import"), QStringLiteral("/import"),
                    QStringLiteral("Import et numérisation"), QStringLiteral("i"));
    QString who;
    if (!c.user.isEmpty()) {
        who = QStringLiteral("<form method=\"post\" action=\"/deconnexion\" class=\"qui\">%1"
                             "<span>%2 (%3)</span> <button type=\"submit\">Déconnexion</button>"
                             "</form>")
                  .arg(csrfField(c), esc(c.user), esc(c.role));
    }
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\">"
                          "<title>%1 — Pointage</title>"
                          "<link rel=\"stylesheet\" href=\"/static/desk.css\">"
                          "<script src=\"/static/desk.js\" defer></script></head><body>"
                          "<header><span class=\"marque\">Pointage</span>"
                          "<span class=\"session\">%2 — état au %3</span><nav>%4</nav>"
                          "<form method=\"get\" action=\"/recherche\" class=\"cherche\">"
                          "<input type=\"search\" name=\"q\" id=\"recherche\" "
                          "placeholder=\"N° candidat, nom, INE, UAI… ( / )\" "
                          "aria-label=\"Rechercher\"></form>%5</header>"
                          "<main>%6</main></body></html>\n")
        .arg(esc(title), esc(c.session), frDate(c.asOf), nav, who, body);
}

QString stateClass(CandidateState state)
{
    return QStringLiteral("s-") + stateKey(state);
}

QString stateBadge(CandidateState state)
{
    return QStringLiteral("<span class=\"etat %1\">%2</span>")
        .arg(stateClass(state), esc(stateText(state)));
}

QString candidateName(const RosterRow &row)
{
    return displayedLastName(row) + QLatin1Char(' ') + row.firstNames;
}

QString candidateLink(const RosterRow &row)
{
    return QStringLiteral("<a href=\"/candidat/%1\">%2</a>")
        .arg(urlPart(row.candidateNumber), esc(candidateName(row)));
}

QString schoolLink(const QString &uai, const QString &name)
{
    return QStringLiteral("<a href=\"/etablissement/%1\">%2</a>")
        .arg(urlPart(uai), esc(name.isEmpty() ? uai : name));
}

QString pageImageUrl(qint64 pageId, bool thumbnail)
{
    return QStringLiteral("/image-page/%1?taille=%2")
        .arg(pageId)
        .arg(thumbnail ? QStringLiteral("vignette") : QStringLiteral("pleine"));
}

QString message(const QString &text, bool error)
{
    return QStringLiteral("<p class=\"%1\" role=\"%2\">%3</p>")
        .arg(error ? QStringLiteral("alerte") : QStringLiteral("info"),
             error ? QStringLiteral("alert") : QStringLiteral("status"), esc(text));
}

} // namespace pointage::web
