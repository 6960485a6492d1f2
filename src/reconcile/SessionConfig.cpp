#include "pointage/SessionConfig.h"

#include "JsonFile.h"
#include "MailConfig.h"
#include "SignatureConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace pointage {

namespace {

const QString kConfigFileKind = QStringLiteral("de configuration");

// Reads the optional keys of one JSON object into a target, stopping at the first error.
class ConfigReader
{
public:
    explicit ConfigReader(const JsonFile &file) : m_file(file) {}

    Status readWindow(const QJsonObject &root, SessionConfig &config) const
    {
        const QString path = QStringLiteral("returnWindow");
        if (!root.contains(path))
            return Ok{};
        const QJsonValue value = root.value(path);
        if (!value.isObject())
            return m_file.errorAt(path, QStringLiteral("un objet { \"opens\": …, \"closes\": … } "
                                                       "est attendu."));
        const QJsonObject window = value.toObject();
        if (auto keys =
                m_file.checkKeys(window, path, {QStringLiteral("opens"), QStringLiteral("closes")});
            !keys)
            return keys.error();
        QDate opens = config.window.opens();
        QDate closes = config.window.closes();
        if (auto status = readDate(window, path, QStringLiteral("opens"), opens); !status)
            return status;
        if (auto status = readDate(window, path, QStringLiteral("closes"), closes); !status)
            return status;
        if (closes < opens) {
            return m_file.errorAt(JsonFile::join(path, QStringLiteral("closes")),
                                  QStringLiteral("la fermeture (%1) précède l'ouverture (%2).")
                                      .arg(closes.toString(QStringLiteral("dd/MM/yyyy")),
                                           opens.toString(QStringLiteral("dd/MM/yyyy"))));
        }
        config.window = ReturnWindow(opens, closes);
        return Ok{};
    }

    Status readBarcodes(const QJsonObject &root, SessionConfig &config) const
    {
        const QString path = QStringLiteral("barcodes");
        if (!root.contains(path))
            return Ok{};
        if (!root.value(path).isObject())
            return m_file.errorAt(path, QStringLiteral("un objet { … } est attendu."));
        const QJsonObject barcodes = root.value(path).toObject();
        if (auto keys =
                m_file.checkKeys(barcodes, path,
                                 {QStringLiteral("confirmation"), QStringLiteral("separator"),
                                  QStringLiteral("coverSheet")});
            !keys)
            return keys.error();
        QString confirmation = config.barcodes.confirmationPattern();
        QString separator = config.barcodes.separatorPattern();
        QString coverSheet = config.barcodes.coverSheetPattern();
        if (auto s = readString(barcodes, path, QStringLiteral("confirmation"), confirmation); !s)
            return s;
        if (auto s = readString(barcodes, path, QStringLiteral("separator"), separator); !s)
            return s;
        if (auto s = readString(barcodes, path, QStringLiteral("coverSheet"), coverSheet); !s)
            return s;
        auto patterns = BarcodePatterns::create(confirmation, separator, coverSheet);
        if (!patterns)
            return m_file.errorAt(path, patterns.error().message);
        config.barcodes = std::move(patterns).value();
        return Ok{};
    }

