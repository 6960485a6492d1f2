// The web desk's screen 6 requests: upload exports (the core's import, guarded withdrawals
// accepted explicitly), read the scans folder or an uploaded PDF on the ingest job's thread,
// and the progress the page polls. Only the gestion role gets here (DeskServer::route).
#include "pointage/DateText.h"
#include "pointage/FileHash.h"
#include "web/DeskServer.h"
#include "web/HttpBits.h"
#include "web/Screens.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace pointage::web {

namespace {

using Code = QHttpServerResponse::StatusCode;

QString stateKey(IngestJobProgress::State state)
{
    switch (state) {
    case IngestJobProgress::State::Idle:
        return QStringLiteral("aucune");
    case IngestJobProgress::State::Running:
        return QStringLiteral("en-cours");
    case IngestJobProgress::State::Finished:
        return QStringLiteral("terminee");
    }
    return {};
}

QString runningNotice(const IngestJobProgress &p)
{
    return QStringLiteral("Une lecture est déjà en cours (lancée par %1, %2 / %3 pages) : "
                          "attendez qu'elle finisse, puis recommencez.")
        .arg(p.startedBy)
        .arg(p.pagesDone)
        .arg(p.pagesTotal);
}

} // namespace

QHttpServerResponse DeskServer::importScreenResponse(const WebSession &session,
                                                     ImportScreenParts parts, Code status)
{
    const auto view = m_data.view();
    PageContext ctx;
    ctx.user = session.user;
    ctx.role = roleKey(session.role);
    ctx.csrf = session.csrf;
    ctx.canWrite = session.role == Role::Manager;
    ctx.openExceptions = view->status.openExceptions;
    ctx.asOf = view->status.window.asOf;
    ctx.session = m_data.config().session;
    ImportScreenState state;
    state.progress = m_job.progress();
    state.imports = std::move(parts.imports);
    state.heldKeys = std::move(parts.heldKeys);
    state.notice = std::move(parts.notice);
    state.noticeIsError = parts.noticeIsError;
    state.scansFolder = m_options.scansFolder;
    state.maxUploadBytes = m_options.maxUploadBytes;
    state.today = QDate::currentDate();
    const Screen screen = importScreen(ctx, state);
    return htmlResponse(htmlPage(ctx, screen.title, screen.active, screen.body), status);
}

QHttpServerResponse DeskServer::importPage(const WebSession &session)
{
    return importScreenResponse(session, {}, Code::Ok);
}

QHttpServerResponse DeskServer::ingestProgressJson() const
{
    const IngestJobProgress p = m_job.progress();
    QJsonObject o{{QStringLiteral("etat"), stateKey(p.state)},
                  {QStringLiteral("html"), progressHtml(p)},
                  {QStringLiteral("pagesFaites"), p.pagesDone},
                  {QStringLiteral("pagesTotal"), p.pagesTotal},
                  {QStringLiteral("pagesParSeconde"), p.pagesPerSecond},
                  {QStringLiteral("resteSecondes"), p.secondsLeft},
                  {QStringLiteral("fichier"), p.file},
                  {QStringLiteral("echec"), p.failed},
                  {QStringLiteral("lignes"), QJsonArray::fromStringList(p.lines)}};
    QHttpServerResponse response(o);
    response.setHeader("Cache-Control", "no-store");
    return withSecurityHeaders(std::move(response));
}

QHttpServerResponse DeskServer::importPost(const QString &path, const QHash<QString, QString> &form,
                                           const QList<FormPart> &files, const WebSession &session)
{
    if (path == QLatin1String("/import/export"))
        return importExports(files, session);
    if (path == QLatin1String("/import/accepter"))
        return acceptWithdrawals(form.value(QStringLiteral("cle")).toLatin1(), session);
    if (path == QLatin1String("/import/numeriser")) {
        IngestOptions options;
        options.inputs = {m_options.scansFolder};
        return startIngest(std::move(options), session);
    }
    if (path == QLatin1String("/import/pdf"))
        return ingestUploadedPdf(form, files, session);
    return errorPage(Code::NotFound, QStringLiteral("Cette page n'existe pas."));
}

QHttpServerResponse DeskServer::importExports(const QList<FormPart> &files,
                                              const WebSession &session)
{
    ImportScreenParts parts;
    for (const FormPart &file : files) {
        if (file.name != QLatin1String("exports"))
            continue;
        const ImportOutcome outcome =
            m_data.importExport(file.data, file.fileName, false, session.user).result();
        parts.heldKeys.append(outcome.needsConfirmation
                                  ? m_held.hold({file.fileName, file.data, session.user})
                                  : QByteArray());
        parts.imports.append(outcome);
    }
    if (parts.imports.isEmpty())
        return importScreenResponse(session,
                                    {{},
                                     {},
                                     QStringLiteral("Choisissez au moins un fichier CSV "
                                                    "exporté de Cyclades."),
                                     true},
                                    Code::UnprocessableEntity);
    return importScreenResponse(session, std::move(parts), Code::Ok);
}

