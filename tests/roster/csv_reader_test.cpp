#include "RosterFixtures.h"
#include "pointage/CsvReader.h"

namespace pointage {
namespace {

using namespace Qt::StringLiterals;

QList<QStringList> fieldsOf(const QList<CsvRecord> &records)
{
    QList<QStringList> fields;
    for (const CsvRecord &record : records)
        fields << record.fields;
    return fields;
}

struct SplitCase
{
    const char *name;
    QString text;
    QList<QStringList> expected;
};
void PrintTo(const SplitCase &c, std::ostream *out)
{
    *out << c.name;
}

class CsvReaderSplit : public testing::TestWithParam<SplitCase>
{
};

TEST_P(CsvReaderSplit, SplitsRecordsAsExpected)
{
    const Result<QList<CsvRecord>> records = readCsv(GetParam().text);
    ASSERT_TRUE(records.ok()) << records.error().message.toStdString();
    EXPECT_EQ(fieldsOf(records.value()), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Quoting, CsvReaderSplit,
    testing::Values(
        SplitCase{"PlainFields", u"a;b;c\nd;e;f\n"_s, {{"a", "b", "c"}, {"d", "e", "f"}}},
        SplitCase{"EmptyFieldsAndTrailingSeparator", u";x;;\n"_s, {{"", "x", "", ""}}},
        SplitCase{
            "KeepsSeparatorInsideDoubleQuotes", u"\"DUPONT; fils\";b\n"_s, {{"DUPONT; fils", "b"}}},
        SplitCase{
            "UndoublesDoubledQuotes", u"\"Pièce \"\"CERFA\"\"\";b\n"_s, {{"Pièce \"CERFA\"", "b"}}},
        SplitCase{
            "KeepsLineBreakInsideDoubleQuotes", u"\"a\r\nb\";c\r\nd\r\n"_s, {{"a\nb", "c"}, {"d"}}},
        SplitCase{"KeepsTextAfterClosingQuote", u"\"ab\"c;d\n"_s, {{"abc", "d"}}},
        SplitCase{"StripsSingleQuotes", u"'TEPC';x\n"_s, {{"TEPC", "x"}}},
        SplitCase{"KeepsSeparatorInsideSingleQuotes", u"'TEPC; PSE';x\n"_s, {{"TEPC; PSE", "x"}}},
        SplitCase{"UndoublesDoubledSingleQuotes", u"'N''DIAYE';x\n"_s, {{"N'DIAYE", "x"}}},
        SplitCase{"KeepsApostropheInsideSingleQuotes", u"'D'ALMEIDA';x\n"_s, {{"D'ALMEIDA", "x"}}},
        SplitCase{"TreatsInnerApostropheAsText",
                  u"D'ALMEIDA;N'DIAYE;L'HÔTE'\n"_s,
                  {{"D'ALMEIDA", "N'DIAYE", "L'HÔTE'"}}},
        SplitCase{"TreatsUnclosedLeadingApostropheAsText",
                  u"'O'NEIL;x;'TEPC\n"_s,
                  {{"'O'NEIL", "x", "'TEPC"}}},
        SplitCase{"NeverLetsSingleQuotesSpanLines", u"'abc\ndef';x\n"_s, {{"'abc"}, {"def'", "x"}}},
        SplitCase{"AcceptsCarriageReturnOnlyLineEnds", u"a;b\rc\r"_s, {{"a", "b"}, {"c"}}},
        SplitCase{"ReadsLastLineWithoutLineBreak", u"a\nb;c"_s, {{"a"}, {"b", "c"}}},
        SplitCase{"KeepsBlankLineAsOneEmptyField", u"a\n\nb\n"_s, {{"a"}, {""}, {"b"}}}),
    [](const testing::TestParamInfo<SplitCase> &info) { return std::string(info.param.name); });

TEST(CsvReader, KeepsSeparatorInsideQuotes)
{
    const auto records = readCsv(u"\"1;2\";'3;4';5\n"_s);
    ASSERT_TRUE(records.ok());
    EXPECT_EQ(records->at(0).fields, QStringList({"1;2", "3;4", "5"}));
}

TEST(CsvReader, UsesTheSeparatorItIsGiven)
{
    const auto comma = readCsv(u"a,\"b,c\";d\n"_s, CsvDialect{QLatin1Char(','), true});
    ASSERT_TRUE(comma.ok());
    EXPECT_EQ(comma->at(0).fields, QStringList({"a", "b,c;d"}));
    const auto tab = readCsv(u"a\tb;c\n"_s, CsvDialect{QLatin1Char('\t'), true});
    ASSERT_TRUE(tab.ok());
    EXPECT_EQ(tab->at(0).fields, QStringList({"a", "b;c"}));
}

TEST(CsvReader, KeepsSingleQuotesWhenTheDialectSaysSo)
{
    const auto records = readCsv(u"'TEPC';x\n"_s, CsvDialect{QLatin1Char(';'), false});
    ASSERT_TRUE(records.ok());
    EXPECT_EQ(records->at(0).fields, QStringList({"'TEPC'", "x"}));
}

TEST(CsvReader, NumbersRecordsByTheLineTheyStartOn)
{
    const auto records = readCsv(u"h\n\"two\nlines\";x\nnext\r\n\"a\r\nb\r\nc\"\nlast"_s);
    ASSERT_TRUE(records.ok());
    QList<int> lines;
    for (const CsvRecord &record : records.value())
        lines << record.line;
    EXPECT_EQ(lines, QList<int>({1, 2, 4, 5, 8}));
}

TEST(CsvReader, MarksOnlyAnUnterminatedLastRecord)
{
    const auto terminated = readCsv(u"a\nb\n"_s);
    const auto unterminated = readCsv(u"a\nb"_s);
    ASSERT_TRUE(terminated.ok() && unterminated.ok());
    EXPECT_TRUE(terminated->at(0).terminated);
    EXPECT_TRUE(terminated->at(1).terminated);
    EXPECT_TRUE(unterminated->at(0).terminated);
    EXPECT_FALSE(unterminated->at(1).terminated);
}

TEST(CsvReader, ReportsUnterminatedQuoteWithItsLine)
{
    const auto records = readCsv(u"a;b\nc;d\ne;\"never\nclosed;f\n"_s);
    ASSERT_FALSE(records.ok());
    EXPECT_EQ(records.error().code, ErrorCode::Format);
    EXPECT_EQ(records.error().line, 3);
}

TEST(CsvReader, ReturnsNothingForEmptyText)
{
    const auto records = readCsv(QString());
    ASSERT_TRUE(records.ok());
    EXPECT_TRUE(records->isEmpty());
}

} // namespace
} // namespace pointage
