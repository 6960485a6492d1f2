#include "RosterFixtures.h"
#include "pointage/TextDecoding.h"

#include <QStringDecoder>
#include <QStringEncoder>

namespace pointage {
namespace {

using namespace Qt::StringLiterals;

// Every character Excel writes differently in Windows-1252 and in Latin-1 (0x80–0x9F), plus
// the accents of French names.
const QString frenchText =
    u"D'ALMEIDA;CŒURDEROY;Éloïse;Maëlys;FRANÇOIS;L'HÔTE;€ „…‰Š‹Ž‘’“”•–—˜™š›œžŸ"_s;

TEST(TextDecoding, ReadsUtf8AsUtf8)
{
    const auto decoded = decodeText(frenchText.toUtf8());
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->text, frenchText);
    EXPECT_EQ(decoded->encoding, u"UTF-8"_s);
}

TEST(TextDecoding, DropsUtf8ByteOrderMark)
{
    const auto decoded = decodeText(QByteArray("\xEF\xBB\xBF") + frenchText.toUtf8());
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->text, frenchText);
    EXPECT_EQ(decoded->encoding, u"UTF-8"_s);
}

TEST(TextDecoding, ReadsInvalidUtf8AsWindows1252)
{
    const QByteArray bytes = QStringEncoder("windows-1252").encode(frenchText);
    ASSERT_NE(bytes, frenchText.toUtf8());
    const auto decoded = decodeText(bytes);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->text, frenchText);
    EXPECT_EQ(decoded->encoding, u"Windows-1252"_s);
}

TEST(TextDecoding, DecodesEveryWindows1252ByteAsIcuDoes)
{
    QByteArray bytes;
    for (int byte = 0x20; byte <= 0xFF; ++byte)
        bytes += char(byte);
    const auto decoded = decodeText(bytes);
    ASSERT_TRUE(decoded.ok());
    ASSERT_EQ(decoded->encoding, u"Windows-1252"_s);
    QStringDecoder icu("windows-1252");
    ASSERT_TRUE(icu.isValid());
    EXPECT_EQ(decoded->text, QString(icu.decode(bytes)));
}

TEST(TextDecoding, ReadsPlainAsciiAsUtf8)
{
    const auto decoded = decodeText(QByteArray("No Candidat;Nom\r\n"));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->encoding, u"UTF-8"_s);
}

struct BinaryCase
{
    const char *name;
    QByteArray bytes;
};
void PrintTo(const BinaryCase &c, std::ostream *out)
{
    *out << c.name;
}

class TextDecodingRefuses : public testing::TestWithParam<BinaryCase>
{
};

TEST_P(TextDecodingRefuses, NonTextBytesNamingTheFile)
{
    const auto decoded = decodeText(GetParam().bytes, u"liste.csv"_s);
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().code, ErrorCode::Encoding);
    EXPECT_EQ(decoded.error().file, u"liste.csv"_s);
    EXPECT_TRUE(decoded.error().located().startsWith(u"liste.csv : "_s));
}

QByteArray controlCharacters()
{
    QByteArray bytes;
    for (int i = 0; i < 200; ++i)
        bytes += char(i % 2 == 0 ? 0x01 + i % 7 : 'a');
    return bytes;
}

INSTANTIATE_TEST_SUITE_P(
    Binary, TextDecodingRefuses,
    testing::Values(BinaryCase{"NulBytes", QByteArray("a;b\0c\n", 6)},
                    BinaryCase{"ExcelWorkbook", QByteArray("PK\x03\x04\x14\0\x06\0", 8)},
                    BinaryCase{"Pdf", QByteArray("%PDF-1.7\n\0\0\xff", 12)},
                    BinaryCase{"Utf16LittleEndian", QByteArray("\xff\xfeN\0o\0", 6)},
                    BinaryCase{"Utf16BigEndian", QByteArray("\xfe\xff\0N\0o", 6)},
                    BinaryCase{"ControlCharacters", controlCharacters()}),
    [](const testing::TestParamInfo<BinaryCase> &info) { return std::string(info.param.name); });

} // namespace
} // namespace pointage
