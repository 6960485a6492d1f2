#include "pointage/BarcodePatterns.h"

#include <gtest/gtest.h>

using namespace pointage;
using Kind = BarcodeClass::Kind;

namespace {

struct ClassifyCase
{
    const char *value;
    Kind kind;
    const char *candidate;
    const char *inscription;
    int version;
    const char *piece;
};

const ClassifyCase kDefaultCases[] = {
    {"01234567890", Kind::Confirmation, "01234567890", "", 0, ""},
    {"1234567890", Kind::Confirmation, "01234567890", "", 0, ""}, // leading zero lost
    {"01234567890 101 V2", Kind::Confirmation, "01234567890", "101", 2, ""},
    {"01234567890-101-V2", Kind::Confirmation, "01234567890", "101", 2, ""},
    {"01234567890101V12", Kind::Confirmation, "01234567890", "101", 12, ""},
    {"  01234567890 \n", Kind::Confirmation, "01234567890", "", 0, ""},
    {"PJ-ID", Kind::Separator, "", "", 0, "ID"},
    {"PJ:DIPLOME", Kind::Separator, "", "", 0, "DIPLOME"},
    {"pj-id", Kind::Foreign, "", "", 0, ""},
    {"PJ-X", Kind::Foreign, "", "", 0, ""},
    {"012345678901", Kind::Foreign, "", "", 0, ""},
    {"0123456789A", Kind::Foreign, "", "", 0, ""},
    {"0021Dz470589", Kind::Foreign, "", "", 0, ""},
    {"https://example.org/01234567890", Kind::Foreign, "", "", 0, ""},
    {"", Kind::Foreign, "", "", 0, ""},
};

} // namespace

TEST(BarcodePatterns, DefaultPatternsClassifyEveryKindOfValue)
{
    const BarcodePatterns patterns;
    for (const ClassifyCase &c : kDefaultCases) {
        SCOPED_TRACE(c.value);
        const BarcodeClass found = patterns.classify(QString::fromUtf8(c.value));
        EXPECT_EQ(found.kind, c.kind);
        EXPECT_EQ(found.candidateNumber, QString::fromUtf8(c.candidate));
        EXPECT_EQ(found.inscriptionNumber, QString::fromUtf8(c.inscription));
        EXPECT_EQ(found.version, c.version);
        EXPECT_EQ(found.pieceCode, QString::fromUtf8(c.piece));
    }
}

TEST(BarcodePatterns, DefaultsAreTheDocumentedPatterns)
{
    const BarcodePatterns patterns;
    EXPECT_EQ(patterns.confirmationPattern(), BarcodePatterns::defaultConfirmationPattern());
    EXPECT_EQ(patterns.separatorPattern(), BarcodePatterns::defaultSeparatorPattern());
    EXPECT_TRUE(patterns.confirmationPattern().contains(QStringLiteral("(?<candidate>")));
}

TEST(BarcodePatterns, CustomPatternMustMatchTheWholeValue)
{
    auto patterns = BarcodePatterns::create(QStringLiteral("CAP(?<candidate>\\d{11})"),
                                            QStringLiteral("SEP(?<piece>[A-Z]+)"));
    ASSERT_TRUE(patterns.ok()) << patterns.error().message.toStdString();
    EXPECT_EQ(patterns->classify(QStringLiteral("CAP01234567890")).kind, Kind::Confirmation);
    EXPECT_EQ(patterns->classify(QStringLiteral("XCAP01234567890Y")).kind, Kind::Foreign);
    EXPECT_EQ(patterns->classify(QStringLiteral("SEPID")).pieceCode, QStringLiteral("ID"));
    EXPECT_EQ(patterns->classify(QStringLiteral("01234567890")).kind, Kind::Foreign);
}

TEST(BarcodePatterns, CandidateGroupThatIsNotACandidateNumberIsForeign)
{
    auto patterns = BarcodePatterns::create(QStringLiteral("(?<candidate>[A-Z0-9]{11})"),
                                            BarcodePatterns::defaultSeparatorPattern());
    ASSERT_TRUE(patterns.ok());
    EXPECT_EQ(patterns->classify(QStringLiteral("ABCDEFGHIJK")).kind, Kind::Foreign);
    EXPECT_EQ(patterns->classify(QStringLiteral("12345678901")).kind, Kind::Confirmation);
}

TEST(BarcodePatterns, RejectsInvalidOrIncompletePatternsInFrench)
{
    const struct
    {
        const char *confirmation;
        const char *separator;
        const char *mentions;
    } cases[] = {
        {"(?<candidate>\\d{11}", "^PJ-(?<piece>\\w+)$", "invalide"},
        {"^\\d{11}$", "^PJ-(?<piece>\\w+)$", "(?<candidate>"},
        {"^(?<candidate>\\d{11})$", "^PJ-(\\w+)$", "(?<piece>"},
        {"^(?<candidate>\\d{11})$", "^PJ-(?<piece>[A-Z$", "intercalaire"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.confirmation);
        auto patterns = BarcodePatterns::create(QString::fromUtf8(c.confirmation),
                                                QString::fromUtf8(c.separator));
        ASSERT_FALSE(patterns.ok());
        EXPECT_EQ(patterns.error().code, ErrorCode::Config);
        EXPECT_TRUE(patterns.error().message.contains(QString::fromUtf8(c.mentions)))
            << patterns.error().message.toStdString();
    }
}
