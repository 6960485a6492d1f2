#include "ledger/RosterRowJson.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace pointage {

QByteArray rosterRowToJson(const RosterRow &row)
{
    QJsonObject extra;
    for (auto it = row.extra.cbegin(); it != row.extra.cend(); ++it)
        extra.insert(it.key(), it.value());
    const QJsonObject o{
        {QStringLiteral("number"), row.candidateNumber},
        {QStringLiteral("inscription"), row.inscriptionNumber},
        {QStringLiteral("version"), row.version},
        {QStringLiteral("lastName"), row.lastName},
        {QStringLiteral("usageName"), row.usageName},
        {QStringLiteral("firstNames"), row.firstNames},
        {QStringLiteral("birthDate"), row.birthDate.toString(Qt::ISODate)},
        {QStringLiteral("division"), row.division},
        {QStringLiteral("ine"), row.ine},
        {QStringLiteral("categoryLabel"), row.categoryLabel},
        {QStringLiteral("categoryCode"), row.categoryCode},
        {QStringLiteral("specialtyCode"), row.specialtyCode},
        {QStringLiteral("specialtyLabel"), row.specialtyLabel},
        {QStringLiteral("state"), row.state},
        {QStringLiteral("uai"), row.uai},
        {QStringLiteral("establishment"), row.establishmentName},
        {QStringLiteral("extra"), extra},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

RosterRow rosterRowFromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    auto s = [&o](const char *key) {
        return o.value(QLatin1String(key)).toString();
    };
    RosterRow row;
    row.candidateNumber = s("number");
    row.inscriptionNumber = s("inscription");
    row.version = o.value(QLatin1String("version")).toInt();
    row.lastName = s("lastName");
    row.usageName = s("usageName");
    row.firstNames = s("firstNames");
    row.birthDate = QDate::fromString(s("birthDate"), Qt::ISODate);
    row.division = s("division");
    row.ine = s("ine");
    row.categoryLabel = s("categoryLabel");
    row.categoryCode = s("categoryCode");
    row.specialtyCode = s("specialtyCode");
    row.specialtyLabel = s("specialtyLabel");
    row.state = s("state");
    row.uai = s("uai");
    row.establishmentName = s("establishment");
    const QJsonObject extra = o.value(QLatin1String("extra")).toObject();
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        row.extra.insert(it.key(), it.value().toString());
    return row;
}

QString rosterRowFingerprint(const QByteArray &json)
{
    return QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha1).toHex());
}

} // namespace pointage
