#include "ReportFixtures.h"
#include "pointage/ChaseOrder.h"
#include "pointage/DashboardHtml.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testkit;

namespace {

AcademieStatus hostileStatus()
{
    AcademieStatus status = twoSchoolsSharingAName();
    status.schools[0].name = QStringLiteral("<script>alert('x')</script> & Cie");
    PageOutcome page;
    page.file = QStringLiteral("lot <u>1</u>.pdf");
    page.page = 7;
    page.bucket = PageBucket::Exception;
    page.reason = ExceptionReason::UnknownCandidate;
    page.value = QStringLiteral("\"><img src=x onerror=alert(1)>");
    status.pages.append(page);
    return status;
}

} // namespace

TEST(DashboardHtml, EscapesEveryValueFromTheData)
{
    const QString html = dashboardHtml(hostileStatus(), ReportSettings());
    EXPECT_FALSE(html.contains(QStringLiteral("<script")));
    EXPECT_FALSE(html.contains(QStringLiteral("<img")));
    EXPECT_FALSE(html.contains(QStringLiteral("<u>1</u>")));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;script&gt;alert('x')&lt;/script&gt; &amp; Cie")));
    EXPECT_TRUE(html.contains(QStringLiteral("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")));
}

TEST(DashboardHtml, IsSelfContained)
{
    const QString html = dashboardHtml(hostileStatus(), ReportSettings()).toLower();
    for (const char *external :
         {"http://", "https://", "src=\"", "href=", "url(", "<link", "@import", "<script"})
        EXPECT_FALSE(html.contains(QLatin1String(external))) << external;
    EXPECT_TRUE(html.contains(QStringLiteral("<style>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<svg")));
}

TEST(DashboardHtml, ShowsTotalsExceptionsAndTheProgressChart)
{
    const AcademieStatus status = hostileStatus();
    const QString html = dashboardHtml(status, ReportSettings());
    EXPECT_TRUE(html.contains(QStringLiteral("session 2027")));
    EXPECT_TRUE(
        html.contains(QStringLiteral("<b>%1</b><span>candidats inscrits").arg(status.candidates)));
    EXPECT_TRUE(html.contains(QStringLiteral("lot &lt;u&gt;1&lt;/u&gt;.pdf")));
    EXPECT_TRUE(html.contains(reasonText(ExceptionReason::UnknownCandidate).toHtmlEscaped()));
    EXPECT_TRUE(html.contains(QStringLiteral("class=\"received\" points=")));
    EXPECT_TRUE(html.contains(QStringLiteral("class=\"target\"")));
    EXPECT_TRUE(html.contains(schoolB));
}

TEST(DashboardHtml, WritesAnOwnerOnlyFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tableau-de-bord.html"));
    ASSERT_TRUE(writeDashboard(twoSchoolsSharingAName(), ReportSettings(), path).ok());
    const QFileInfo info(path);
    EXPECT_GT(info.size(), 0);
    EXPECT_FALSE(info.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup));
}

TEST(ChaseOrder, PutsSilentSchoolsFirstThenTheMostMissing)
{
    AcademieStatus status;
    auto school = [](const char *uai, int candidates, int complete, int notReceived,
                     int incomplete) {
        SchoolStatus s;
        s.uai = QString::fromLatin1(uai);
        s.candidates = candidates;
        s.complete = complete;
        s.notReceived = notReceived;
        s.incomplete = incomplete;
        return s;
    };
    status.schools = {school("A", 10, 10, 0, 0), school("B", 10, 5, 5, 0), school("C", 3, 0, 3, 0),
                      school("D", 40, 10, 20, 10), school("E", 10, 8, 0, 2)};
    QStringList order;
    for (const SchoolStatus &s : schoolsToChaseFirst(status, 10))
        order.append(s.uai);
    EXPECT_EQ(order, (QStringList{"C", "D", "B", "E"}));
    EXPECT_EQ(schoolsToChaseFirst(status, 2).size(), 2);
}