    Status readReport(const QJsonObject &root, ReportSettings &report) const
    {
        const QString path = QStringLiteral("report");
        if (!root.contains(path))
            return Ok{};
        if (!root.value(path).isObject())
            return m_file.errorAt(path, QStringLiteral("un objet { … } est attendu."));
        const QJsonObject object = root.value(path).toObject();
        const QStringList keys = {QStringLiteral("academie"),
                                  QStringLiteral("service"),
                                  QStringLiteral("addressLines"),
                                  QStringLiteral("contact"),
                                  QStringLiteral("city"),
                                  QStringLiteral("signatoryName"),
                                  QStringLiteral("signatoryTitle"),
                                  QStringLiteral("acknowledgeComplete"),
                                  QStringLiteral("logo"),
                                  QStringLiteral("caseOfficer"),
                                  QStringLiteral("phone"),
                                  QStringLiteral("email"),
                                  QStringLiteral("reference"),
                                  QStringLiteral("examination"),
                                  QStringLiteral("relanceDelayDays")};
        if (auto status = m_file.checkKeys(object, path, keys); !status)
            return status;
        const std::pair<QString, QString *> texts[] = {
            {QStringLiteral("academie"), &report.academie},
            {QStringLiteral("service"), &report.service},
            {QStringLiteral("contact"), &report.contact},
            {QStringLiteral("city"), &report.city},
            {QStringLiteral("signatoryName"), &report.signatoryName},
            {QStringLiteral("signatoryTitle"), &report.signatoryTitle},
            {QStringLiteral("logo"), &report.logoFile},
            {QStringLiteral("caseOfficer"), &report.caseOfficer},
            {QStringLiteral("phone"), &report.phone},
            {QStringLiteral("email"), &report.email},
            {QStringLiteral("reference"), &report.reference},
            {QStringLiteral("examination"), &report.examination}};
        for (const auto &[key, target] : texts) {
            if (auto status = readString(object, path, key, *target); !status)
                return status;
        }
        const QString lines = QStringLiteral("addressLines");
        if (object.contains(lines)) {
            auto list = m_file.stringList(object.value(lines), JsonFile::join(path, lines));
            if (!list)
                return list.error();
            report.addressLines = list.value();
        }
        const QString delay = QStringLiteral("relanceDelayDays");
        if (object.contains(delay)) {
            auto days = m_file.integer(object.value(delay), JsonFile::join(path, delay));
            if (!days)
                return days.error();
            report.relanceDelayDays = days.value();
        }
        const QString acknowledge = QStringLiteral("acknowledgeComplete");
        if (object.contains(acknowledge)) {
            auto flag =
                m_file.boolean(object.value(acknowledge), JsonFile::join(path, acknowledge));
            if (!flag)
                return flag.error();
            report.acknowledgeComplete = flag.value();
        }
        return Ok{};
    }

    Status readImport(const QJsonObject &root, ImportPolicy &policy) const
    {
        const QString path = QStringLiteral("import");
        if (!root.contains(path))
            return Ok{};
        if (!root.value(path).isObject())
            return m_file.errorAt(path, QStringLiteral("un objet { … } est attendu."));
        const QJsonObject object = root.value(path).toObject();
        const QString share = QStringLiteral("maxWithdrawalShare");
        const QString always = QStringLiteral("withdrawalsAlwaysAccepted");
        if (auto status = m_file.checkKeys(object, path, {share, always}); !status)
            return status;
        if (object.contains(share)) {
            const QJsonValue value = object.value(share);
            if (!value.isDouble() || !(value.toDouble() >= 0.0 && value.toDouble() <= 1.0)) {
                return m_file.errorAt(JsonFile::join(path, share),
                                      QStringLiteral("une part entre 0 et 1 est attendue (0.2 "
                                                     "pour 20 %)."));
            }
            policy.maxWithdrawalShare = value.toDouble();
        }
        if (object.contains(always)) {
            auto count = m_file.integer(object.value(always), JsonFile::join(path, always));
            if (!count)
                return count.error();
            policy.withdrawalsAlwaysAccepted = count.value();
        }
        return Ok{};
    }

    Status readString(const QJsonObject &object, const QString &path, const QString &key,
                      QString &target) const
    {
        if (!object.contains(key))
            return Ok{};
        auto text = m_file.string(object.value(key), JsonFile::join(path, key));
        if (!text)
            return text.error();
        target = text.value();
        return Ok{};
    }

