// `pointage serve`: the clerk's desk in a browser. Serves the screens over Qt HttpServer 6.4,
// with authentication (start-up token on loopback, logins otherwise), CSRF tokens on every
// state-changing form, and page images rendered by worker processes. Handlers only parse,
// check who is asking, and hand work to threads: the ledger's own thread (reads and writes),
// a small pool for rendering HTML and PDFs, and the page-image queue.
// Thread-safety: construct, listen and destroy on the thread that runs the event loop.
#pragma once

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

struct ServeOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8470;       // 0: any free port (tests)
    bool requireLogin = false; // also on loopback (behind a reverse proxy)
    QString user;              // who the start-up token logs in (the OS user)
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
    QFuture<QHttpServerResponse> pageImage(qint64 pageId, bool thumbnail,
                                           const QByteArray &ifNoneMatch);
    QFuture<QHttpServerResponse> post(const QString &path, const QHash<QString, QString> &form,
                                      const WebSession &session);
    QFuture<QHttpServerResponse> onPool(std::function<QHttpServerResponse()> work);
    bool secureCookies(const QHttpServerRequest &request) const;

    DeskData &m_data;
    PageImageQueue &m_images;
    ServeOptions m_options;
    LoginVerifier m_verifyLogin;
    Sessions m_sessions;
    QByteArray m_token;
    QThreadPool m_pool;
    std::unique_ptr<QHttpServer> m_server;
};

} // namespace pointage::web
