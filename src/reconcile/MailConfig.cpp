#include "MailConfig.h"

#include <QRegularExpression>

namespace pointage {

namespace {

Status readText(const JsonFile &file, const QJsonObject &object, const QString &path,
                const QString &key, QString &target)
{
    if (!object.contains(key))
        return Ok{};
    auto text = file.string(object.value(key), JsonFile::join(path, key));
    if (!text)
        return text.error();
    target = text.value().trimmed();
    return Ok{};
}

// "{etablisement}" in a template would go out as is to every school: refuse it here.
Status checkPlaceholders(const JsonFile &file, const QString &path, const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([^{}]*)\\}"));
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!mailPlaceholders().contains(name)) {
            return file.errorAt(path,
                                QStringLiteral("« {%1} » n'est pas un champ connu. Champs "
                                               "possibles : {%2}.")
                                    .arg(name, mailPlaceholders().join(QStringLiteral("}, {"))));
        }
    }
    return Ok{};
}

bool looksLikeAddress(const QString &address)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[^@\\s<>\"(),;:]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$"));
    return pattern.match(address).hasMatch();
}

Status readSmtp(const JsonFile &file, const QJsonObject &mail, const QDir &folder,
                SmtpSettings &smtp)
{
    const QString path = QStringLiteral("mail.smtp");
    if (!mail.contains(QStringLiteral("smtp")))
        return Ok{};
    if (!mail.value(QStringLiteral("smtp")).isObject())
        return file.errorAt(path, QStringLiteral("un objet { \"host\": …, \"port\": … } est "
                                                 "attendu."));
    const QJsonObject object = mail.value(QStringLiteral("smtp")).toObject();
    const QString port = QStringLiteral("port"), security = QStringLiteral("security"),
                  allowPlain = QStringLiteral("allowPlainAuthWithoutTls"),
                  timeout = QStringLiteral("timeoutSeconds"), ca = QStringLiteral("caFile");
    if (auto s = file.checkKeys(object, path,
                                {QStringLiteral("host"), port, security, QStringLiteral("login"),
                                 QStringLiteral("passwordVariable"), ca, allowPlain, timeout});
        !s)
        return s;
    const std::pair<QString, QString *> texts[] = {
        {QStringLiteral("host"), &smtp.host},
        {QStringLiteral("login"), &smtp.login},
        {QStringLiteral("passwordVariable"), &smtp.passwordVariable},
        {ca, &smtp.caFile}};
    for (const auto &[key, target] : texts) {
        if (auto s = readText(file, object, path, key, *target); !s)
            return s;
    }
    if (!smtp.caFile.isEmpty())
        smtp.caFile = QDir::cleanPath(folder.absoluteFilePath(smtp.caFile));
    if (object.contains(port)) {
        auto value = file.integer(object.value(port), JsonFile::join(path, port));
        if (!value)
            return value.error();
        if (value.value() < 1 || value.value() > 65535)
            return file.errorAt(JsonFile::join(path, port),
                                QStringLiteral("un port entre 1 et 65535 est attendu (587 pour "
                                               "STARTTLS, 465 pour TLS)."));
        smtp.port = value.value();
    }
    if (object.contains(timeout)) {
        auto value = file.integer(object.value(timeout), JsonFile::join(path, timeout));
        if (!value)
            return value.error();
        smtp.timeoutSeconds = qMax(1, value.value());
    }
    if (object.contains(security)) {
        QString text;
        if (auto s = readText(file, object, path, security, text); !s)
            return s;
        if (text == QLatin1String("starttls"))
            smtp.security = SmtpSettings::Security::StartTls;
        else if (text == QLatin1String("tls"))
            smtp.security = SmtpSettings::Security::ImplicitTls;
        else if (text == QLatin1String("none"))
            smtp.security = SmtpSettings::Security::None;
        else
            return file.errorAt(JsonFile::join(path, security),
                                QStringLiteral("« %1 » : \"starttls\", \"tls\" ou \"none\" est "
                                               "attendu.")
                                    .arg(text));
    }
    if (object.contains(allowPlain)) {
        auto flag = file.boolean(object.value(allowPlain), JsonFile::join(path, allowPlain));
        if (!flag)
            return flag.error();
        smtp.allowPlainAuthWithoutTls = flag.value();
    }
    return Ok{};
}

} // namespace

Status readMailSettings(const JsonFile &file, const QJsonObject &root, const QDir &folder,
                        MailSettings &mail)
{
    const QString path = QStringLiteral("mail");
    if (!root.contains(path))
        return Ok{};
    if (!root.value(path).isObject())
        return file.errorAt(path, QStringLiteral("un objet { … } est attendu."));
    const QJsonObject object = root.value(path).toObject();
    const QString from = QStringLiteral("from"), schoolAddress = QStringLiteral("schoolAddress"),
                  addresses = QStringLiteral("addressesFile"), subject = QStringLiteral("subject"),
                  body = QStringLiteral("body");
    if (auto s = file.checkKeys(object, path,
                                {from, QStringLiteral("fromName"), schoolAddress, addresses,
                                 subject, body, QStringLiteral("smtp")});
        !s)
        return s;
    const std::pair<QString, QString *> texts[] = {{from, &mail.from},
                                                   {QStringLiteral("fromName"), &mail.fromName},
                                                   {schoolAddress, &mail.schoolAddress},
                                                   {addresses, &mail.addressesFile},
                                                   {subject, &mail.subject}};
    for (const auto &[key, target] : texts) {
        if (auto s = readText(file, object, path, key, *target); !s)
            return s;
    }
    if (!mail.from.isEmpty() && !looksLikeAddress(mail.from))
        return file.errorAt(
            JsonFile::join(path, from),
            QStringLiteral("« %1 » n'est pas une adresse électronique.").arg(mail.from));
    const QString probe =
        QString(mail.schoolAddress).replace(QStringLiteral("{uai}"), QStringLiteral("0131234W"));
    if (!mail.schoolAddress.contains(QStringLiteral("{uai}")) || !looksLikeAddress(probe))
        return file.errorAt(JsonFile::join(path, schoolAddress),
                            QStringLiteral("un modèle d'adresse contenant {uai} est attendu, "
                                           "par exemple \"ce.{uai}@ac-aix-marseille.fr\"."));
    if (!mail.addressesFile.isEmpty())
        mail.addressesFile = QDir::cleanPath(folder.absoluteFilePath(mail.addressesFile));
    if (object.contains(body)) {
        auto lines = file.stringList(object.value(body), JsonFile::join(path, body));
        if (!lines)
            return lines.error();
        mail.body = lines.value();
    }
    if (auto s = checkPlaceholders(file, JsonFile::join(path, subject), mail.subject); !s)
        return s;
    if (auto s =
            checkPlaceholders(file, JsonFile::join(path, body), mail.body.join(QLatin1Char('\n')));
        !s)
        return s;
    return readSmtp(file, object, folder, mail.smtp);
}

} // namespace pointage
