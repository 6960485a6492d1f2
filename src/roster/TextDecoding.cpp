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

// Windows-1252 is Latin-1 except for 0x80–0x9F, where it puts €, œ, Œ, curly quotes and dashes.
// A table needs no ICU (QStringDecoder only knows this codec through it) and is several times
// faster on a 100,000-row export. The five unassigned bytes map to the C1 controls, as browsers do.
QString decodeWindows1252(QByteArrayView bytes)
{
    static constexpr char16_t from0x80[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    };
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        *out++ = QChar(c >= 0x80 && c < 0xA0 ? from0x80[c - 0x80] : char16_t(c));
    }
    return text;
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

    return DecodedText{decodeWindows1252(body), QStringLiteral("Windows-1252")};
}

} // namespace pointage
