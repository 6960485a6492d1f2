// Screen 5, « Lots »: the ingested files, the latest read first, a page of them at a time, each
// with what became of its pages (counts, and one coloured cell per page linking to it); and one
// file's pages as thumbnails. A whole académie holds tens of thousands of pages: drawing every
// thumbnail on one screen made a document of megabytes that no browser shows quickly.
#include "web/Screens.h"

#include <QFileInfo>
#include <algorithm>

namespace pointage::web {

namespace {

const char kLegend[] =
    "<p class=\"legende\"><span class=\"b-confirmation\">confirmation</span> <span "
    "class=\"b-cover_sheet\">bordereau</span> <span class=\"b-supporting\">pièce</span> <span "
    "class=\"b-separator\">intercalaire</span> <span "
    "class=\"b-blank\">blanche</span> <span class=\"b-exception\">à traiter</span> <span "
    "class=\"b-ignored\">écartée</span></p>";

// Red for every page that waits for a person, a confirmation whose signature is doubtful too:
// the legend's « à traiter ».
QString colourKey(const PageOutcome &p)
{
    return p.needsPerson() ? bucketKey(PageBucket::Exception) : bucketKey(p.bucket);
}

QString pageTitle(const PageOutcome &p)
{
    return QStringLiteral("page %1 : ").arg(p.page) + bucketName(p.bucket) +
           (p.needsPerson() ? QStringLiteral(" — ") + attentionText(p) : QString());
}

// "3 confirmations · 12 pièces · 1 à traiter": what a clerk checks a batch against.
QString summaryOf(const QList<const PageOutcome *> &pages)
{
    const std::pair<PageBucket, const char *> plurals[] = {
        {PageBucket::Confirmation, "confirmation(s)"},
        {PageBucket::CoverSheet, "bordereau(x)"},
        {PageBucket::Supporting, "pièce(s)"},
        {PageBucket::Separator, "intercalaire(s)"},
        {PageBucket::Blank, "blanche(s)"},
        {PageBucket::Ignored, "écartée(s)"}};
    QStringList parts;
    for (const auto &[bucket, label] : plurals) {
        const auto n = std::count_if(pages.cbegin(), pages.cend(), [bucket](const PageOutcome *p) {
            return p->bucket == bucket;
        });
        if (n > 0)
            parts.append(QStringLiteral("%1 %2").arg(n).arg(QString::fromUtf8(label)));
    }
    const auto waiting = std::count_if(pages.cbegin(), pages.cend(),
                                       [](const PageOutcome *p) { return p->needsPerson(); });
    if (waiting > 0)
        parts.append(
            QStringLiteral("<strong class=\"attente\">%1 à traiter</strong>").arg(waiting));
    return parts.join(QStringLiteral(" · "));
}

QList<const PageOutcome *> outcomesOf(const DeskView &view, qint64 fileId)
{
    QList<const PageOutcome *> pages;
    for (qsizetype i : view.pagesOfFile.value(fileId)) {
        if (const PageOutcome *p = view.outcome(view.snapshot.pages[i].id))
            pages.append(p);
    }
    return pages;
}

QString fileHeading(const ScannedFile &f, const QString &name)
{
    QString who = f.user.isEmpty() ? QString() : QStringLiteral(", lu par %1").arg(esc(f.user));
    // One arg() call: a file name holding "%1" must not be taken for a placeholder.
    return QStringLiteral("%1 <small>reçu le %2, %3 page(s)%4</small>")
        .arg(name, frDate(f.received), QString::number(f.pageCount), who);
}

QString pagingLinks(int page, int pageCount)
{
    if (pageCount <= 1)
        return {};
    QString nav = QStringLiteral("<nav class=\"pagination\" aria-label=\"Pages de la liste\">");
    if (page > 1)
        nav += QStringLiteral("<a href=\"/lots?page=%1\" rel=\"prev\">« Plus récents</a> ")
                   .arg(page - 1);
    nav += QStringLiteral("<span>page %1 / %2</span>").arg(page).arg(pageCount);
    if (page < pageCount)
        nav += QStringLiteral(" <a href=\"/lots?page=%1\" rel=\"next\">Plus anciens »</a>")
                   .arg(page + 1);
    return nav + QStringLiteral("</nav>");
}

} // namespace

Screen batchesScreen(const DeskView &view, int page)
{
    QList<const ScannedFile *> files;
    for (const ScannedFile &f : view.snapshot.files)
        files.append(&f);
    // The batch just read is the one a clerk looks for: ingestion order, latest first.
    std::sort(files.begin(), files.end(),
              [](const ScannedFile *a, const ScannedFile *b) { return a->id > b->id; });
    const int pageCount = int((files.size() + kBatchesPerPage - 1) / kBatchesPerPage);
    page = std::clamp(page, 1, std::max(1, pageCount));
    const qsizetype first = qsizetype(page - 1) * kBatchesPerPage;
    const qsizetype last = std::min<qsizetype>(files.size(), first + kBatchesPerPage);

    QString body = QStringLiteral("<h1>Lots numérisés (%1)</h1>").arg(files.size());
    if (files.isEmpty())
        return {QStringLiteral("Lots"), QStringLiteral("lots"),
                body + QStringLiteral("<p>Aucun lot lu pour l'instant.</p>")};
    body += QString::fromUtf8(kLegend);
    if (pageCount > 1)
        body += QStringLiteral("<p>Lots %1 à %2, du plus récent au plus ancien.</p>")
                    .arg(first + 1)
                    .arg(last);
    body += pagingLinks(page, pageCount);
    for (qsizetype i = first; i < last; ++i) {
        const ScannedFile &f = *files[i];
        const QList<const PageOutcome *> pages = outcomesOf(view, f.id);
        const QString link = QStringLiteral("<a href=\"/lots/%1\">%2</a>")
                                 .arg(QString::number(f.id), esc(QFileInfo(f.path).fileName()));
        body += QStringLiteral("<section class=\"lot\"><h2>%1</h2><p>%2</p><p class=\"barre\">")
                    .arg(fileHeading(f, link), summaryOf(pages));
        for (const PageOutcome *p : pages) {
            body += QStringLiteral("<a class=\"b-%1\" href=\"/pages/%2\" title=\"%3\"></a>")
                        .arg(colourKey(*p), QString::number(p->pageId), esc(pageTitle(*p)));
        }
        body += QStringLiteral("</p></section>");
    }
    body += pagingLinks(page, pageCount);
    return {QStringLiteral("Lots"), QStringLiteral("lots"), body};
}

Screen batchScreen(const DeskView &view, const ScannedFile &file)
{
    const QString name = QFileInfo(file.path).fileName();
    const QList<const PageOutcome *> pages = outcomesOf(view, file.id);
    QString body = QStringLiteral("<p><a href=\"/lots\">← Tous les lots</a></p><h1>%1</h1>")
                       .arg(fileHeading(file, esc(name)));
    body += QStringLiteral("<p>%1</p>").arg(summaryOf(pages)) + QString::fromUtf8(kLegend);
    body += QStringLiteral("<ul class=\"vignettes\">");
    for (const PageOutcome *p : pages) {
        body += QStringLiteral("<li class=\"b-%1\"><a href=\"/pages/%2\" title=\"%3\"><img "
                               "src=\"%4\" alt=\"page %5\" loading=\"lazy\"><span>%5</span>"
                               "</a></li>")
                    .arg(colourKey(*p), QString::number(p->pageId), esc(pageTitle(*p)),
                         pageImageUrl(p->pageId, true), QString::number(p->page));
    }
    body += QStringLiteral("</ul>");
    return {name, QStringLiteral("lots"), body};
}

} // namespace pointage::web
