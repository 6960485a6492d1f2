#include "pointage/TextDecoding.h"

#include <QStringDecoder>
#include <algorithm>

namespace pointage {

namespace {

bool startsWith(const QByteArray &bytes, std::initializer_list<unsigned char> prefix)
{
    if (bytes.size() < qsizetype(prefix.size()))
        return false;
    return std::equal(prefix.begin(), prefix.end(), bytes.cbegin(),
                      [](unsigned char p, char b) { return p == static_cast<unsigned char>(b); });
}

// Text files carry tabs and line breaks but hardly any other C0 control character; a PDF, a
// picture or an .xlsx (a ZIP) carries NUL bytes and plenty of them.
bool looksBinary(const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return true;
    const qsizetype sample = std::min<qsizetype>(bytes.size(), 64 * 1024);
    qsizetype controls = 0;
    for (qsizetype i = 0; i < sample; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            ++controls;
    }
    return controls * 100 > sample;
}

} // namespace

Result<DecodedText> decodeText(const QByteArray &bytes, const QString &fileName)
{
    if (startsWith(bytes, {0xFF, 0xFE}) || startsWith(bytes, {0xFE, 0xFF})) {
        return makeError(ErrorCode::Encoding,
                         QStringLiteral("le fichier est encodé en UTF-16, non pris en charge : "
                                        "enregistrez-le au format « CSV UTF-8 » ou « CSV "
                                        "(séparateur : point-virgule) »"),
                         fileName);
    }
    if (looksBinary(bytes)) {
        return makeError(ErrorCode::Encoding,
                         QStringLiteral("le fichier n'est pas un fichier texte CSV (contenu "
                                        "binaire) : s'il s'agit d'un classeur Excel, "
                                        "enregistrez-le au format « CSV (séparateur : "
                                        "point-virgule) »"),
                         fileName);
    }

    const bool hasBom = startsWith(bytes, {0xEF, 0xBB, 0xBF});
    const QByteArrayView body = QByteArrayView(bytes).sliced(hasBom ? 3 : 0);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(body);
    if (!utf8.hasError())
        return DecodedText{std::move(text), QStringLiteral("UTF-8")};

    // Qt resolves "windows-1252" through ICU; a Qt built without ICU cannot read these files.
    QStringDecoder windows1252("windows-1252", QStringDecoder::Flag::Stateless);
    if (!windows1252.isValid()) {
        return makeError(ErrorCode::Encoding,
                         QStringLiteral("le fichier n'est pas en UTF-8 et le décodage "
                                        "Windows-1252 n'est pas disponible sur ce poste : "
                                        "enregistrez-le au format « CSV UTF-8 »"),
                         fileName);
    }
    return DecodedText{windows1252.decode(body), QStringLiteral("Windows-1252")};
}

} // namespace pointage
