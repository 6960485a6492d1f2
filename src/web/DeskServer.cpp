#include "web/DeskServer.h"

#include "pointage/CandidateSearch.h"
#include "pointage/PageImageQueue.h"
#include "pointage/SchoolCsv.h"
#include "pointage/SchoolLetter.h"
#include "web/DeskData.h"
#include "web/HttpBits.h"
#include "web/Screens.h"

#include <QCoreApplication>
#include <QFile>
#include <QHttpServerResponder>
#include <QHttpServerRouterRule>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>
#include <climits>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace pointage::web {

namespace {

using Code = QHttpServerResponse::StatusCode;

// Every path goes to one handler, which does its own routing after authentication.
class AnyPath : public QHttpServerRouterRule
{
public:
    using QHttpServerRouterRule::QHttpServerRouterRule;

protected:
    bool matches(const QHttpServerRequest &, QRegularExpressionMatch *) const override
    {
        return true;
    }
};

QFuture<QHttpServerResponse> ready(QHttpServerResponse response)
{
    return QtFuture::makeReadyFuture(std::move(response));
}

QHttpServerResponse staticAsset(const QString &name)
{
    QFile file(QStringLiteral(":/web/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return errorPage(Code::NotFound, QStringLiteral("Cette page n'existe pas."));
    const QByteArray type = name.endsWith(QStringLiteral(".css"))
                                ? "text/css; charset=utf-8"
                                : "text/javascript; charset=utf-8";
    QHttpServerResponse response(type, file.readAll());
    response.setHeader("Cache-Control", "private, max-age=3600");
    return withSecurityHeaders(std::move(response));
}

PageContext contextFor(const WebSession &session, const DeskView &view, const SessionConfig &c)
{
    PageContext ctx;
    ctx.user = session.user;
    ctx.role = roleKey(session.role);
    ctx.csrf = session.csrf;
    ctx.canWrite = session.role == Role::Manager;
    ctx.openExceptions = view.status.openExceptions;
    ctx.asOf = view.status.window.asOf;
    ctx.session = c.session;
    return ctx;
}

QHttpServerResponse screenResponse(const PageContext &ctx, const Screen &screen,
                                   Code status = Code::Ok)
{
    return htmlResponse(htmlPage(ctx, screen.title, screen.active, screen.body), status);
}

QHttpServerResponse notFound()
{
    return errorPage(Code::NotFound, QStringLiteral("Cette page n'existe pas (ou plus)."));
}

// "/a/b/c" -> {"a", "b", "c"}, each segment percent-decoded.
QStringList segments(const QString &path)
{
    QStringList parts;
    for (const QString &s : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        parts.append(QUrl::fromPercentEncoding(s.toUtf8()));
    return parts;
}

qint64 idFrom(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

QHttpServerResponse candidatesJson(const DeskView &view, const QString &query)
{
    QJsonArray list;
    for (qsizetype i : searchCandidates(view.status, query, 12)) {
        const CandidateStatus &c = view.status.candidateStatus[i];
        list.append(QJsonObject{{QStringLiteral("numero"), c.candidate.candidateNumber},
                                {QStringLiteral("nom"), candidateName(c.candidate)},
                                {QStringLiteral("etablissement"), c.candidate.establishmentName},
                                {QStringLiteral("etat"), stateText(c.state)}});
    }
    return withSecurityHeaders(QHttpServerResponse(list));
}

// Nice value of the threads that draw screens (0 is the ledger's and the server's threads).
constexpr int kScreenNice = 10;

} // namespace

DeskServer::DeskServer(DeskData &data, PageImageQueue &images, ServeOptions options,
                       LoginVerifier verifyLogin)
    : m_data(data), m_images(images), m_options(std::move(options)),
      m_verifyLogin(std::move(verifyLogin)), m_token(randomToken()),
      m_job(data.ledgerPath(), QCoreApplication::applicationFilePath()),
      m_server(std::make_unique<QHttpServer>())
{
    // Pool threads mostly wait (on the ledger thread, on page-image workers): more than cores.
    m_pool.setMaxThreadCount(qMax(8, 2 * QThread::idealThreadCount()));
    m_waiters.setMaxThreadCount(64);
    // Qt 6.4's QFuture response path (QHttpServer::sendResponse(QFuture) and its then(socket)
    // continuation, which also keeps a reference to the socket's request) crashes under
    // concurrent load (SIGSEGV in QFutureInterfaceBase::reportStarted, reproduced with
    // bench/web_load.py). Waiting for the work in the handler instead froze every clerk's
    // desk while one decision was recorded (~0.5 s on 20,000 candidates). So the handler takes
    // the responder, and the response is written later, on this thread, without QFuture
    // continuations (answerWhenReady).
    m_server->route<AnyPath>(QStringLiteral("/"), [this](const QHttpServerRequest &request,
                                                         QHttpServerResponder &&responder) {
        answerWhenReady(handle(request), std::move(responder));
    });
}

DeskServer::~DeskServer()
{
    // Waiters post their responses to the server object: they finish before it goes, and the
    // responses they posted are dropped with it.
    m_pool.waitForDone();
    m_waiters.waitForDone();
    m_server.reset();
}

void DeskServer::answerWhenReady(QFuture<QHttpServerResponse> future,
                                 QHttpServerResponder &&responder)
{
    if (future.isFinished()) {
        future.takeResult().write(std::move(responder));
        return;
    }
    // A browser that gave up has its socket deleted by the server (on this thread): the
    // response is then dropped instead of written to a dead socket.
    const QPointer<QTcpSocket> socket = responder.socket();
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QObject *server = m_server.get();
    m_waiters.start([future, pending, socket, server]() mutable {
        future.waitForFinished();
        auto response = std::make_shared<QHttpServerResponse>(future.takeResult());
        QMetaObject::invokeMethod(
            server,
            [pending, socket, response]() {
                if (socket && socket->isOpen())
                    response->write(std::move(*pending));
            },
            Qt::QueuedConnection);
    });
}

quint16 DeskServer::listen()
{
    return m_server->listen(m_options.address, m_options.port);
}

bool DeskServer::loginMode() const
{
    return m_options.requireLogin || !m_options.address.isLoopback();
}

bool DeskServer::secureCookies(const QHttpServerRequest &request) const
{
    // Behind a TLS reverse proxy the browser speaks HTTPS: cookies travel over TLS only.
    return header(request, "X-Forwarded-Proto").trimmed().toLower() == "https";
}

QFuture<QHttpServerResponse> DeskServer::onPool(std::function<QHttpServerResponse()> work)
{
    return QtConcurrent::run(&m_pool, [work = std::move(work)]() {
        // Screens are drawn at a lower priority than the ledger's thread: when many clerks
        // read at once, the decision one of them is recording (and the view rebuilt after it)
        // still gets the CPU. Raising one's own nice value needs no privilege.
        thread_local const bool lowered =
            setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), kScreenNice) == 0;
        Q_UNUSED(lowered);
        return work();
    });
}

QFuture<QHttpServerResponse> DeskServer::handle(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    if (path == QLatin1String("/static/desk.css") || path == QLatin1String("/static/desk.js"))
        return ready(staticAsset(path.mid(8)));
    if (path == QLatin1String("/favicon.ico"))
        return ready(withSecurityHeaders(QHttpServerResponse(Code::NoContent)));
    if (path == QLatin1String("/connexion") && loginMode())
        return login(request);

    std::optional<WebSession> session = m_sessions.find(cookie(request, "pointage_session"));
    const QUrlQuery query(request.url());
    if (!loginMode() && query.hasQueryItem(QStringLiteral("jeton"))) {
        if (!sameToken(query.queryItemValue(QStringLiteral("jeton")).toLatin1(), m_token))
            return ready(errorPage(Code::Forbidden,
                                   QStringLiteral("Ce jeton n'est pas le bon. Ouvrez l'adresse "
                                                  "complète affichée par « pointage serve ».")));
        const WebSession opened = m_sessions.open(m_options.user, Role::Manager);
        return ready(
            redirect(safeReturnPath(path, QStringLiteral("/")),
                     sessionCookie("pointage_session", opened.id, secureCookies(request))));
    }
    if (!session) {
        if (loginMode())
            return ready(redirect(QStringLiteral("/connexion")));
        return ready(errorPage(Code::Forbidden,
                               QStringLiteral("Accès réservé. Ouvrez l'adresse complète (avec "
                                              "son jeton) affichée par « pointage serve ».")));
    }
    return route(request, *session);
}

QFuture<QHttpServerResponse> DeskServer::login(const QHttpServerRequest &request)
{
    const bool secure = secureCookies(request);
    if (request.method() != QHttpServerRequest::Method::Post) {
        const QByteArray csrf = randomToken();
        QHttpServerResponse response = htmlResponse(loginDocument({}, csrf));
        response.addHeader("Set-Cookie", sessionCookie("pointage_login", csrf, secure, 1800));
        return ready(std::move(response));
    }
    const QHash<QString, QString> form = formFields(request.body());
    const QByteArray expected = cookie(request, "pointage_login");
    if (!sameToken(form.value(QStringLiteral("csrf")).toLatin1(), expected))
        return ready(errorPage(Code::Forbidden,
                               QStringLiteral("Le formulaire a expiré. Rechargez la page de "
                                              "connexion.")));
    const QString name = form.value(QStringLiteral("nom")).trimmed().left(64);
    const QString password = form.value(QStringLiteral("mdp")).left(1024);
    const QString address = request.remoteAddress().toString();
    if (const int wait = m_sessions.loginDelay(address, name); wait > 0) {
        return ready(htmlResponse(
            loginDocument(QStringLiteral("Trop d'essais. Réessayez dans %1 s.").arg(wait),
                          expected),
            Code::TooManyRequests));
    }
    return onPool([this, name, password, address, expected, secure]() {
        const std::optional<Role> role =
            m_verifyLogin ? m_verifyLogin(name, password) : std::nullopt;
        if (!role) {
            m_sessions.loginFailed(address, name);
            return htmlResponse(
                loginDocument(QStringLiteral("Nom ou mot de passe incorrect."), expected),
                Code::Unauthorized);
        }
        m_sessions.loginSucceeded(address, name);
        const WebSession opened = m_sessions.open(name, *role);
        return redirect(QStringLiteral("/"), sessionCookie("pointage_session", opened.id, secure));
    });
}

QFuture<QHttpServerResponse> DeskServer::route(const QHttpServerRequest &request,
                                               const WebSession &session)
{
    const QString path = request.url().path();
    const QStringList parts = segments(path);
    const QUrlQuery query(request.url());
    if (request.method() == QHttpServerRequest::Method::Post) {
        if (request.body().size() > m_options.maxUploadBytes)
            return ready(errorPage(
                Code::PayloadTooLarge,
                QStringLiteral("Fichier trop volumineux (%1 Mo ; au plus %2 Mo). Découpez le lot "
                               "en plusieurs PDF, ou déposez-le dans le dossier des "
                               "numérisations et lancez sa lecture.")
                    .arg(request.body().size() >> 20)
                    .arg(m_options.maxUploadBytes >> 20)));
        QHash<QString, QString> form;
        QList<FormPart> files;
        const QByteArray boundary = multipartBoundary(header(request, "Content-Type"));
        if (boundary.isEmpty()) {
            form = formFields(request.body());
        } else {
            for (FormPart &part : multipartParts(request.body(), boundary)) {
                if (!part.fileName.isEmpty())
                    files.append(std::move(part));
                else if (part.data.size() <= 4096)
                    form.insert(part.name, QString::fromUtf8(part.data));
            }
        }
        if (!sameToken(form.value(QStringLiteral("csrf")).toLatin1(), session.csrf))
            return ready(errorPage(Code::Forbidden,
                                   QStringLiteral("Formulaire refusé (jeton de sécurité absent ou "
                                                  "périmé). Rechargez la page et recommencez.")));
        if (path == QLatin1String("/deconnexion")) {
            m_sessions.close(session.id);
            return ready(
                redirect(loginMode() ? QStringLiteral("/connexion") : QStringLiteral("/deconnecte"),
                         sessionCookie("pointage_session", "", false, 0)));
        }
        if (session.role != Role::Manager)
            return ready(
                errorPage(Code::Forbidden, QStringLiteral("Votre compte est en lecture seule.")));
        return post(path, form, files, session);
    }
    if (request.method() != QHttpServerRequest::Method::Get &&
        request.method() != QHttpServerRequest::Method::Head)
        return ready(errorPage(Code::MethodNotAllowed, QStringLiteral("Méthode refusée.")));

    if (parts.size() == 2 && parts[0] == QLatin1String("image-page")) {
        return pageImage(idFrom(parts[1]),
                         query.queryItemValue(QStringLiteral("taille")) != QLatin1String("pleine"),
                         header(request, "If-None-Match"));
    }
    if (parts.size() == 3 && parts[0] == QLatin1String("signature"))
        return signatureCrop(idFrom(parts[1]), parts[2]);
    if (path == QLatin1String("/import") || path == QLatin1String("/api/numerisation")) {
        if (session.role != Role::Manager)
            return ready(errorPage(Code::Forbidden,
                                   QStringLiteral("L'import et la numérisation sont réservés au "
                                                  "rôle « gestion ».")));
        return ready(path == QLatin1String("/import") ? importPage(session) : ingestProgressJson());
    }
    if (path == QLatin1String("/journal")) {
        const SessionConfig config = m_data.config();
        const auto view = m_data.view();
        const PageContext ctx = contextFor(session, *view, config);
        return onPool([this, ctx]() {
            return screenResponse(ctx, journalScreen(m_data.journal(300).result()));
        });
    }
    const auto view = m_data.view();
    const PageContext ctx = contextFor(session, *view, m_data.config());
    const QString q = query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    const qint64 done = idFrom(query.queryItemValue(QStringLiteral("fait")));
    const qint64 listPage = idFrom(query.queryItemValue(QStringLiteral("page")));
    const ReportSettings report = m_data.config().report;
    return onPool([this, view, ctx, parts, q, done, listPage, report]() -> QHttpServerResponse {
        const DeskView &v = *view;
        if (parts.isEmpty())
            return screenResponse(ctx, dashboardScreen(v));
        const QString &first = parts[0];
        if (first == QLatin1String("deconnecte") && parts.size() == 1)
            return errorPage(Code::Ok,
                             QStringLiteral("Vous êtes déconnecté. Ouvrez à nouveau "
                                            "l'adresse affichée par « pointage serve »."));
        if (first == QLatin1String("pages") && parts.size() == 1)
            return screenResponse(ctx, exceptionQueueScreen(v));
        if (first == QLatin1String("pages") && parts.size() == 2) {
            const PageOutcome *p = v.outcome(idFrom(parts[1]));
            return p ? screenResponse(ctx, pageScreen(v, *p, ctx, done, {})) : notFound();
        }
        if (first == QLatin1String("lots") && parts.size() == 1)
            return screenResponse(ctx, batchesScreen(v, int(std::min<qint64>(listPage, INT_MAX))));
        if (first == QLatin1String("lots") && parts.size() == 2) {
            const ScannedFile *f = v.file(idFrom(parts[1]));
            return f ? screenResponse(ctx, batchScreen(v, *f)) : notFound();
        }
        if (first == QLatin1String("recherche") && parts.size() == 1)
            return screenResponse(ctx, searchScreen(v, q));
        if (first == QLatin1String("api") && parts.size() == 2 &&
            parts[1] == QLatin1String("candidats"))
            return candidatesJson(v, q);
        if (first == QLatin1String("candidat") && parts.size() == 2) {
            const CandidateStatus *c = v.candidate(parts[1]);
            if (!c)
                return notFound();
            const QList<RegistrationVersion> history =
                m_data.registrationHistory(c->candidate.candidateNumber).result();
            return screenResponse(ctx, candidateScreen(v, *c, ctx, history));
        }
        if (first == QLatin1String("etablissement") && (parts.size() == 2 || parts.size() == 3)) {
            const SchoolStatus *s = v.school(parts[1]);
            if (!s)
                return notFound();
            if (parts.size() == 2)
                return screenResponse(ctx, schoolScreen(v, *s));
            const QList<SchoolReminder> reminders = schoolReminders(v.status);
            const auto it =
                std::find_if(reminders.cbegin(), reminders.cend(),
                             [&](const SchoolReminder &r) { return r.school.uai == s->uai; });
            if (it == reminders.cend())
                return notFound();
            QByteArray type;
            QByteArray data;
            QString fileName = QStringLiteral("relance-") + s->uai;
            if (parts[2] == QLatin1String("courrier.pdf")) {
                type = "application/pdf";
                data = schoolLetterPdf(*it, v.status.window, report);
                fileName += QStringLiteral(".pdf");
            } else if (parts[2] == QLatin1String("relance.csv")) {
                type = "text/csv; charset=utf-8";
                data = schoolCsv(*it, v.status.window.asOf);
                fileName += QStringLiteral(".csv");
            } else {
                return notFound();
            }
            QHttpServerResponse response(type, data);
            response.setHeader("Content-Disposition",
                               "attachment; filename=\"" + fileName.toLatin1() + '"');
            return withSecurityHeaders(std::move(response));
        }
        return notFound();
    });
}

QFuture<QHttpServerResponse> DeskServer::pageImage(qint64 pageId, bool thumbnail,
                                                   const QByteArray &ifNoneMatch)
{
    // The file comes from the ledger by page id, never from the request.
    const auto view = m_data.view();
    const StoredPage *page = view->storedPage(pageId);
    const ScannedFile *file = page ? view->file(page->fileId) : nullptr;
    if (!page || !file)
        return ready(notFound());
    const QString path = file->path;
    const QString sha = file->sha256;
    const int number = page->read.pageNumber;
    const int rotation = page->read.rotation;
    return onPool([this, path, sha, number, rotation, thumbnail, ifNoneMatch]() {
        const PageImage image =
            m_images.image(path, sha, number, thumbnail ? 24 : 100, rotation).result();
        if (!image.ok)
            return withSecurityHeaders(QHttpServerResponse(
                "text/plain; charset=utf-8",
                (QStringLiteral("Image indisponible : ") + image.error).toUtf8(),
                Code::InternalServerError));
        const QByteArray etag = '"' + image.cacheKey.toLatin1() + '"';
        QHttpServerResponse response = ifNoneMatch == etag
                                           ? QHttpServerResponse(Code::NotModified)
                                           : QHttpServerResponse("image/jpeg", image.jpeg);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "private, max-age=86400");
        return withSecurityHeaders(std::move(response));
    });
}

// The crop of a doubtful signature zone, as the check saw it at ingest: read from the ledger,
// never from the request.
QFuture<QHttpServerResponse> DeskServer::signatureCrop(qint64 pageId, const QString &file)
{
    if (!file.endsWith(QLatin1String(".png")))
        return ready(notFound());
    const QString zone = file.chopped(4);
    return onPool([this, pageId, zone]() {
        for (const ZoneReading &reading : m_data.signatureReadings(pageId).result()) {
            if (reading.key != zone || reading.picture.isEmpty())
                continue;
            QHttpServerResponse response("image/png", reading.picture);
            response.setHeader("Cache-Control", "private, no-cache");
            return withSecurityHeaders(std::move(response));
        }
        return notFound();
    });
}

QFuture<QHttpServerResponse> DeskServer::post(const QString &path,
                                              const QHash<QString, QString> &form,
                                              const QList<FormPart> &files,
                                              const WebSession &session)
{
    if (path.startsWith(QLatin1String("/import/")))
        return onPool([this, path, form, files, session]() {
            return importPost(path, form, files, session);
        });
    const QStringList parts = segments(path);
    const SessionConfig config = m_data.config();
    auto failed = [this, session, config](qint64 pageId, const WriteOutcome &o, const Decision &d) {
        const auto view = m_data.view();
        const PageContext ctx = contextFor(session, *view, config);
        const PageOutcome *p = view->outcome(pageId);
        if (!p)
            return errorPage(Code::UnprocessableEntity, o.error);
        std::optional<AssignmentToConfirm> confirm;
        if (o.needsConfirmation)
            confirm = AssignmentToConfirm{d.candidateNumber, d.pieceCode};
        return screenResponse(ctx, pageScreen(*view, *p, ctx, 0, o.error, confirm),
                              o.needsConfirmation ? Code::Conflict : Code::UnprocessableEntity);
    };
    if (parts.size() == 3 && parts[0] == QLatin1String("pages")) {
        const qint64 pageId = idFrom(parts[1]);
        Decision d;
        d.pageId = pageId;
        d.user = session.user;
        // "attribuer-quand-meme" is the second, explicit request after the core asked to
        // confirm giving away a page that carries another candidate's confirmation.
        const bool force = parts[2] == QLatin1String("attribuer-quand-meme");
        if (parts[2] == QLatin1String("attribuer") || force) {
            d.kind = DecisionKind::AssignConfirmation;
            d.candidateNumber = form.value(QStringLiteral("candidat")).trimmed();
            d.pieceCode = form.value(QStringLiteral("piece"));
        } else if (parts[2] == QLatin1String("ecarter")) {
            d.kind = DecisionKind::IgnorePage;
        } else if (parts[2] == QLatin1String("signee")) {
            d.kind = DecisionKind::SignatureSigned;
        } else if (parts[2] == QLatin1String("non-signee")) {
            d.kind = DecisionKind::SignatureUnsigned;
        } else {
            return ready(notFound());
        }
        return onPool([this, d, pageId, force, failed]() {
            const WriteOutcome o = m_data.decide(d, force).result();
            if (!o.ok)
                return failed(pageId, o, d);
            const qint64 next = nextOpenException(*m_data.view(), pageId);
            return redirect(
                QStringLiteral("/pages/%1?fait=%2").arg(next > 0 ? next : pageId).arg(o.id));
        });
    }
    if (parts.size() == 3 && parts[0] == QLatin1String("candidat") &&
        parts[2] == QLatin1String("recu")) {
        Decision d;
        d.kind = DecisionKind::ReceiveConfirmation;
        d.candidateNumber = parts[1];
        d.pieceCode = form.value(QStringLiteral("piece"));
        d.date = QDate::fromString(form.value(QStringLiteral("date")), Qt::ISODate);
        d.user = session.user;
        if (!d.date.isValid())
            return ready(errorPage(Code::UnprocessableEntity,
                                   QStringLiteral("Date de réception invalide.")));
        const QString back = QStringLiteral("/candidat/") + urlPart(parts[1]);
        return onPool([this, d, back]() {
            const WriteOutcome o = m_data.decide(d).result();
            if (!o.ok)
                return errorPage(Code::UnprocessableEntity, o.error);
            return redirect(back);
        });
    }
    if (parts.size() == 3 && parts[0] == QLatin1String("decisions") &&
        parts[2] == QLatin1String("annuler")) {
        const QString back =
            safeReturnPath(form.value(QStringLiteral("retour")), QStringLiteral("/"));
        const qint64 id = idFrom(parts[1]);
        return onPool([this, id, session, back]() {
            const WriteOutcome o = m_data.undo(id, session.user).result();
            if (!o.ok)
                return errorPage(Code::UnprocessableEntity, o.error);
            return redirect(back);
        });
    }
    return ready(notFound());
}

} // namespace pointage::web