QHttpServerResponse DeskServer::acceptWithdrawals(const QByteArray &key, const WebSession &session)
{
    std::optional<HeldUpload> held = m_held.take(key, session.user);
    if (!held)
        return importScreenResponse(session,
                                    {{},
                                     {},
                                     QStringLiteral("Cette décision a expiré (ou a déjà "
                                                    "été prise) : déposez de nouveau le "
                                                    "fichier."),
                                     true},
                                    Code::Gone);
    ImportScreenParts parts;
    parts.imports.append(
        m_data.importExport(held->bytes, held->fileName, true, session.user).result());
    parts.heldKeys.append(QByteArray());
    return importScreenResponse(session, std::move(parts), Code::Ok);
}

QHttpServerResponse DeskServer::startIngest(IngestOptions options, const WebSession &session)
{
    if (m_options.scansFolder.isEmpty() || !QFileInfo(m_options.scansFolder).isDir())
        return importScreenResponse(
            session,
            {{},
             {},
             QStringLiteral("Le dossier des numérisations « %1 » n'existe pas : "
                            "créez-le, ou relancez « pointage serve --scans DOSSIER ».")
                 .arg(m_options.scansFolder),
             true},
            Code::UnprocessableEntity);
    const bool started = m_job.start(std::move(options), session.user, m_data.config(),
                                     [this] { m_data.rebuildNow(); });
    if (!started)
        return importScreenResponse(session, {{}, {}, runningNotice(m_job.progress()), true},
                                    Code::Conflict);
    return redirect(QStringLiteral("/import"));
}

QHttpServerResponse DeskServer::ingestUploadedPdf(const QHash<QString, QString> &form,
                                                  const QList<FormPart> &files,
                                                  const WebSession &session)
{
    auto refuse = [&](const QString &text, Code status) {
        return importScreenResponse(session, {{}, {}, text, true}, status);
    };
    if (m_job.progress().state == IngestJobProgress::State::Running)
        return refuse(runningNotice(m_job.progress()), Code::Conflict);
    const auto pdf = std::find_if(files.cbegin(), files.cend(),
                                  [](const FormPart &f) { return f.name == QLatin1String("pdf"); });
    if (pdf == files.cend() || pdf->data.isEmpty())
        return refuse(QStringLiteral("Choisissez un fichier PDF."), Code::UnprocessableEntity);
    if (!pdf->data.startsWith("%PDF-"))
        return refuse(
            QStringLiteral("« %1 » n'est pas un PDF : numérisez le lot en PDF.").arg(pdf->fileName),
            Code::UnprocessableEntity);
    auto received = parseDateArgument(form.value(QStringLiteral("recu")));
    if (!received)
        return refuse(QStringLiteral("Date de réception : ") + received.error().message,
                      Code::UnprocessableEntity);
    // The same file read before changes nothing: say so instead of storing a second copy.
    const QString sha = sha256Of(pdf->data);
    for (const ScannedFile &f : m_data.view()->snapshot.files) {
        if (f.sha256 == sha)
            return refuse(QStringLiteral("Ce fichier a déjà été lu (« %1 », reçu le %2) : rien "
                                         "à faire.")
                              .arg(QFileInfo(f.path).fileName(), frDate(f.received)),
                          Code::Ok);
    }
    // Stored under the session's scans folder, in the dated folder the received date comes
    // from, with a generated name: nothing of the request's file name reaches the disk.
    const QDir folder(QDir(m_options.scansFolder).filePath(received->toString(Qt::ISODate)));
    if (!QDir().mkpath(folder.path()))
        return refuse(QStringLiteral("Impossible de créer le dossier « %1 ».").arg(folder.path()),
                      Code::InternalServerError);
    const QString name =
        QStringLiteral("televersement-%1-%2.pdf")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                 sha.left(8));
    QFile file(folder.filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(pdf->data) != pdf->data.size() || !file.flush()) {
        file.remove();
        return refuse(QStringLiteral("Impossible d'enregistrer le PDF dans « %1 » (disque plein "
                                     "ou droits ?).")
                          .arg(folder.path()),
                      Code::InternalServerError);
    }
    file.close();
    IngestOptions options;
    options.inputs = {file.fileName()};
    options.received = received.value();
    return startIngest(std::move(options), session);
}

} // namespace pointage::web
