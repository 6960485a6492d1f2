#include "SignatureConfig.h"

#include <QJsonArray>

namespace pointage {

namespace {

Result<double> millimetres(const JsonFile &file, const QJsonObject &object, const QString &path,
                           const QString &key, double low, double high)
{
    const QString at = JsonFile::join(path, key);
    if (!object.contains(key))
        return file.errorAt(at, QStringLiteral("clé manquante (en millimètres)."));
    const QJsonValue value = object.value(key);
    if (!value.isDouble() || !(value.toDouble() >= low && value.toDouble() <= high))
        return file.errorAt(at,
                            QStringLiteral("un nombre de millimètres entre %1 et %2 est attendu.")
                                .arg(low)
                                .arg(high));
    return value.toDouble();
}

Result<SignatureZone> zoneFrom(const JsonFile &file, const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return file.errorAt(path, QStringLiteral("un objet { … } est attendu."));
    const QJsonObject object = value.toObject();
    const QStringList keys = {QStringLiteral("key"),
                              QStringLiteral("label"),
                              QStringLiteral("x"),
                              QStringLiteral("y"),
                              QStringLiteral("width"),
                              QStringLiteral("height"),
                              QStringLiteral("stampIsSignature")};
    if (auto status = file.checkKeys(object, path, keys); !status)
        return status.error();
    SignatureZone zone;
    for (const auto &[key, target] : {std::pair{QStringLiteral("key"), &zone.key},
                                      std::pair{QStringLiteral("label"), &zone.label}}) {
        auto text = file.string(object.value(key), JsonFile::join(path, key));
        if (!text)
            return text.error();
        *target = text.value().trimmed();
        if (target->isEmpty())
            return file.errorAt(JsonFile::join(path, key), QStringLiteral("texte vide."));
    }
    // A zone lies on the A4 sheet, whichever corner the code is printed in.
    auto x = millimetres(file, object, path, QStringLiteral("x"), -300, 300);
    auto y = millimetres(file, object, path, QStringLiteral("y"), -300, 300);
    auto width = millimetres(file, object, path, QStringLiteral("width"), 5, 210);
    auto height = millimetres(file, object, path, QStringLiteral("height"), 5, 297);
    for (const auto *part : {&x, &y, &width, &height})
        if (!*part)
            return part->error();
    zone.areaMm = QRectF(x.value(), y.value(), width.value(), height.value());
    const QString stamp = QStringLiteral("stampIsSignature");
    if (object.contains(stamp)) {
        auto counts = file.boolean(object.value(stamp), JsonFile::join(path, stamp));
        if (!counts)
            return counts.error();
        zone.stampIsSignature = counts.value();
    }
    return zone;
}

} // namespace

Status readSignatureZones(const JsonFile &file, const QJsonObject &root,
                          QList<SignatureZone> &zones)
{
    const QString path = QStringLiteral("signatures");
    if (!root.contains(path))
        return Ok{};
    if (!root.value(path).isObject())
        return file.errorAt(path, QStringLiteral("un objet { \"zones\": [ … ] } est attendu."));
    const QJsonObject object = root.value(path).toObject();
    if (auto status =
            file.checkKeys(object, path, {QStringLiteral("check"), QStringLiteral("zones")});
        !status)
        return status;
    // An office whose form is not fitted yet turns the check off rather than flood its queue.
    const QString check = QStringLiteral("check");
    if (object.contains(check)) {
        auto on = file.boolean(object.value(check), JsonFile::join(path, check));
        if (!on)
            return on.error();
        if (!on.value()) {
            zones.clear();
            return Ok{};
        }
    }
    const QString zonesPath = JsonFile::join(path, QStringLiteral("zones"));
    if (object.contains(check) && !object.contains(QStringLiteral("zones")))
        return Ok{}; // on, with the zones as they were (the defaults)
    const QJsonValue list = object.value(QStringLiteral("zones"));
    if (!list.isArray() || list.toArray().isEmpty())
        return file.errorAt(zonesPath, QStringLiteral("une liste d'au moins une zone est "
                                                      "attendue."));
    QList<SignatureZone> read;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto zone = zoneFrom(file, array.at(i), JsonFile::join(zonesPath, int(i)));
        if (!zone)
            return zone.error();
        read.append(zone.value());
    }
    zones = read;
    return Ok{};
}

} // namespace pointage
