// « Lots » on an académie's worth of files: the list comes a page of files at a time, the latest
// read first, each file with its counts and one coloured cell per page; a file's own screen shows
// its pages, and only its pages, as thumbnails. Names from the data stay text.
#include "SnapshotBuilder.h"
#include "web/Screens.h"

#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::web;
using pointage::testkit::SnapshotBuilder;

namespace {

DeskView viewOf(const SnapshotBuilder &builder)
{
    return buildDeskView(builder.snapshot(), RequirementRules(), SessionConfig::defaults(2027),
                         QDate(2026, 12, 20));
}

QStringList batchNames(const QString &html)
{
    QStringList names;
    const QRegularExpression link(QStringLiteral("<a href=\"/lots/\\d+\">([^<]+)</a>"));
    for (auto it = link.globalMatch(html); it.hasNext();)
        names.append(it.next().captured(1));
    return names;
}

} // namespace

TEST(BatchScreens, ListsTheLatestFilesFirstAPageAtATime)
{
    SnapshotBuilder builder;
    const int files = 2 * kBatchesPerPage + 10;
    for (int i = 1; i <= files; ++i) {
        builder.beginFile(QStringLiteral("/scans/lot-%1.pdf").arg(i, 3, 10, QLatin1Char('0')),
                          QDate(2026, 12, 1 + i % 20));
        builder.addBlank();
    }
    const DeskView view = viewOf(builder);
    const struct
    {
        int asked;
        const char *first;
        const char *last;
        const char *position;
        bool newer;
        bool older;
    } cases[] = {
        {1, "lot-060.pdf", "lot-036.pdf", "page 1 / 3", false, true},
        {2, "lot-035.pdf", "lot-011.pdf", "page 2 / 3", true, true},
        {3, "lot-010.pdf", "lot-001.pdf", "page 3 / 3", true, false},
        {0, "lot-060.pdf", "lot-036.pdf", "page 1 / 3", false, true},  // no page given
        {99, "lot-010.pdf", "lot-001.pdf", "page 3 / 3", true, false}, // past the end
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.asked);
        const QString html = batchesScreen(view, c.asked).body;
        const QStringList names = batchNames(html);
        ASSERT_FALSE(names.isEmpty());
        EXPECT_EQ(names.first(), QString::fromLatin1(c.first));
        EXPECT_EQ(names.last(), QString::fromLatin1(c.last));
        EXPECT_LE(names.size(), kBatchesPerPage);
        EXPECT_TRUE(html.contains(QString::fromLatin1(c.position)));
        EXPECT_TRUE(html.contains(QStringLiteral("Lots numérisés (60)")));
        EXPECT_EQ(html.contains(QStringLiteral("rel=\"prev\"")), c.newer);
        EXPECT_EQ(html.contains(QStringLiteral("rel=\"next\"")), c.older);
    }
}

TEST(BatchScreens, EachFileSaysWhatBecameOfItsPagesAndLinksToEach)
{
    SnapshotBuilder builder;
    builder.addCandidate(QStringLiteral("01300000001"));
    builder.beginFile(QStringLiteral("/scans/lot-1.pdf"), QDate(2026, 12, 4));
    const qint64 confirmation = builder.addCodes({QStringLiteral("01300000001")});
    builder.addPlain();
    builder.addBlank();
    const qint64 unreadable = builder.addUnreadable();
    const QString html = batchesScreen(viewOf(builder), 1).body;
    EXPECT_TRUE(html.contains(QStringLiteral("1 confirmation(s) · 1 pièce(s) · 1 blanche(s)")))
        << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("1 à traiter")));
    EXPECT_TRUE(html.contains(
        QStringLiteral("<a class=\"b-confirmation\" href=\"/pages/%1\"").arg(confirmation)));
    EXPECT_TRUE(html.contains(
        QStringLiteral("<a class=\"b-exception\" href=\"/pages/%1\"").arg(unreadable)));
    EXPECT_FALSE(html.contains(QStringLiteral("<img"))) << "thumbnails are on the file's screen";
    EXPECT_FALSE(html.contains(QStringLiteral("rel=\"next\""))) << "one page of files: no paging";
}

TEST(BatchScreens, AFilesScreenShowsItsOwnPagesOnly)
{
    SnapshotBuilder builder;
    builder.beginFile(QStringLiteral("/scans/lot%1 <b>x.pdf"), QDate(2026, 12, 4));
    const qint64 mine = builder.addBlank();
    const qint64 second = builder.addPlain();
    builder.beginFile(QStringLiteral("/scans/autre.pdf"), QDate(2026, 12, 5));
    const qint64 other = builder.addBlank();
    const DeskView view = viewOf(builder);
    const Screen screen = batchScreen(view, view.snapshot.files.first());
    EXPECT_EQ(screen.title, QStringLiteral("lot%1 <b>x.pdf")); // the frame escapes it
    EXPECT_TRUE(screen.body.contains(QStringLiteral("<h1>lot%1 &lt;b&gt;x.pdf <small>"
                                                    "reçu le 04/12/2026, 2 page(s)</small>")))
        << screen.body.toStdString();
    for (const qint64 page : {mine, second})
        EXPECT_TRUE(screen.body.contains(
            QStringLiteral("src=\"/image-page/%1?taille=vignette\"").arg(page)));
    EXPECT_FALSE(screen.body.contains(QStringLiteral("/pages/%1\"").arg(other)));
    EXPECT_EQ(screen.body.count(QStringLiteral("<img")), 2);
}

TEST(BatchScreens, SaysWhenNoFileWasReadYet)
{
    const QString html = batchesScreen(viewOf(SnapshotBuilder()), 1).body;
    EXPECT_TRUE(html.contains(QStringLiteral("Aucun lot lu pour l'instant.")));
    EXPECT_FALSE(html.contains(QStringLiteral("pagination")));
}
