// `pointage serve`: starts the web desk on the same ledger and configuration as the other
// commands, prints the address to open, and serves until interrupted. Also the hidden
// `__render-worker` mode the server starts to draw page images.
#include "cli/Commands.h"
#include "cli/SessionStatus.h"
#include "pointage/PageImageQueue.h"
#include "pointage/PageRenderWorker.h"
#include "web/DeskData.h"
#include "web/DeskServer.h"
#include "web/UserLogin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

namespace pointage::cli {

int runServe(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Adresse d'écoute (défaut : 127.0.0.1, ce "
                                                   "poste seulement)."),
                                    QStringLiteral("ADRESSE"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port (défaut : 8470 ; 0 : un port libre)."),
                                  QStringLiteral("PORT"), QStringLiteral("8470"));
    const QCommandLineOption login(QStringLiteral("login"),
                                   QStringLiteral("Exiger une connexion (nom et mot de passe) même "
                                                  "sur 127.0.0.1 : derrière un proxy nginx."));
    const QCommandLineOption insecure(QStringLiteral("insecure"),
                                      QStringLiteral("Accepter d'écouter en HTTP simple sur le "
                                                     "réseau (déconseillé : mettez nginx en TLS "
                                                     "devant, voir le README)."));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Processus de rendu des images de pages "
                                                    "(défaut : 2)."),
                                     QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption scans(QStringLiteral("scans"),
                                   QStringLiteral("Dossier des numérisations, lu depuis l'écran "
                                                  "« Import et numérisation » (défaut : scans/ "
                                                  "à côté du registre)."),
                                   QStringLiteral("DOSSIER"));
    const QCommandLineOption maxUpload(QStringLiteral("max-upload"),
                                       QStringLiteral("Taille maximale d'un fichier envoyé, en "
                                                      "Mo (défaut : 256)."),
                                       QStringLiteral("MO"), QStringLiteral("256"));
    const QCommandLineOption asOf = asOfOption();
    parser.addOptions({listen, port, login, insecure, workers, scans, maxUpload, asOf});
    if (!context.parse(parser, QStringLiteral("Le guichet dans un navigateur : tableau de bord, "
                                              "établissements, candidats, pages à traiter.")))
        return ExitUsage;

    web::ServeOptions options;
    if (!options.address.setAddress(parser.value(listen))) {
        context.err() << "pointage serve : adresse invalide « " << parser.value(listen) << " ».\n";
        return ExitUsage;
    }
    bool portOk = false;
    const uint portValue = parser.value(port).toUInt(&portOk);
    if (!portOk || portValue > 65535) {
        context.err() << "pointage serve : port invalide « " << parser.value(port) << " ».\n";
        return ExitUsage;
    }
    options.port = quint16(portValue);
    options.requireLogin = parser.isSet(login);
    bool uploadOk = false;
    const int uploadMb = parser.value(maxUpload).toInt(&uploadOk);
    if (!uploadOk || uploadMb < 1 || uploadMb > 4096) {
        context.err() << "pointage serve : --max-upload attend un nombre de Mo entre 1 et 4096, "
                         "pas « "
                      << parser.value(maxUpload) << " ».\n";
        return ExitUsage;
    }
    options.maxUploadBytes = qint64(uploadMb) << 20;
    options.scansFolder =
        QFileInfo(
            parser.isSet(scans)
                ? parser.value(scans)
                : QFileInfo(context.ledgerPath()).absoluteDir().filePath(QStringLiteral("scans")))
            .absoluteFilePath();
    options.user = currentOsUser();
    if (!options.address.isLoopback() && !parser.isSet(insecure)) {
        context.err() << "pointage serve : refus d'écouter en HTTP simple sur le réseau ("
                      << options.address.toString()
                      << "). Écoutez sur 127.0.0.1 avec --login derrière un proxy nginx en TLS "
                         "(voir le README), ou ajoutez --insecure en connaissance de cause.\n";
        return ExitUsage;
    }
    std::optional<QDate> fixedDate;
    if (parser.isSet(asOf)) {
        fixedDate = dateOrToday(context, parser, asOf);
        if (!fixedDate->isValid())
            return ExitUsage;
    }

    auto session = loadSession(context);
    if (!session)
        return ExitFailure;
    session->ledger.reset(); // the server opens its own, on its ledger thread
    web::DeskData data(context.ledgerPath(), session->config, session->rules, fixedDate);
    if (Status s = data.start(); !s) {
        context.printError(s.error());
        return ExitFailure;
    }
    const QString cache =
        QFileInfo(context.ledgerPath()).absoluteFilePath() + QStringLiteral(".images");
    PageImageQueue images(QCoreApplication::applicationFilePath(),
                          {QStringLiteral("__render-worker")}, cache,
                          qBound(1, parser.value(workers).toInt(), 8));
    web::DeskServer server(data, images, options, web::ledgerLoginVerifier(data));
    const quint16 bound = server.listen();
    if (bound == 0) {
        context.err() << "pointage serve : impossible d'écouter sur " << options.address.toString()
                      << ":" << options.port << " (port déjà pris ?). Essayez --port 8471.\n";
        return ExitFailure;
    }
    QTimer refresh;
    QObject::connect(&refresh, &QTimer::timeout, [&data] { data.refreshIfChanged(); });
    refresh.start(1000);

    const QString host = options.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + options.address.toString() + QLatin1Char(']')
                             : options.address.toString();
    QString url = QStringLiteral("http://%1:%2/").arg(host).arg(bound);
    if (!server.loginMode())
        url += QStringLiteral("?jeton=") + QString::fromLatin1(server.startToken());
    context.out() << "Pointage — guichet web sur le registre " << context.ledgerPath() << "\n"
                  << "Ouvrez : " << url << "\n"
                  << (server.loginMode()
                          ? "Connexion par nom et mot de passe (pointage users add NOM).\n"
                          : "Cette adresse contient un jeton secret : ne la partagez pas.\n")
                  << "Ctrl-C pour arrêter.\n";
    context.out().flush();
    return QCoreApplication::exec();
}

int runRenderWorker(CliContext &)
{
    return pointage::runPageRenderWorker(stdin, stdout);
}

} // namespace pointage::cli
