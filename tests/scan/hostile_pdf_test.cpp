// The hand-written PDF reader on hostile files: lengths and numbers far out of range, junk that
// made it quadratic, values that would overflow a conversion. Each case once crashed, hung or
// hit undefined behaviour (the sanitizer run, scripts/test.sh --sanitize, catches the latter).
#include "ScanFixtures.h"
#include "scan/PdfFile.h"
#include "scan/PlainScanPage.h"

#include <QRegularExpression>
#include <climits>
#include <cmath>

using namespace pointage;
using namespace pointage::testkit;

namespace {

QByteArray onePageScan()
{
    ScanPdfWriter writer;
    writer.addPage(drawPage(confirmationSpec(), 60), 60);
    return writer.pdf();
}

// `bytes` with the first match of `pattern` replaced by `replacement`.
QByteArray replaced(QByteArray bytes, const char *pattern, const QByteArray &replacement)
{
    const QRegularExpressionMatch match =
        QRegularExpression(QLatin1String(pattern)).match(QString::fromLatin1(bytes));
    EXPECT_TRUE(match.hasMatch()) << pattern;
    return bytes.replace(match.capturedStart(), match.capturedLength(), replacement);
}

qint64 bytesExaminedIndexing(const QByteArray &bytes)
{
    pdfBytesExamined() = 0;
    (void)PdfFile::index(bytes);
    return pdfBytesExamined();
}

TEST(HostilePdf, StreamLengthsOutOfRangeAreCheckedBeforeAnyArithmetic)
{
    const QByteArray scan = onePageScan();
    for (const QByteArray &length :
         {QByteArray("9223372036854775000"), QByteArray("9223372036854775807"),
          QByteArray("-9223372036854775000"), QByteArray("18446744073709551616"),
          QByteArray(QByteArray("1") + QByteArray(300, '0')), QByteArray("-1"), QByteArray("3.5"),
          QByteArray("2147483648")}) {
        SCOPED_TRACE(length.constData());
        // The image stream: its length is wrong, so the reader finds "endstream" instead.
        const QByteArray bytes =
            replaced(scan, "/Length \\d+ >>\\s*stream", "/Length " + length + " >>\nstream");
        const std::optional<PdfFile> file = PdfFile::index(bytes);
        ASSERT_TRUE(file.has_value());
        const std::optional<PlainScanPage> page = PlainScanPage::find(*file, 0);
        ASSERT_TRUE(page.has_value());
        EXPECT_FALSE(page->decode(30).isNull());
    }
}

TEST(HostilePdf, NumbersOutOfIntRangeAreDeclinedNotConverted)
{
    const QByteArray scan = onePageScan();
    const struct
    {
        const char *pattern;
        QByteArray replacement;
    } cases[] = {
        {"/Width \\d+", "/Width 100000000000000000000000"},
        {"/Height \\d+", "/Height 2147483648"},
        {"/Height \\d+", "/Height -1"},
        {"/MediaBox \\[0 0 [\\d.]+", "/MediaBox [0 0 1" + QByteArray(300, '0')},
        {"/Type /Page ", "/Type /Page /Rotate 99999999999999999999 "},
        {"/Type /Page ", "/Type /Page /Rotate 2147483740 "},
        {"\\d+ 0 0 [\\d.]+ 0 0 cm", "2147483648 0 0 2147483648 0 0 cm"},
        {"\\d+ 0 0 [\\d.]+ 0 0 cm", "1" + QByteArray(330, '9') + " 0 0 1 0 0 cm"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.replacement.left(60).constData());
        const QByteArray bytes = replaced(scan, c.pattern, c.replacement); // the file views it
        const std::optional<PdfFile> file = PdfFile::index(bytes);
        ASSERT_TRUE(file.has_value());
        EXPECT_FALSE(PlainScanPage::find(*file, 0).has_value());
    }
}

TEST(HostilePdf, ObjectNumbersBeyondIntAreNotReferences)
{
    const struct
    {
        const char *text;
        bool reference;
    } cases[] = {{"7 0 R", true},           {"2147483647 0 R", true}, {"2147483648 0 R", false},
                 {"4294967297 0 R", false}, {"-3 0 R", false},        {"2.5 0 R", false}};
    for (const auto &c : cases) {
        const std::optional<PdfValue> value = PdfParser(c.text).parseValue();
        ASSERT_TRUE(value.has_value()) << c.text;
        EXPECT_EQ(value->type == PdfValue::Type::Reference, c.reference) << c.text;
        if (c.reference) {
            EXPECT_EQ(value->objectNumber, QByteArray(c.text).split(' ').first().toInt());
        }
    }
}

TEST(HostilePdf, IntegerAcceptsOnlyWholeNumbersInRange)
{
    const struct
    {
        double number;
        bool whole;
    } cases[] = {{0, true},         {65535, true},  {65536, false},  {-1, false},
                 {2.5, false},      {1e300, false}, {-1e300, false}, {9007199254740994.0, false},
                 {INFINITY, false}, {NAN, false}};
    for (const auto &c : cases) {
        PdfValue value;
        value.type = PdfValue::Type::Number;
        value.number = c.number;
        EXPECT_EQ(value.integer(0, 65535).has_value(), c.whole) << c.number;
    }
}

// Unterminated hex strings used to be searched to the end of the file for their '>', once per
// "obj" keyword: 37 s for 8 MiB of such junk between "trailer" and "startxref". Each byte is now
// examined a bounded number of times, whatever the junk.
TEST(HostilePdf, JunkIsIndexedInLinearTime)
{
    const QByteArray head = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                            "trailer << /Root 1 0 R >>\n";
    for (const QByteArray &unit :
         {QByteArray("9 0 obj <0a\n"), QByteArray("<<<<<<<<<<<<<<< "), QByteArray("1 0 obj [< "),
          QByteArray("1 0 obj << /K <a "), QByteArray("1 0 obj (1 0 obj <"),
          QByteArray("1 0 obj <</Length 99 >>stream\n< ")}) {
        SCOPED_TRACE(unit.constData());
        const QByteArray small = head + unit.repeated((1 << 20) / unit.size()) + "\nstartxref\n";
        const QByteArray large = head + unit.repeated((8 << 20) / unit.size()) + "\nstartxref\n";
        const qint64 smallCost = bytesExaminedIndexing(small);
        const qint64 largeCost = bytesExaminedIndexing(large);
        EXPECT_LE(largeCost, 4 * large.size());
        EXPECT_LE(largeCost, 10 * smallCost) << smallCost << " then " << largeCost;
    }
}

// A flat page tree (as big batches have) used to copy the whole /Kids array into each page.
TEST(HostilePdf, FlatPageTreeIsIndexedInLinearTime)
{
    const auto tree = [](int pages) -> QByteArray {
        QByteArray kids;
        QByteArray objects;
        for (int i = 0; i < pages; ++i) {
            kids += QByteArray::number(10 + i) + " 0 R ";
            objects +=
                QByteArray::number(10 + i) + " 0 obj << /Type /Page /Parent 2 0 R >> endobj\n";
        }
        return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
               "2 0 obj << /Type /Pages /MediaBox [0 0 595 842] /Count " +
               QByteArray::number(pages) + " /Kids [" + kids + "] >> endobj\n" + objects +
               "trailer << /Root 1 0 R >>\n%%EOF\n";
    };
    const QByteArray small = tree(2000);
    const QByteArray large = tree(16000);
    pdfBytesExamined() = 0;
    const std::optional<PdfFile> file = PdfFile::index(large);
    const qint64 largeCost = pdfBytesExamined();
    ASSERT_TRUE(file.has_value());
    EXPECT_EQ(file->pageCount(), 16000);
    EXPECT_LE(largeCost, 10 * bytesExaminedIndexing(small));
}

// An inherited dictionary is copied into every page below it: a huge one is declined (Poppler
// takes the file) rather than copied a hundred thousand times.
TEST(HostilePdf, HugeInheritedEntryIsDeclined)
{
    QByteArray kids;
    for (int i = 0; i < 100; ++i)
        kids += "<< /Type /Page >> ";
    const QByteArray bytes = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                             "2 0 obj << /Type /Pages /Resources [" +
                             QByteArray("0 ").repeated(100000) + "] /Kids [" + kids +
                             "] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    EXPECT_FALSE(PdfFile::index(bytes).has_value());
}

} // namespace
