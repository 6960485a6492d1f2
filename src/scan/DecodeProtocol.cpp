#include "scan/DecodeProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace pointage::decode {

namespace {
QByteArray line(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QJsonArray encodeSignatures(const QList<ZoneReading> &zones)
{
    QJsonArray array;
    for (const ZoneReading &z : zones) {
        QJsonArray area;
        for (const QPointF &corner : z.area)
            area << corner.x() << corner.y();
        array.append(
            QJsonObject{{QStringLiteral("key"), z.key},
                        {QStringLiteral("label"), z.label},
                        {QStringLiteral("finding"), signatureFindingKey(z.finding)},
                        {QStringLiteral("ink"), z.inkShare},
                        {QStringLiteral("strokes"), z.strokes},
                        {QStringLiteral("area"), area},
                        {QStringLiteral("picture"), QString::fromLatin1(z.picture.toBase64())}});
    }
    return array;
}

QList<ZoneReading> decodeSignatures(const QJsonArray &array)
{
    QList<ZoneReading> zones;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        ZoneReading z;
        z.key = o.value(QLatin1String("key")).toString();
        z.label = o.value(QLatin1String("label")).toString();
        // A finding this build does not know is left for a person, never taken as signed.
        z.finding = signatureFindingFromKey(o.value(QLatin1String("finding")).toString())
                        .value_or(SignatureFinding::CodeNotLocated);
        z.inkShare = o.value(QLatin1String("ink")).toDouble();
        z.strokes = o.value(QLatin1String("strokes")).toInt();
        const QJsonArray area = o.value(QLatin1String("area")).toArray();
        for (qsizetype i = 0; i + 1 < area.size(); i += 2)
            z.area << QPointF(area.at(i).toDouble(), area.at(i + 1).toDouble());
        z.picture = QByteArray::fromBase64(o.value(QLatin1String("picture")).toString().toLatin1());
        zones.append(z);
    }
    return zones;
}

} // namespace

QByteArray encodeRequest(const Request &r)
{
    const QByteArray path = QUrl::toPercentEncoding(r.path, "/");
    const QByteArray mode = r.rendering == PdfRendering::PopplerOnly ? "poppler" : "fast";
    if (r.kind == Request::Kind::Count)
        return "count " + mode + ' ' + path + '\n';
    return "page " + QByteArray::number(r.pageIndex) + ' ' + mode + ' ' + path + '\n';
}

std::optional<Request> decodeRequest(const QByteArray &raw)
{
    QList<QByteArray> parts = raw.trimmed().split(' ');
    Request r;
    bool ok = parts.size() == 3 && parts[0] == "count";
    if (parts.size() == 4 && parts[0] == "page") {
        r.kind = Request::Kind::Page;
        r.pageIndex = parts[1].toInt(&ok);
        ok = ok && r.pageIndex >= 0;
        parts.removeAt(1);
    }
    if (!ok || (parts[1] != "fast" && parts[1] != "poppler"))
        return std::nullopt;
    r.rendering =
        parts[1] == "poppler" ? PdfRendering::PopplerOnly : PdfRendering::FastWhenPlainScan;
    r.path = QUrl::fromPercentEncoding(parts[2]);
    return r;
}

QByteArray encodePageCount(int pages)
{
    return line({{QStringLiteral("pages"), pages}});
}

QByteArray encodeFailure(const Error &e)
{
    return line({{QStringLiteral("error"), e.message},
                 {QStringLiteral("code"), int(e.code)},
                 {QStringLiteral("page"), e.page}});
}

QByteArray encodePage(const PageRead &p)
{
    QJsonArray codes;
    for (const BarcodeRead &c : p.codes) {
        codes.append(QJsonObject{{QStringLiteral("format"), c.format},
                                 {QStringLiteral("text"), c.text},
                                 {QStringLiteral("rotation"), c.rotation}});
    }
    return line({{QStringLiteral("page"), p.pageNumber},
                 {QStringLiteral("blank"), p.blank},
                 {QStringLiteral("rotation"), p.rotation},
                 {QStringLiteral("suspected"), p.suspectedCode},
                 {QStringLiteral("decodeError"), p.decodeError},
                 {QStringLiteral("codes"), codes},
                 {QStringLiteral("signatures"), encodeSignatures(p.signatures)},
                 {QStringLiteral("signatureDpi"), p.signatureDpi}});
}

Answer decodeAnswer(const QByteArray &raw)
{
    Answer answer;
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(raw, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || o.isEmpty()) {
        answer.error = makeError(ErrorCode::Decode,
                                 QStringLiteral("réponse illisible du programme de lecture."));
        return answer;
    }
    if (o.contains(QLatin1String("error"))) {
        answer.error = makeError(ErrorCode(o.value(QLatin1String("code")).toInt()),
                                 o.value(QLatin1String("error")).toString(), {}, 0,
                                 o.value(QLatin1String("page")).toInt());
        return answer;
    }
    if (o.contains(QLatin1String("pages"))) {
        answer.pageCount = o.value(QLatin1String("pages")).toInt();
        return answer;
    }
    PageRead p;
    p.pageNumber = o.value(QLatin1String("page")).toInt();
    p.blank = o.value(QLatin1String("blank")).toBool();
    p.rotation = o.value(QLatin1String("rotation")).toInt();
    p.suspectedCode = o.value(QLatin1String("suspected")).toBool();
    p.decodeError = o.value(QLatin1String("decodeError")).toString();
    const QJsonArray codes = o.value(QLatin1String("codes")).toArray();
    for (const QJsonValue &v : codes) {
        const QJsonObject c = v.toObject();
        p.codes.append({c.value(QLatin1String("format")).toString(),
                        c.value(QLatin1String("text")).toString(),
                        c.value(QLatin1String("rotation")).toInt()});
    }
    p.signatures = decodeSignatures(o.value(QLatin1String("signatures")).toArray());
    p.signatureDpi = o.value(QLatin1String("signatureDpi")).toDouble();
    answer.page = p;
    return answer;
}

} // namespace pointage::decode