    Status readDate(const QJsonObject &object, const QString &path, const QString &key,
                    QDate &target) const
    {
        if (!object.contains(key))
            return Ok{};
        auto date = m_file.date(object.value(key), JsonFile::join(path, key));
        if (!date)
            return date.error();
        target = date.value();
        return Ok{};
    }

private:
    const JsonFile &m_file;
};

// "Session 2027" -> 2027: the last four-digit number in the name.
int yearOf(const QString &session)
{
    static const QRegularExpression year(QStringLiteral("(\\d{4})(?!.*\\d{4})"));
    return year.match(session).captured(1).toInt();
}

Result<SessionConfig> configFrom(const JsonFile &file, const QFileInfo &info)
{
    const QJsonObject &root = file.root();
    const QStringList keys = {QStringLiteral("session"),
                              QStringLiteral("returnWindow"),
                              QStringLiteral("registrationCloses"),
                              QStringLiteral("barcodes"),
                              QStringLiteral("rulesFile"),
                              QStringLiteral("report"),
                              QStringLiteral("import"),
                              QStringLiteral("mail"),
                              QStringLiteral("signatures")};
    if (auto status = file.checkKeys(root, {}, keys); !status)
        return status.error();

    const QString sessionKey = QStringLiteral("session");
    if (!root.contains(sessionKey)) {
        return file.errorAt(sessionKey, QStringLiteral("clé manquante : indiquer la session, par "
                                                       "exemple \"session\": \"Session 2027\"."));
    }
    auto session = file.string(root.value(sessionKey), sessionKey);
    if (!session)
        return session.error();
    const int year = yearOf(session.value());
    if (year < 2000) {
        return file.errorAt(sessionKey, QStringLiteral("l'année de l'examen est introuvable dans "
                                                       "« %1 » : écrire par exemple "
                                                       "« Session 2027 ».")
                                            .arg(session.value()));
    }
    SessionConfig config = SessionConfig::defaults(year);
    config.session = session.value().trimmed();
    config.sourceFile = info.absoluteFilePath();

    const ConfigReader reader(file);
    QString rulesFile = QStringLiteral("rules.json");
    if (auto status = reader.readWindow(root, config); !status)
        return status.error();
    if (auto status = reader.readDate(root, {}, QStringLiteral("registrationCloses"),
                                      config.registrationCloses);
        !status)
        return status.error();
    if (auto status = reader.readBarcodes(root, config); !status)
        return status.error();
    if (auto status = reader.readString(root, {}, QStringLiteral("rulesFile"), rulesFile); !status)
        return status.error();
    if (auto status = reader.readReport(root, config.report); !status)
        return status.error();
    if (auto status = reader.readImport(root, config.import); !status)
        return status.error();
    if (auto status = readMailSettings(file, root, info.absoluteDir(), config.mail); !status)
        return status.error();
    if (auto status = readSignatureZones(file, root, config.signatureZones); !status)
        return status.error();
    config.rulesFile = QDir::cleanPath(info.absoluteDir().absoluteFilePath(rulesFile));
    if (!config.report.logoFile.isEmpty())
        config.report.logoFile =
            QDir::cleanPath(info.absoluteDir().absoluteFilePath(config.report.logoFile));
    return config;
}

} // namespace

SessionConfig SessionConfig::defaults(int sessionYear)
{
    SessionConfig config;
    config.session = QStringLiteral("Session %1").arg(sessionYear);
    config.sessionYear = sessionYear;
    config.window = ReturnWindow(QDate(sessionYear - 1, 12, 1), QDate(sessionYear - 1, 12, 22));
    config.registrationCloses = QDate(sessionYear - 1, 12, 8);
    config.signatureZones = defaultSignatureZones();
    return config;
}

Result<SessionConfig> SessionConfig::load(const QString &path)
{
    auto bytes = JsonFile::readBytes(path, kConfigFileKind);
    if (!bytes)
        return bytes.error();
    return parse(bytes.value(), path);
}

Result<SessionConfig> SessionConfig::parse(const QByteArray &json, const QString &path)
{
    const QFileInfo info(path);
    auto file = JsonFile::parse(json, info.fileName(), kConfigFileKind);
    if (!file)
        return file.error();
    return configFrom(file.value(), info);
}

ReturnWindowInfo SessionConfig::windowInfo(QDate asOf) const
{
    ReturnWindowInfo info;
    info.session = session;
    info.opens = window.opens();
    info.closes = window.closes();
    info.registrationCloses = registrationCloses;
    info.asOf = asOf;
    info.daysLeft = window.daysLeft(asOf);
    return info;
}

ReadOptions SessionConfig::readOptions() const
{
    ReadOptions options;
    options.patterns = barcodes;
    options.signatureZones = signatureZones;
    return options;
}

} // namespace pointage
