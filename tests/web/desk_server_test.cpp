// The web desk over real HTTP: `pointage serve` on an ephemeral port over the bundled sample.
// Authentication (token, cookie flags), security headers, escaping, CSRF refusal, page images
// by id (cache validators, no path from the request), decisions and undo, login mode.
#include "WebFixtures.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <atomic>
#include <csignal>
#include <gtest/gtest.h>
#include <thread>

namespace pointage::webtest {
namespace {

class DeskServerTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        // A school whose name and candidate try to inject markup.
        s_session = new SampleDeskSession({}, [](const SampleDeskSession &session) {
            const QString hostile = session.path(QStringLiteral("hostile.csv"));
            QFile file(hostile);
            if (!file.open(QIODevice::WriteOnly))
                return QStringLiteral("cannot write hostile.csv");
            file.write(
                exportWithSchoolName(QStringLiteral("LYCÉE <script>alert(1)</script> & CIE")));
            file.close();
            const CommandRun imported =
                runPointage(session.ledger(), {QStringLiteral("import"), hostile});
            return imported.exitCode == 0 ? QString() : QString::fromUtf8(imported.err);
        });
        ASSERT_TRUE(s_session->problem().isEmpty()) << s_session->problem().toStdString();
    }
    static void TearDownTestSuite() { delete s_session; }
    static QString ledger() { return s_session->ledger(); }
    static ServedDesk &desk() { return s_session->desk(); }
    static HttpReply get(const QByteArray &target, QList<QPair<QByteArray, QByteArray>> extra = {})
    {
        return s_session->get(target, std::move(extra));
    }
    static HttpReply post(const QByteArray &target, const QByteArray &form)
    {
        return s_session->postForm(target, form);
    }
    static QByteArray csrf() { return csrfIn(get("/").text()); }
    // The first open exception's page id, from the queue.
    static QByteArray firstException()
    {
        const QString html = get("/pages").text();
        const QRegularExpression re(QStringLiteral("href=\"/pages/(\\d+)\""));
        return re.match(html).captured(1).toLatin1();
    }
    // Every page id the batches screen links to, but the first exception's: no test asks for
    // their full images save the render-worker tests, each for its own pages, so they are
    // rendered, not taken from the cache.
    static QList<QByteArray> uncachedPages()
    {
        const QRegularExpression pageLink(QStringLiteral("href=\"/pages/(\\d+)\""));
        QList<QByteArray> pages;
        for (auto it = pageLink.globalMatch(get("/lots").text()); it.hasNext();) {
            const QByteArray id = it.next().captured(1).toLatin1();
            if (!pages.contains(id))
                pages.append(id);
        }
        pages.removeAll(firstException());
        return pages;
    }
    // Sends `signal` to the desk's page-image workers (running once an image was asked for).
    static QList<qint64> signalRenderWorkers(int signal)
    {
        const QList<qint64> workers = childProcesses(desk().pid(), "__render-worker");
        for (qint64 pid : workers)
            ::kill(pid_t(pid), signal);
        return workers;
    }
    // The page id of a file's page in the exception queue ("lot-002.pdf", 14).
    static QByteArray exceptionOf(const QString &file, int page)
    {
        const QString html = get("/pages").text();
        const QRegularExpression re(
            QStringLiteral("href=\"/pages/(\\d+)\">n° \\d+</a></td><td>%1</td>"
                           "<td class=\"n\">%2</td>")
                .arg(QRegularExpression::escape(file))
                .arg(page));
        return re.match(html).captured(1).toLatin1();
    }

    static inline SampleDeskSession *s_session = nullptr;
};

TEST_F(DeskServerTest, RefusesWithoutTokenOrSession)
{
    EXPECT_EQ(httpRequest(desk().port(), "GET", "/").status, 403);
    EXPECT_EQ(httpRequest(desk().port(), "GET", "/?jeton=faux").status, 403);
    EXPECT_EQ(httpRequest(desk().port(), "GET", "/etablissement/0131234W",
                          {{"Cookie", "pointage_session=inventee"}})
                  .status,
              403);
    EXPECT_EQ(httpRequest(desk().port(), "GET", "/image-page/1").status, 403);
}

