#include "pointage/SessionFolder.h"

#include "pointage/SessionConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace pointage {

namespace {

QByteArray shipped(const char *name)
{
    QFile file(QStringLiteral(":/defaults/") + QString::fromLatin1(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The shipped file is edited as text, key by key, so that its layout and order survive for the
// manager who will edit it next.
QByteArray withValue(QByteArray json, const char *key, const QString &value)
{
    const QRegularExpression pattern(
        QStringLiteral("(\"%1\"\\s*:\\s*\")[^\"]*(\")").arg(QString::fromLatin1(key)));
    QString text = QString::fromUtf8(json);
    text.replace(pattern, QStringLiteral("\\1%1\\2").arg(value));
    return text.toUtf8();
}

QString readme(int year, const QDate &opens, const QDate &closes)
{
    return QStringLiteral(
               "Pointage — session %1\n"
               "\n"
               "Ce dossier contient tout ce qui concerne la session %1. Lancez les commandes "
               "depuis ce dossier :\n"
               "\n"
               "  config/pointage.json  la session : dates de retour (du %2 au %3), en-tête et "
               "signature des courriers\n"
               "  config/rules.json     les pièces justificatives exigées et pour qui\n"
               "  exports/              déposez ici les exports Cyclades « Listes simples » (CSV)\n"
               "  scans/                les lots numérisés, un sous-dossier par jour "
               "(scans/AAAA-MM-JJ/)\n"
               "  reports/              les courriers de relance, les CSV et le tableau de bord\n"
               "  pointage.sqlite       le registre (données personnelles : ne pas copier "
               "ailleurs)\n"
               "\n"
               "La journée type :\n"
               "  pointage import exports/*.csv\n"
               "  pointage ingest scans\n"
               "  pointage exceptions\n"
               "  pointage report\n"
               "\n"
               "Complétez d'abord l'en-tête des courriers dans config/pointage.json (signataire, "
               "« Affaire suivie par », téléphone, courriel) : « pointage config » montre les "
               "valeurs en vigueur.\n")
        .arg(year)
        .arg(opens.toString(QStringLiteral("dd/MM/yyyy")),
             closes.toString(QStringLiteral("dd/MM/yyyy")));
}

Status writeNew(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::NewOnly | QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return makeError(ErrorCode::FileUnreadable,
                         QStringLiteral("impossible d'écrire ce fichier : vérifiez vos droits sur "
                                        "le dossier."),
                         path);
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return Ok{};
}

} // namespace

Result<SessionFolder> createSessionFolder(const QString &directory,
                                          const SessionFolderOptions &options, const QDate &today)
{
    const int year = options.sessionYear > 0 ? options.sessionYear : today.year() + 1;
    const QDate opens = options.opens.isValid() ? options.opens : QDate(year - 1, 12, 1);
    const QDate closes = options.closes.isValid() ? options.closes : QDate(year - 1, 12, 22);
    if (closes < opens) {
        return makeError(ErrorCode::Format,
                         QStringLiteral("la date de fermeture (%1) précède la date d'ouverture "
                                        "(%2).")
                             .arg(closes.toString(QStringLiteral("dd/MM/yyyy")),
                                  opens.toString(QStringLiteral("dd/MM/yyyy"))));
    }
    QDir dir(directory);
    for (const char *existing : {"config/pointage.json", "pointage.sqlite"}) {
        if (QFileInfo::exists(dir.filePath(QString::fromLatin1(existing)))) {
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("ce dossier contient déjà une session (%1) : rien n'a "
                                            "été modifié. Choisissez un autre dossier.")
                                 .arg(QString::fromLatin1(existing)),
                             QDir(directory).absolutePath());
        }
    }
    SessionFolder folder;
    folder.directory = dir.absolutePath();
    for (const char *sub : {"config", "exports", "scans", "reports"}) {
        if (!dir.mkpath(QString::fromLatin1(sub)))
            return makeError(ErrorCode::FileUnreadable,
                             QStringLiteral("impossible de créer le sous-dossier %1 : vérifiez vos "
                                            "droits.")
                                 .arg(QString::fromLatin1(sub)),
                             folder.directory);
        folder.created.append(QString::fromLatin1(sub) + u'/');
    }
    QByteArray config = shipped("pointage.json");
    config = withValue(config, "session", QStringLiteral("Session %1").arg(year));
    config = withValue(config, "opens", opens.toString(Qt::ISODate));
    config = withValue(config, "closes", closes.toString(Qt::ISODate));
    config = withValue(config, "registrationCloses", QDate(year - 1, 12, 8).toString(Qt::ISODate));
    folder.configFile = dir.absoluteFilePath(QStringLiteral("config/pointage.json"));
    // What is written must load: a shipped file and an edit that disagree fail here, not later.
    if (auto parsed = SessionConfig::parse(config, folder.configFile); !parsed)
        return parsed.error();
    const std::pair<const char *, QByteArray> files[] = {
        {"config/pointage.json", config},
        {"config/rules.json", shipped("rules.json")},
        {"LISEZMOI.txt", readme(year, opens, closes).toUtf8()}};
    for (const auto &[name, bytes] : files) {
        if (Status s = writeNew(dir.filePath(QString::fromLatin1(name)), bytes); !s)
            return s.error();
        folder.created.append(QString::fromLatin1(name));
    }
    return folder;
}

Result<ConfigLocation> locateSessionConfig(const QString &option)
{
    ConfigLocation location;
    if (!option.isEmpty()) {
        location.path = option;
        location.origin = QStringLiteral("option --config");
        return location;
    }
    const QString env = qEnvironmentVariable("POINTAGE_CONFIG");
    if (!env.isEmpty()) {
        location.path = env;
        location.origin = QStringLiteral("variable POINTAGE_CONFIG");
        return location;
    }
    const QString xdg = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const std::pair<QString, QString> candidates[] = {
        {QDir::current().absoluteFilePath(QStringLiteral("config/pointage.json")),
         QStringLiteral("dossier courant")},
        {xdg + QStringLiteral("/pointage/pointage.json"), QStringLiteral("configuration de "
                                                                         "l'utilisateur")},
        {QStringLiteral("/etc/pointage/pointage.json"), QStringLiteral("configuration du "
                                                                       "système")}};
    for (const auto &[path, origin] : candidates) {
        location.tried.append(path);
        if (QFileInfo(path).isFile()) {
            location.path = path;
            location.origin = origin;
            return location;
        }
    }
    return makeError(ErrorCode::FileNotFound,
                     QStringLiteral("aucune configuration de session trouvée (cherchée dans : "
                                    "%1). Créez un dossier de session avec « pointage init "
                                    "DOSSIER » et lancez les commandes depuis ce dossier, ou "
                                    "indiquez le fichier avec --config.")
                         .arg(location.tried.join(QStringLiteral(", "))));
}

} // namespace pointage
