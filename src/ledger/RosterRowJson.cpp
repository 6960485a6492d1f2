#include "ledger/RosterRowJson.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace pointage {

namespace {

// QJsonObject costs a third of a 100,000-row import; rows are flat, so write them directly.
void appendString(QByteArray &out, const QString &text)
{
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out.append(escaped);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void appendMember(QByteArray &out, const char *key, const QString &value)
{
    if (out.size() > 1)
        out.append(',');
    out.append('"').append(key).append("\":");
    appendString(out, value);
}

} // namespace

QByteArray rosterRowToJson(const RosterRow &row)
{
    QByteArray out;
    out.reserve(512);
    out.append('{');
    appendMember(out, "number", row.candidateNumber);
    appendMember(out, "inscription", row.inscriptionNumber);
    out.append(",\"version\":").append(QByteArray::number(row.version));
    appendMember(out, "lastName", row.lastName);
    appendMember(out, "usageName", row.usageName);
    appendMember(out, "firstNames", row.firstNames);
    appendMember(out, "birthDate", row.birthDate.toString(Qt::ISODate));
    appendMember(out, "division", row.division);
    appendMember(out, "ine", row.ine);
    appendMember(out, "categoryLabel", row.categoryLabel);
    appendMember(out, "categoryCode", row.categoryCode);
    appendMember(out, "specialtyCode", row.specialtyCode);
    appendMember(out, "specialtyLabel", row.specialtyLabel);
    appendMember(out, "state", row.state);
    appendMember(out, "uai", row.uai);
    appendMember(out, "establishment", row.establishmentName);
    out.append(",\"extra\":{");
    for (auto it = row.extra.cbegin(); it != row.extra.cend(); ++it) {
        if (it != row.extra.cbegin())
            out.append(',');
        appendString(out, it.key());
        out.append(':');
        appendString(out, it.value());
    }
    out.append("}}");
    return out;
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

QString rosterRowFingerprint(const RosterRow &row)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    auto add = [&hash](const QString &field) {
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(field.constData()),
                                    field.size() * qsizetype(sizeof(QChar))));
        hash.addData(QByteArrayView("\x1f\x00", 2)); // a separator no field contains
    };
    for (const QString *field :
         {&row.candidateNumber, &row.inscriptionNumber, &row.lastName, &row.usageName,
          &row.firstNames, &row.division, &row.ine, &row.categoryLabel, &row.categoryCode,
          &row.specialtyCode, &row.specialtyLabel, &row.state, &row.uai, &row.establishmentName})
        add(*field);
    add(QString::number(row.version));
    add(row.birthDate.toString(Qt::ISODate));
    for (auto it = row.extra.cbegin(); it != row.extra.cend(); ++it) {
        add(it.key());
        add(it.value());
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace pointage
