#include "pointage/DecodeWorker.h"

#include "pointage/PageReader.h"
#include "pointage/PageSource.h"
#include "scan/DecodeProtocol.h"
#include "scan/PageWorkerLoop.h"
#include "scan/WorkerChatter.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pointage {

namespace {

// The slowest real page needs about 60 MB (a 300-dpi A4 page decoded, its crops, zxing's
// buffers; docs/reliability.md). 1.5 GB leaves room for a huge legitimate page while a runaway
// decoder (a hostile PDF sent Poppler growing to 500 MB and beyond) dies within a second or
// two instead of growing for the whole page timeout, and two workers cannot exhaust the office
// PC's memory.
constexpr qint64 kDefaultMemoryLimitMb = 1536;

const QString kReadOptionsFlag = QStringLiteral("--lecture");

// The options travel as one base64 JSON argument: no quoting issue on any command line.
QString encodeReadOptions(const ReadOptions &options)
{
    QJsonArray zones;
    for (const SignatureZone &zone : options.signatureZones) {
        zones.append(QJsonObject{{QStringLiteral("key"), zone.key},
                                 {QStringLiteral("label"), zone.label},
                                 {QStringLiteral("x"), zone.areaMm.x()},
                                 {QStringLiteral("y"), zone.areaMm.y()},
                                 {QStringLiteral("width"), zone.areaMm.width()},
                                 {QStringLiteral("height"), zone.areaMm.height()},
                                 {QStringLiteral("stamp"), zone.stampIsSignature}});
    }
    const QJsonObject root{{QStringLiteral("confirmation"), options.patterns.confirmationPattern()},
                           {QStringLiteral("separator"), options.patterns.separatorPattern()},
                           {QStringLiteral("coverSheet"), options.patterns.coverSheetPattern()},
                           {QStringLiteral("zones"), zones}};
    return QString::fromLatin1(QJsonDocument(root).toJson(QJsonDocument::Compact).toBase64());
}

Result<ReadOptions> readOptionsFrom(const QStringList &arguments)
{
    ReadOptions options;
    const qsizetype flag = arguments.indexOf(kReadOptionsFlag);
    if (flag < 0)
        return options;
    const auto invalid =
        makeError(ErrorCode::Format, QStringLiteral("paramètres de lecture invalides (programme de "
                                                    "lecture d'une autre version ?)."));
    if (flag + 1 >= arguments.size())
        return invalid;
    QJsonParseError parseError;
    const QJsonObject root =
        QJsonDocument::fromJson(QByteArray::fromBase64(arguments.at(flag + 1).toLatin1()),
                                &parseError)
            .object();
    if (parseError.error != QJsonParseError::NoError)
        return invalid;
    auto patterns = BarcodePatterns::create(root.value(QLatin1String("confirmation")).toString(),
                                            root.value(QLatin1String("separator")).toString(),
                                            root.value(QLatin1String("coverSheet")).toString());
    if (!patterns)
        return invalid;
    options.patterns = patterns.value();
    for (const QJsonValue &value : root.value(QLatin1String("zones")).toArray()) {
        const QJsonObject o = value.toObject();
        options.signatureZones.append(SignatureZone{
            o.value(QLatin1String("key")).toString(), o.value(QLatin1String("label")).toString(),
            QRectF(o.value(QLatin1String("x")).toDouble(), o.value(QLatin1String("y")).toDouble(),
                   o.value(QLatin1String("width")).toDouble(),
                   o.value(QLatin1String("height")).toDouble()),
            o.value(QLatin1String("stamp")).toBool()});
    }
    return options;
}

} // namespace

QStringList decodeWorkerArguments(const ReadOptions &options)
{
    return {kReadOptionsFlag, encodeReadOptions(options)};
}

qint64 decodeWorkerMemoryLimit()
{
    bool ok = false;
    const qint64 mb = qEnvironmentVariable("POINTAGE_WORKER_MEMORY_MB").toLongLong(&ok);
    return (ok && mb > 0 ? mb : kDefaultMemoryLimitMb) << 20;
}

int runDecodeWorker(std::FILE *in, std::FILE *out, const QStringList &arguments,
                    const DecodeWorkerHooks &hooks)
{
    worker::enterWorkerProcess();
    const Result<ReadOptions> options = readOptionsFrom(arguments);
    const PageReader reader(options ? options.value() : ReadOptions{});
    worker::OpenScanFile file;
    worker::forEachLine(in, [&](const QByteArray &line) {
        if (!options) {
            worker::answer(out, decode::encodeFailure(options.error()));
            return;
        }
        const auto request = decode::decodeRequest(line);
        if (!request) {
            worker::answer(out,
                           decode::encodeFailure(makeError(
                               ErrorCode::Format, QStringLiteral("requête de lecture invalide."))));
            return;
        }
        if (hooks.beforeOpen && file.needsOpening(request->path, request->rendering))
            hooks.beforeOpen(request->path, request->rendering);
        const Result<PageSource *> source = file.source(request->path, request->rendering);
        if (!source) {
            worker::answer(out, decode::encodeFailure(source.error()));
            return;
        }
        if (request->kind == decode::Request::Kind::Count) {
            worker::answer(out, decode::encodePageCount(source.value()->pageCount()));
            return;
        }
        if (hooks.beforePage)
            hooks.beforePage(request->path, request->pageIndex, request->rendering);
        PageRead page = reader.read(*source.value(), request->pageIndex);
        page.pageNumber = request->pageIndex + 1;
        const QString chatter = WorkerChatter::instance().take();
        if (!page.decodeError.isEmpty())
            page.decodeError += chatter;
        worker::answer(out, decode::encodePage(page));
    });
    return 0;
}

} // namespace pointage
