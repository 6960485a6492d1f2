// `pointage serve`: the clerk's desk in a browser. Serves the screens over Qt HttpServer 6.4,
// with authentication (start-up token on loopback, logins otherwise), CSRF tokens on every
// state-changing form, and page images rendered by worker processes. Handlers only parse,
// check who is asking, and hand work to threads: the ledger's own thread (reads and writes),
// a small pool for rendering HTML and PDFs, and the page-image queue. The server's thread never
// waits for that work: a decision being recorded or a page being rendered holds up only the
// request that asked for it.
// Thread-safety: construct, listen and destroy on the thread that runs the event loop.
#pragma once

#include "web/DeskData.h"
#include "web/HeldUploads.h"
#include "web/IngestJob.h"
#include "web/Multipart.h"
#include "web/Sessions.h"

#include <QDate>
#include <QFuture>
#include <QHostAddress>
#include <QHttpServer>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <optional>

namespace pointage {
class PageImageQueue;
}

namespace pointage::web {

class DeskData;

// What an import request adds to screen 6 (see ImportScreenState).
struct ImportScreenParts
{
    QList<ImportOutcome> imports;
    QList<QByteArray> heldKeys;
    QString notice;
    bool noticeIsError = false;
};

struct ServeOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8470;       // 0: any free port (tests)
    bool requireLogin = false; // also on loopback (behind a reverse proxy)
    QString user;              // who the start-up token logs in (the OS user)
    QString scansFolder;       // where the session's scans are (and uploaded PDFs go)
    // A request body above this is refused with a French message (Qt HttpServer 6.4 reads the
    // whole body first: off loopback, nginx's client_max_body_size stops it earlier).
    qint64 maxUploadBytes = qint64(256) << 20;
};

// Checks a name and password; the role when they match. Called off the server thread.
using LoginVerifier = std::function<std::optional<Role>(const QString &, const QString &)>;

class DeskServer
{
public:
    DeskServer(DeskData &data, PageImageQueue &images, ServeOptions options,
               LoginVerifier verifyLogin);
    ~DeskServer();

    // The port listened on, 0 on failure.
    quint16 listen();
    // Loopback without --login: the start-up token that lets the OS user in.
    QByteArray startToken() const { return m_token; }
    bool loginMode() const;

private:
    QFuture<QHttpServerResponse> handle(const QHttpServerRequest &request);
    QFuture<QHttpServerResponse> route(const QHttpServerRequest &request,
                                       const WebSession &session);
    QFuture<QHttpServerResponse> login(const QHttpServerRequest &request);
    QFuture<QHttpServerResponse> signatureCrop(qint64 pageId, const QString &file);
    QFuture<QHttpServerResponse> pageImage(qint64 pageId, bool thumbnail,
                                           const QByteArray &ifNoneMatch);
    QFuture<QHttpServerResponse> post(const QString &path, const QHash<QString, QString> &form,
                                      const QList<FormPart> &files, const WebSession &session);
    // Screen 6 (ImportRoutes.cpp): only for the gestion role.
    QHttpServerResponse importPage(const WebSession &session);
    QHttpServerResponse ingestProgressJson() const;
    QHttpServerResponse importPost(const QString &path, const QHash<QString, QString> &form,
                                   const QList<FormPart> &files, const WebSession &session);
    QHttpServerResponse importExports(const QList<FormPart> &files, const WebSession &session);
    QHttpServerResponse acceptWithdrawals(const QByteArray &key, const WebSession &session);
    QHttpServerResponse ingestUploadedPdf(const QHash<QString, QString> &form,
                                          const QList<FormPart> &files, const WebSession &session);
    QHttpServerResponse startIngest(IngestOptions options, const WebSession &session);
    QHttpServerResponse importScreenResponse(const WebSession &session, ImportScreenParts parts,
                                             QHttpServerResponse::StatusCode status);
    QFuture<QHttpServerResponse> onPool(std::function<QHttpServerResponse()> work);
    // Writes the response when the work is done, on the server's thread, which meanwhile
    // serves other requests.
    void answerWhenReady(QFuture<QHttpServerResponse> future, QHttpServerResponder &&responder);
    bool secureCookies(const QHttpServerRequest &request) const;

    DeskData &m_data;
    PageImageQueue &m_images;
    ServeOptions m_options;
    LoginVerifier m_verifyLogin;
    Sessions m_sessions;
    QByteArray m_token;
    QThreadPool m_pool;
    QThreadPool m_waiters; // one thread per request still being worked on, waiting for it
    IngestJob m_job;
    HeldUploads m_held;
    std::unique_ptr<QHttpServer> m_server;
};

} // namespace pointage::web
