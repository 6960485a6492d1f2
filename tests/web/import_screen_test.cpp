// Screen 6 « Import et numérisation » over real HTTP: exports uploaded as multipart forms get
// the command line's merge summary; guarded withdrawals wait for an explicit, journaled
// « accepter les retraits »; an uploaded PDF is stored under the scans folder with a generated
// name and read on the job thread with progress polled as JSON; one job at a time; uploads
// capped; the gestion role only.
#include "WebFixtures.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <gtest/gtest.h>

namespace pointage::webtest {
namespace {

// An export of LYCÉE TÉLÉVERSÉ (0138888R) listing candidates 1..count.
QByteArray uploadedExport(int count, int version = 1)
{
    QString text = QStringLiteral(
        "Session 2027;;;\r\nCERTIFICAT D'APTITUDE PROFESSIONNEL;;;\r\nListes simples;;;\r\n"
        "LYCÉE TÉLÉVERSÉ  (0138888R);;;\r\nType d'édition : Liste simple;;;\r\n"
        "Edité le 03/12/2026 10:00;;;\r\nCritères de recherche : Aucun;;;\r\n"
        "N° Candidat;N° Inscription;Nom de famille;Nom d'usage;Prénom(s);Date de Naissance;INE;"
        "Catégorie Candidat;Code Spécialité;Spécialité;Etat\r\n");
    for (int i = 1; i <= count; ++i)
        text += QStringLiteral("0227888800%1;80%1 Version %2;TÉLÉ%1;-;Lou;01/02/2008;"
                               "012345688%1K;SCOLAIRE CAP EN 2 ANS (122);50022;CUISINE;Inscrit\r\n")
                    .arg(i)
                    .arg(version);
    return text.toUtf8();
}

class ImportScreenTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_session =
            new SampleDeskSession({QStringLiteral("--max-upload"), QStringLiteral("1")},
                                  [](const SampleDeskSession &session) {
                                      return QDir(session.path({})).mkpath(QStringLiteral("scans"))
                                                 ? QString()
                                                 : QStringLiteral("cannot make the scans folder");
                                  });
        ASSERT_TRUE(s_session->problem().isEmpty()) << s_session->problem().toStdString();
    }
    static void TearDownTestSuite() { delete s_session; }
    static QString ledger() { return s_session->ledger(); }
    static QString scans() { return s_session->path(QStringLiteral("scans")); }
    static HttpReply get(const QByteArray &target) { return s_session->get(target); }
    static QByteArray csrf() { return csrfIn(get("/import").text()); }
    static HttpReply postForm(const QByteArray &target, const QByteArray &form)
    {
        return s_session->postForm(target, form);
    }
    static HttpReply postMultipart(const QByteArray &target, QList<MultipartField> fields,
                                   bool withCsrf = true)
    {
        if (withCsrf)
            fields.prepend({"csrf", {}, csrf()});
        const auto [type, body] = multipartBody(fields);
        return httpRequest(s_session->desk().port(), "POST", target,
                           {{"Cookie", s_session->cookie()}, {"Content-Type", type}}, body);
    }
    // Polls the progress until the job is no longer running.
    static QJsonObject waitForIngest()
    {
        QElapsedTimer clock;
        clock.start();
        QJsonObject p;
        while (clock.elapsed() < 120000) {
            p = QJsonDocument::fromJson(get("/api/numerisation").body).object();
            if (p.value(QStringLiteral("etat")).toString() != QLatin1String("en-cours"))
                return p;
            QThread::msleep(200);
        }
        return p;
    }
    // A PDF of cover sheets for the sample's schools, made by the real binary.
    static QByteArray coverSheets(const QString &school)
    {
        const QString out = s_session->path(QStringLiteral("bordereaux-%1.pdf").arg(school));
        QStringList args{QStringLiteral("bordereaux"), QStringLiteral("--out"), out};
        if (!school.isEmpty())
            args += {QStringLiteral("--school"), school};
        const CommandRun made = runPointage(ledger(), args);
        EXPECT_EQ(made.exitCode, 0) << made.err.toStdString();
        QFile file(out);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static inline SampleDeskSession *s_session = nullptr;
};

TEST_F(ImportScreenTest, UploadedExportGetsTheMergeSummary)
{
    const HttpReply r =
        postMultipart("/import/export", {{"exports", "liste-televersee.csv", uploadedExport(3)}});
    ASSERT_EQ(r.status, 200) << r.text().toStdString();
    EXPECT_TRUE(r.text().contains(QStringLiteral("liste-televersee.csv")));
    EXPECT_TRUE(r.text().contains(QStringLiteral("3 ajouté(s), 0 modifié(s), 0 retiré(s)")))
        << r.text().toStdString();
    EXPECT_EQ(get("/etablissement/0138888R").status, 200);
    // The same bytes again change nothing, and say so.
    const HttpReply again =
        postMultipart("/import/export", {{"exports", "liste-televersee.csv", uploadedExport(3)}});
    EXPECT_TRUE(again.text().contains(QStringLiteral("déjà importé")));
    // Without the form token nothing is imported.
    EXPECT_EQ(
        postMultipart("/import/export", {{"exports", "x.csv", uploadedExport(3, 2)}}, false).status,
        403);
}

TEST_F(ImportScreenTest, WithdrawalsWaitForAnExplicitJournaledAcceptance)
{
    postMultipart("/import/export", {{"exports", "liste-televersee.csv", uploadedExport(3)}});
    // The school's re-export lists 1 of its 3 candidates: stopped before writing.
    const HttpReply held =
        postMultipart("/import/export", {{"exports", "liste-coupee.csv", uploadedExport(1)}});
    ASSERT_EQ(held.status, 200);
    EXPECT_TRUE(held.text().contains(QStringLiteral("Rien n&#39;a été importé")))
        << held.text().toStdString();
    const QString key = QRegularExpression(QStringLiteral("name=\"cle\" value=\"([^\"]+)\""))
                            .match(held.text())
                            .captured(1);
    ASSERT_FALSE(key.isEmpty());

    EXPECT_EQ(postForm("/import/accepter", "cle=" + key.toLatin1()).status, 403); // no token
    const HttpReply accepted =
        postForm("/import/accepter", "csrf=" + csrf() + "&cle=" + key.toLatin1());
    ASSERT_EQ(accepted.status, 200) << accepted.text().toStdString();
    EXPECT_TRUE(accepted.text().contains(QStringLiteral("2 retiré(s)")))
        << accepted.text().toStdString();
    // One decision per upload.
    EXPECT_EQ(postForm("/import/accepter", "csrf=" + csrf() + "&cle=" + key.toLatin1()).status,
              410);
    const CommandRun journal = runPointage(ledger(), {QStringLiteral("journal")});
    EXPECT_TRUE(QString::fromUtf8(journal.out).contains(QStringLiteral("acceptés explicitement")))
        << journal.out.toStdString();
}

TEST_F(ImportScreenTest, OversizedUploadIsRefusedPlainly)
{
    const HttpReply r = postMultipart(
        "/import/pdf", {{"pdf", "gros.pdf", "%PDF-1.4\n" + QByteArray(2 << 20, 'x')}}, false);
    EXPECT_EQ(r.status, 413);
    EXPECT_TRUE(r.text().contains(QStringLiteral("trop volumineux"))) << r.text().toStdString();
}

TEST_F(ImportScreenTest, NotAPdfIsRefused)
{
    const HttpReply r =
        postMultipart("/import/pdf", {{"pdf", "lot.pdf", "bonjour"}, {"recu", {}, "2026-12-09"}});
    EXPECT_EQ(r.status, 422);
    EXPECT_TRUE(r.text().contains(QStringLiteral("n&#39;est pas un PDF")));
}

TEST_F(ImportScreenTest, UploadedPdfIsStoredUnderAGeneratedNameAndReadWithProgress)
{
    const QByteArray pdf = coverSheets(QStringLiteral("0131234W"));
    ASSERT_TRUE(pdf.startsWith("%PDF"));
    const HttpReply started = postMultipart(
        "/import/pdf", {{"pdf", "..%2F..%2Fevil.pdf", pdf}, {"recu", {}, "2026-12-09"}});
    ASSERT_EQ(started.status, 303) << started.text().toStdString();
    EXPECT_EQ(started.header("Location"), "/import");
    const QJsonObject done = waitForIngest();
    EXPECT_EQ(done.value(QStringLiteral("etat")).toString(), QStringLiteral("terminee"));
    EXPECT_FALSE(done.value(QStringLiteral("echec")).toBool());
    const int total = done.value(QStringLiteral("pagesTotal")).toInt();
    EXPECT_GT(total, 0);
    EXPECT_EQ(done.value(QStringLiteral("pagesFaites")).toInt(), total);

    // Stored in the dated folder the received date comes from, owner-only, generated name.
    QStringList stored;
    QDirIterator it(scans(), {QStringLiteral("*.pdf")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        stored.append(it.next());
    ASSERT_EQ(stored.size(), 1) << stored.join(u' ').toStdString();
    EXPECT_TRUE(stored[0].contains(QStringLiteral("/scans/2026-12-09/televersement-")));
    EXPECT_EQ(QFileInfo(stored[0]).permissions() & (QFile::ReadOther | QFile::ReadGroup), 0);
    EXPECT_FALSE(QFile::exists(s_session->path(QStringLiteral("evil.pdf"))));
    // The batch is on the « Lots » screen at once, journaled under who sent it.
    EXPECT_TRUE(get("/lots").text().contains(QFileInfo(stored[0]).fileName()));
    // The same PDF again: nothing stored, nothing read.
    const HttpReply again =
        postMultipart("/import/pdf", {{"pdf", "lot.pdf", pdf}, {"recu", {}, "2026-12-09"}});
    EXPECT_TRUE(again.text().contains(QStringLiteral("déjà été lu")));
}

TEST_F(ImportScreenTest, OneReadingAtATime)
{
    // A folder batch long enough to still run when the second request comes.
    QFile batch(scans() + QStringLiteral("/tous-les-bordereaux.pdf"));
    ASSERT_TRUE(batch.open(QIODevice::WriteOnly));
    batch.write(coverSheets({}));
    batch.close();
    const QByteArray token = csrf();
    ASSERT_EQ(postForm("/import/numeriser", "csrf=" + token).status, 303);
    const HttpReply second = postForm("/import/numeriser", "csrf=" + token);
    EXPECT_EQ(second.status, 409);
    EXPECT_TRUE(second.text().contains(QStringLiteral("déjà en cours")))
        << second.text().toStdString();
    const QJsonObject done = waitForIngest();
    EXPECT_EQ(done.value(QStringLiteral("etat")).toString(), QStringLiteral("terminee"));
    const QString html = done.value(QStringLiteral("html")).toString();
    EXPECT_TRUE(html.contains(QStringLiteral("Voir les lots")));
    // A batch at the top of the scans folder is dated today: the desk says so, in its own words.
    EXPECT_TRUE(html.contains(QStringLiteral("faute d&#39;indication")) ||
                html.contains(QStringLiteral("faute d'indication")))
        << html.toStdString();
    EXPECT_FALSE(html.contains(QStringLiteral("--force")));
}

TEST(ImportScreenRoles, ReadOnlyAccountsDoNotImport)
{
    QTemporaryDir dir;
    const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
    ASSERT_EQ(
        runPointage(ledger,
                    {QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("lecteur"),
                     QStringLiteral("--role"), QStringLiteral("lecture")},
                    "mot-de-passe-du-lecteur\n")
            .exitCode,
        0);
    ServedDesk desk(ledger, {QStringLiteral("--login")});
    ASSERT_TRUE(desk.ok()) << desk.output().toStdString();
    const HttpReply form = httpRequest(desk.port(), "GET", "/connexion");
    const HttpReply in =
        httpRequest(desk.port(), "POST", "/connexion",
                    {{"Cookie", cookieValue(form.setCookie("pointage_login"))},
                     {"Content-Type", "application/x-www-form-urlencoded"}},
                    "csrf=" + csrfIn(form.text()) + "&nom=lecteur&mdp=mot-de-passe-du-lecteur");
    ASSERT_EQ(in.status, 303);
    const QByteArray cookie = cookieValue(in.setCookie("pointage_session"));
    EXPECT_EQ(httpRequest(desk.port(), "GET", "/import", {{"Cookie", cookie}}).status, 403);
    EXPECT_EQ(httpRequest(desk.port(), "GET", "/api/numerisation", {{"Cookie", cookie}}).status,
              403);
    const QString home = httpRequest(desk.port(), "GET", "/", {{"Cookie", cookie}}).text();
    EXPECT_FALSE(home.contains(QStringLiteral("href=\"/import\"")));
    const auto [type, body] =
        multipartBody({{"csrf", {}, csrfIn(home)}, {"exports", "x.csv", uploadedExport(1)}});
    EXPECT_EQ(httpRequest(desk.port(), "POST", "/import/export",
                          {{"Cookie", cookie}, {"Content-Type", type}}, body)
                  .status,
              403);
}

} // namespace
} // namespace pointage::webtest