TEST_F(DeskServerTest, TokenOpensSessionWithStrictHttpOnlyCookie)
{
    const HttpReply r = httpRequest(desk().port(), "GET", "/lots?jeton=" + desk().token());
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(r.header("Location"), "/lots"); // the token does not stay in the address bar
    const QByteArray c = r.setCookie("pointage_session");
    EXPECT_TRUE(c.contains("HttpOnly"));
    EXPECT_TRUE(c.contains("SameSite=Strict"));
}

TEST_F(DeskServerTest, DashboardHasSecurityHeadersAndEverySchool)
{
    const HttpReply r = get("/");
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(r.header("Content-Security-Policy").startsWith("default-src 'self'"));
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
    EXPECT_TRUE(r.header("Content-Type").startsWith("text/html"));
    for (const char *uai : {"0131234W", "0133456L", "0840012G", "0139999Y"})
        EXPECT_TRUE(r.text().contains(QStringLiteral("/etablissement/%1").arg(QLatin1String(uai))))
            << uai;
}

TEST_F(DeskServerTest, EscapesEveryValueFromTheData)
{
    for (const QByteArray &target :
         {QByteArray("/"), QByteArray("/etablissement/0139999Y"),
          QByteArray("/candidat/02279999001"), QByteArray("/recherche?q=onmouseover")}) {
        const HttpReply r = get(target);
        ASSERT_EQ(r.status, 200) << target.constData();
        EXPECT_FALSE(r.text().contains(QStringLiteral("<script>alert"))) << target.constData();
        EXPECT_FALSE(r.text().contains(QStringLiteral("<B>ONMOUSEOVER"))) << target.constData();
        EXPECT_FALSE(r.text().contains(QStringLiteral("\"<i>"))) << target.constData();
    }
    EXPECT_TRUE(get("/etablissement/0139999Y")
                    .text()
                    .contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; CIE")));
}

TEST_F(DeskServerTest, UnknownThingsAreNotFoundWithoutDetails)
{
    for (const QByteArray &target :
         {QByteArray("/etablissement/9999999Z"), QByteArray("/candidat/00000000000"),
          QByteArray("/pages/999999"), QByteArray("/nimporte-quoi"), QByteArray("/static/"),
          QByteArray("/static/../../etc/passwd"), QByteArray("/candidat/%00%27%22")}) {
        const HttpReply r = get(target);
        EXPECT_EQ(r.status, 404) << target.constData();
        EXPECT_FALSE(r.text().contains(QStringLiteral("SQL"), Qt::CaseInsensitive));
        EXPECT_FALSE(r.text().contains(QStringLiteral("/work/")));
    }
}

TEST_F(DeskServerTest, PageImageByIdOnlyWithCacheValidators)
{
    const QByteArray page = firstException();
    ASSERT_FALSE(page.isEmpty());
    const HttpReply full = get("/image-page/" + page + "?taille=pleine");
    ASSERT_EQ(full.status, 200) << full.text().toStdString();
    EXPECT_EQ(full.header("Content-Type"), "image/jpeg");
    EXPECT_TRUE(full.body.startsWith("\xFF\xD8\xFF"));
    const QByteArray etag = full.header("ETag");
    ASSERT_FALSE(etag.isEmpty());
    EXPECT_TRUE(full.header("Cache-Control").contains("max-age"));
    EXPECT_EQ(get("/image-page/" + page + "?taille=pleine", {{"If-None-Match", etag}}).status, 304);
    const HttpReply thumb = get("/image-page/" + page);
    ASSERT_EQ(thumb.status, 200);
    EXPECT_LT(thumb.body.size(), full.body.size());
    // No path is ever taken from the request.
    EXPECT_EQ(get("/image-page/..%2F..%2Fetc%2Fpasswd").status, 404);
    EXPECT_EQ(get("/image-page/999999").status, 404);
    EXPECT_EQ(get("/image-page/-1").status, 404);
    // Cached renderings are owner-only.
    const QDir cache(ledger() + QStringLiteral(".images"));
    EXPECT_TRUE(cache.exists());
    EXPECT_EQ(QFileInfo(cache.path()).permissions() & (QFile::ReadOther | QFile::ReadGroup), 0);
}

// A render worker dies while it draws a page image (stopped first, so the kill lands
// mid-request, then killed): that image fails with a French message, the server stays up,
// and the next image renders through a replacement worker.
TEST_F(DeskServerTest, KilledRenderWorkerCostsOneImageNotTheServer)
{
    QList<QByteArray> pages = uncachedPages();
    ASSERT_GE(pages.size(), 6);
    pages = pages.mid(pages.size() - 3);
    // The first request makes sure the workers run.
    ASSERT_EQ(get("/image-page/" + pages[0] + "?taille=pleine").status, 200);
    const QList<qint64> workers = signalRenderWorkers(SIGSTOP);
    ASSERT_FALSE(workers.isEmpty());
    HttpReply during;
    std::thread request([&] { during = get("/image-page/" + pages[1] + "?taille=pleine"); });
    QThread::msleep(500); // the request now waits on a stopped worker
    for (qint64 pid : workers)
        ::kill(pid_t(pid), SIGKILL);
    request.join();
    EXPECT_EQ(during.status, 500);
    EXPECT_TRUE(during.text().startsWith(QStringLiteral("Image indisponible : ")))
        << during.text().toStdString();
    EXPECT_TRUE(during.text().contains(QStringLiteral("arrêté brutalement")))
        << during.text().toStdString();
    EXPECT_FALSE(during.text().contains(QStringLiteral("/work/")));

    ASSERT_TRUE(desk().running());
    EXPECT_EQ(get("/").status, 200);
    const HttpReply next = get("/image-page/" + pages[2] + "?taille=pleine");
    EXPECT_EQ(next.status, 200) << next.text().toStdString();
    EXPECT_TRUE(next.body.startsWith("\xFF\xD8\xFF"));
    // The page whose rendering was cut short renders on a second try.
    EXPECT_EQ(get("/image-page/" + pages[1] + "?taille=pleine").status, 200);
}

TEST_F(DeskServerTest, StateChangesNeedTheFormToken)
{
    const QByteArray page = firstException();
    EXPECT_EQ(post("/pages/" + page + "/ecarter", "").status, 403);
    EXPECT_EQ(post("/pages/" + page + "/ecarter", "csrf=faux").status, 403);
    // Without the session cookie the form token alone is not enough either.
    EXPECT_EQ(httpRequest(desk().port(), "POST", "/pages/" + page + "/ecarter",
                          {{"Content-Type", "application/x-www-form-urlencoded"}}, "csrf=" + csrf())
                  .status,
              403);
    EXPECT_EQ(firstException(), page); // nothing changed
}

// The web desk applies the command line's rule: a page carrying another candidate's readable
// confirmation is not silently given away (the stale confirmation of lot-001.pdf, page 9).
TEST_F(DeskServerTest, RefusesToGiveAwayAnotherCandidatesConfirmation)
{
    const QByteArray page = exceptionOf(QStringLiteral("lot-001.pdf"), 9);
    ASSERT_FALSE(page.isEmpty());
    const HttpReply refused =
        post("/pages/" + page + "/attribuer", "csrf=" + csrf() + "&candidat=02270004001&piece=");
    EXPECT_EQ(refused.status, 409);
    EXPECT_TRUE(refused.text().contains(QStringLiteral("porte la confirmation lisible de "
                                                       "02270001007")));
    EXPECT_EQ(exceptionOf(QStringLiteral("lot-001.pdf"), 9), page); // still to do
}

// ...and offers to confirm: a second, explicit POST (with its form token) takes the page anyway,
// journaled under the person who confirmed, naming whose confirmation was overridden.
TEST_F(DeskServerTest, ConfirmsGivingAwayAnotherCandidatesConfirmationThenUndo)
{
    const QByteArray page = exceptionOf(QStringLiteral("lot-001.pdf"), 9);
    ASSERT_FALSE(page.isEmpty());
    const QByteArray token = csrf();
    const HttpReply refused =
        post("/pages/" + page + "/attribuer", "csrf=" + token + "&candidat=02270004001&piece=");
    ASSERT_EQ(refused.status, 409);
    const QString html = refused.text();
    EXPECT_TRUE(html.contains(QStringLiteral("action=\"/pages/%1/attribuer-quand-meme\"")
                                  .arg(QString::fromLatin1(page))));
    EXPECT_TRUE(html.contains(QStringLiteral("name=\"candidat\" value=\"02270004001\"")));
    EXPECT_TRUE(html.contains(QStringLiteral("02270001007")));
    // The confirmation needs the form token like every other change.
    EXPECT_EQ(
        post("/pages/" + page + "/attribuer-quand-meme", "candidat=02270004001&piece=").status,
        403);
    EXPECT_EQ(exceptionOf(QStringLiteral("lot-001.pdf"), 9), page);

    const HttpReply forced = post("/pages/" + page + "/attribuer-quand-meme",
                                  "csrf=" + token + "&candidat=02270004001&piece=");
    ASSERT_EQ(forced.status, 303) << forced.text().toStdString();
    EXPECT_TRUE(exceptionOf(QStringLiteral("lot-001.pdf"), 9).isEmpty());
    EXPECT_TRUE(get("/candidat/02270004001")
                    .text()
                    .contains(QStringLiteral("/pages/") + QString::fromLatin1(page)));
    const QString journal = get("/journal").text();
    EXPECT_TRUE(journal.contains(QStringLiteral("malgré la confirmation de=02270001007")));

    const QByteArray decision = QRegularExpression(QStringLiteral("fait=(\\d+)"))
                                    .match(QString::fromLatin1(forced.header("Location")))
                                    .captured(1)
                                    .toLatin1();
    ASSERT_FALSE(decision.isEmpty());
    EXPECT_EQ(post("/decisions/" + decision + "/annuler", "csrf=" + token).status, 303);
    EXPECT_EQ(exceptionOf(QStringLiteral("lot-001.pdf"), 9), page);
}

TEST_F(DeskServerTest, AssignShowsNextPageThenUndo)
{
    // The scratched code of lot-002.pdf, page 14: GRETA's candidate 02270003003.
    const QByteArray page = exceptionOf(QStringLiteral("lot-002.pdf"), 14);
    ASSERT_FALSE(page.isEmpty());
    const QByteArray token = csrf();
    const QByteArray number = "02270003003";
    const HttpReply assigned =
        post("/pages/" + page + "/attribuer", "csrf=" + token + "&candidat=" + number + "&piece=");
    ASSERT_EQ(assigned.status, 303) << assigned.text().toStdString();
    const QByteArray location = assigned.header("Location");
    EXPECT_TRUE(location.startsWith("/pages/")) << location.constData();
    EXPECT_FALSE(location.startsWith(QByteArray("/pages/" + page + "?")))
        << "the next page comes up";
    const QString next = get(location).text();
    EXPECT_TRUE(next.contains(QStringLiteral("Décision n°")));
    const QString candidate = get("/candidat/" + number).text();
    EXPECT_TRUE(candidate.contains(QStringLiteral("/pages/") + QString::fromLatin1(page)));
    // Undo through the decision id shown on the next page.
    const QRegularExpression re(QStringLiteral("/decisions/(\\d+)/annuler"));
    const QByteArray decision = re.match(next).captured(1).toLatin1();
    ASSERT_FALSE(decision.isEmpty());
    const HttpReply undone =
        post("/decisions/" + decision + "/annuler", "csrf=" + token + "&retour=%2Fpages%2F" + page);
    EXPECT_EQ(undone.status, 303);
    EXPECT_EQ(undone.header("Location"), "/pages/" + page);
    EXPECT_EQ(exceptionOf(QStringLiteral("lot-002.pdf"), 14), page);
    // The journal names who decided.
    EXPECT_TRUE(get("/journal").text().contains(QStringLiteral("décision ") + decision));
}

TEST_F(DeskServerTest, RefusesBadDecisionsWithAMessage)
{
    const QByteArray page = firstException();
    const HttpReply r =
        post("/pages/" + page + "/attribuer", "csrf=" + csrf() + "&candidat=12345678901&piece=");
    EXPECT_EQ(r.status, 422);
    EXPECT_TRUE(r.text().contains(QStringLiteral("n&#39;est pas dans les listes importées")));
    const HttpReply piece = post("/pages/" + page + "/attribuer",
                                 "csrf=" + csrf() + "&candidat=02270004001&piece=%3Cx%3E");
    EXPECT_EQ(piece.status, 422);
    EXPECT_FALSE(piece.text().contains(QStringLiteral("<x>")));
}

TEST_F(DeskServerTest, NoOpenRedirectAfterUndo)
{
    const QByteArray page = firstException();
    const QByteArray token = csrf();
    const HttpReply assigned = post("/pages/" + page + "/ecarter", "csrf=" + token);
    ASSERT_EQ(assigned.status, 303);
    const QRegularExpression re(QStringLiteral("fait=(\\d+)"));
    const QByteArray decision =
        re.match(QString::fromLatin1(assigned.header("Location"))).captured(1).toLatin1();
    const HttpReply undone = post("/decisions/" + decision + "/annuler",
                                  "csrf=" + token + "&retour=%2F%2Fevil.example%2F");
    EXPECT_EQ(undone.status, 303);
    EXPECT_EQ(undone.header("Location"), "/");
}

TEST_F(DeskServerTest, SchoolLetterAndCsvOnDemand)
{
    const HttpReply pdf = get("/etablissement/0131234W/courrier.pdf");
    ASSERT_EQ(pdf.status, 200);
    EXPECT_TRUE(pdf.body.startsWith("%PDF"));
    EXPECT_TRUE(pdf.header("Content-Disposition").startsWith("attachment"));
    const HttpReply csv = get("/etablissement/0131234W/relance.csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_TRUE(csv.header("Content-Type").startsWith("text/csv"));
}

// The sample's re-export of LP LES ALPILLES modified 02270001007's registration (version 2).
TEST_F(DeskServerTest, CandidateShowsRegistrationVersionsNewestFirst)
{
    const QString html = get("/candidat/02270001007").text();
    const qsizetype table = html.indexOf(QStringLiteral("id=\"versions\""));
    ASSERT_GE(table, 0);
    const qsizetype v2 = html.indexOf(QStringLiteral("107 version 2"), table);
    const qsizetype v1 = html.indexOf(QStringLiteral("107 version 1</td>"), table);
    ASSERT_GE(v2, 0);
    ASSERT_GE(v1, 0);
    EXPECT_LT(v2, v1) << "newest first";
    EXPECT_TRUE(html.contains(QStringLiteral("05-lp-les-alpilles-maj.csv")));
    EXPECT_TRUE(html.contains(QStringLiteral("01-lp-les-alpilles.csv")));
    EXPECT_TRUE(html.contains(
        QStringLiteral("Inscription : <del>107 version 1</del> → <ins>107 version 2</ins>")));
    EXPECT_TRUE(html.contains(QStringLiteral("première inscription importée")));
}

TEST_F(DeskServerTest, CandidateSearchApi)
{
    const HttpReply r = get("/api/candidats?q=sanchez");
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(r.text().contains(QStringLiteral("02270004001")));
}

TEST(DeskServerLogin, OffLoopbackNeedsLoginThrottlesAndRespectsRoles)
{
    QTemporaryDir dir;
    const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
    QString error;
    ASSERT_TRUE(buildSampleLedger(ledger, &error)) << error.toStdString();
    ASSERT_EQ(runPointage(ledger,
                          {QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("clerc")},
                          "mot-de-passe-du-clerc\n")
                  .exitCode,
              0);
    ASSERT_EQ(
        runPointage(ledger,
                    {QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("lecteur"),
                     QStringLiteral("--role"), QStringLiteral("lecture")},
                    "mot-de-passe-du-lecteur\n")
            .exitCode,
        0);
    // Off loopback, plain HTTP is refused unless asked for.
    EXPECT_EQ(runPointage(ledger, {QStringLiteral("serve"), QStringLiteral("--listen"),
                                   QStringLiteral("0.0.0.0"), QStringLiteral("--port"),
                                   QStringLiteral("0")})
                  .exitCode,
              2);
    ServedDesk desk(ledger, {QStringLiteral("--login")});
    ASSERT_TRUE(desk.ok()) << desk.output().toStdString();
    EXPECT_TRUE(desk.token().isEmpty()); // no token in login mode
    EXPECT_EQ(httpRequest(desk.port(), "GET", "/").status, 303);
    EXPECT_EQ(httpRequest(desk.port(), "GET", "/?jeton=x").status, 303);

    auto loginWith = [&](const QByteArray &name, const QByteArray &password) {
        const HttpReply form = httpRequest(desk.port(), "GET", "/connexion");
        const QByteArray cookie = cookieValue(form.setCookie("pointage_login"));
        return httpRequest(
            desk.port(), "POST", "/connexion",
            {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
            "csrf=" + csrfIn(form.text()) + "&nom=" + name + "&mdp=" + password);
    };
    // The login form itself needs its token.
    EXPECT_EQ(httpRequest(desk.port(), "POST", "/connexion",
                          {{"Content-Type", "application/x-www-form-urlencoded"}},
                          "nom=clerc&mdp=mot-de-passe-du-clerc")
                  .status,
              403);
    const HttpReply reader = loginWith("lecteur", "mot-de-passe-du-lecteur");
    ASSERT_EQ(reader.status, 303);
    const QByteArray readerCookie = cookieValue(reader.setCookie("pointage_session"));
    const HttpReply readerPage =
        httpRequest(desk.port(), "GET", "/pages", {{"Cookie", readerCookie}});
    ASSERT_EQ(readerPage.status, 200);
    EXPECT_EQ(httpRequest(
                  desk.port(), "POST", "/pages/1/ecarter",
                  {{"Cookie", readerCookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                  "csrf=" + csrfIn(readerPage.text()))
                  .status,
              403);

    EXPECT_EQ(loginWith("clerc", "mauvais").status, 401);
    EXPECT_EQ(loginWith("clerc", "mauvais").status, 401);
    EXPECT_EQ(loginWith("clerc", "mauvais").status, 401);
    EXPECT_EQ(loginWith("clerc", "mot-de-passe-du-clerc").status, 429); // throttled
}

TEST(DeskServerLogin, ClerkDecisionsAreJournaledUnderTheirName)
{
    QTemporaryDir dir;
    const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
    QString error;
    ASSERT_TRUE(buildSampleLedger(ledger, &error)) << error.toStdString();
    ASSERT_EQ(runPointage(
                  ledger,
                  {QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("claire.martin")},
                  "un-mot-de-passe-long\n")
                  .exitCode,
              0);
    ServedDesk desk(ledger, {QStringLiteral("--login")});
    ASSERT_TRUE(desk.ok());
    const HttpReply form = httpRequest(desk.port(), "GET", "/connexion");
    const HttpReply in =
        httpRequest(desk.port(), "POST", "/connexion",
                    {{"Cookie", cookieValue(form.setCookie("pointage_login"))},
                     {"Content-Type", "application/x-www-form-urlencoded"}},
                    "csrf=" + csrfIn(form.text()) + "&nom=claire.martin&mdp=un-mot-de-passe-long");
    ASSERT_EQ(in.status, 303);
    const QByteArray cookie = cookieValue(in.setCookie("pointage_session"));
    const QString queue = httpRequest(desk.port(), "GET", "/pages", {{"Cookie", cookie}}).text();
    const QByteArray page = QRegularExpression(QStringLiteral("href=\"/pages/(\\d+)\""))
                                .match(queue)
                                .captured(1)
                                .toLatin1();
    const HttpReply ignored =
        httpRequest(desk.port(), "POST", "/pages/" + page + "/ecarter",
                    {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                    "csrf=" + csrfIn(queue));
    ASSERT_EQ(ignored.status, 303);
    const CommandRun journal = runPointage(ledger, {QStringLiteral("journal")});
    EXPECT_TRUE(journal.out.contains("claire.martin")) << journal.out.toStdString();
}

// One clerk's page image waits on a render worker that does not answer (stopped): the other
// clerks' screens are served meanwhile, and the image comes once the worker goes on.
TEST_F(DeskServerTest, AScreenStillWorkedOnHoldsUpOnlyItsOwnRequest)
{
    // Not one of the last three, which the other render-worker test asks for.
    const QList<QByteArray> pages = uncachedPages();
    ASSERT_GE(pages.size(), 5);
    const QByteArray page = pages[1];
    ASSERT_EQ(get("/image-page/" + pages[0] + "?taille=vignette").status, 200); // workers up
    ASSERT_FALSE(signalRenderWorkers(SIGSTOP).isEmpty());
    HttpReply held;
    std::atomic<bool> answered = false;
    std::thread request([&] {
        held = get("/image-page/" + page + "?taille=pleine");
        answered = true;
    });
    QThread::msleep(300); // the image request now waits on a stopped worker

    QElapsedTimer clock;
    clock.start();
    EXPECT_EQ(get("/").status, 200);
    EXPECT_EQ(get("/etablissement/0131234W").status, 200);
    EXPECT_EQ(get("/pages").status, 200);
    const qint64 others = clock.elapsed();
    const bool stillHeld = !answered;

    signalRenderWorkers(SIGCONT);
    request.join();
    EXPECT_TRUE(stillHeld) << "the image was answered while its worker was stopped";
    EXPECT_LT(others, 5000) << "the other screens waited for the stopped worker";
    EXPECT_EQ(held.status, 200) << held.text().toStdString();
    EXPECT_TRUE(held.body.startsWith("\xFF\xD8\xFF"));
}

} // namespace
} // namespace pointage::webtest
