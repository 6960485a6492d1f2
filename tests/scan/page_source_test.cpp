// Page sources: every input kind a scanner produces opens and renders grey at the asked
// resolution; every broken input gives its typed error and a French message naming the file.
#include "PageBatch.h"
#include "ScanFixtures.h"
#include "ScanImageWriter.h"
#include "pointage/PageReader.h"

#include <QFile>
#include <QRegularExpression>

using namespace pointage;
using namespace pointage::testkit;

namespace {

QStringList codesOn(PageSource &source, int page)
{
    QStringList values;
    for (const BarcodeRead &code : PageReader().read(source, page).codes)
        values.append(code.text);
    return values;
}

TEST(PageSource, MultiPageTiffHasOneSourcePagePerFrame)
{
    ScanFolder folder;
    QList<QImage> frames;
    for (const char *payload : {"01111111111", "02222222222", "03333333333"})
        frames.append(degrade(drawPage(confirmationSpec(QString::fromLatin1(payload)), 200),
                              Degradation::typicalScan(3)));
    ASSERT_TRUE(writeMultiPageTiff(folder.path(QStringLiteral("lot.tif")), frames, 200));
    auto source = openOrFail(folder.path(QStringLiteral("lot.tif")));
    ASSERT_TRUE(source);
    ASSERT_EQ(source->pageCount(), 3);
    EXPECT_EQ(codesOn(*source, 2), QStringList{QStringLiteral("03333333333")});
    EXPECT_EQ(codesOn(*source, 0), QStringList{QStringLiteral("01111111111")});
    EXPECT_EQ(codesOn(*source, 1), QStringList{QStringLiteral("02222222222")});
}

struct ImageFileCase
{
    const char *name;
    const char *format;
};

class SinglePageImageFile : public ::testing::TestWithParam<ImageFileCase>
{
};

TEST_P(SinglePageImageFile, RendersGreyAtTheAskedResolutionAndReads)
{
    ScanFolder folder;
    const QImage page = degrade(drawPage(confirmationSpec(), 300), Degradation::typicalScan(5));
    const QString file = folder.path(QString::fromLatin1(GetParam().name));
    ASSERT_TRUE(writeImageFile(file, page, 300, GetParam().format));
    auto source = openOrFail(file);
    ASSERT_TRUE(source);
    EXPECT_EQ(source->pageCount(), 1);
    const Result<QImage> rendered = source->render(0, 150);
    ASSERT_TRUE(rendered.ok());
    EXPECT_EQ(rendered->format(), QImage::Format_Grayscale8);
    EXPECT_NEAR(rendered->width(), page.width() / 2, 2);
    EXPECT_EQ(codesOn(*source, 0), QStringList{QStringLiteral("01234567890-123V2")});
}

INSTANTIATE_TEST_SUITE_P(Formats, SinglePageImageFile,
                         ::testing::Values(ImageFileCase{"scan.png", "png"},
                                           ImageFileCase{"scan.jpg", "jpeg"},
                                           // The content decides, not the name.
                                           ImageFileCase{"scan-named-like-a.pdf", "png"}),
                         [](const auto &info) {
                             return std::string(info.param.format) +
                                    (info.index == 2 ? "_misnamed" : "");
                         });

struct PdfEncodingCase
{
    const char *name;
    PdfImageEncoding encoding;
};

class ScannerPdf : public ::testing::TestWithParam<PdfEncodingCase>
{
};

TEST_P(ScannerPdf, ReadsTheConfirmationWithBothRenderers)
{
    ScanFolder folder;
    const QImage page = degrade(drawPage(confirmationSpec(), 200), Degradation::typicalScan(9));
    const QString file = folder.pdf(QStringLiteral("scan.pdf"), page, 200, GetParam().encoding);
    for (const PdfRendering rendering :
         {PdfRendering::PopplerOnly, PdfRendering::FastWhenPlainScan}) {
        auto source = openOrFail(file, rendering);
        ASSERT_TRUE(source);
        const Result<QImage> rendered = source->render(0, 150);
        ASSERT_TRUE(rendered.ok());
        EXPECT_EQ(rendered->format(), QImage::Format_Grayscale8);
        EXPECT_NEAR(rendered->width(), 1240, 2);
        EXPECT_EQ(codesOn(*source, 0), QStringList{QStringLiteral("01234567890-123V2")});
    }
}

INSTANTIATE_TEST_SUITE_P(
    Encodings, ScannerPdf,
    ::testing::Values(PdfEncodingCase{"GreyJpeg", PdfImageEncoding::GreyJpeg},
                      PdfEncodingCase{"ColourJpeg", PdfImageEncoding::ColourJpeg},
                      PdfEncodingCase{"GreyFlate", PdfImageEncoding::GreyFlate}),
    [](const auto &info) { return std::string(info.param.name); });

struct BadInputCase
{
    const char *name;
    const char *file;
    bool (*write)(const QString &path);
    ErrorCode expected;
};

bool writeNothing(const QString &)
{
    return true;
}
bool writeZeroBytes(const QString &path)
{
    return writeBytes(path, {});
}
bool writeGarbage(const QString &path)
{
    return writeBytes(path, QByteArray("Ceci n'est pas un PDF.\n").repeated(40));
}
bool writeBrokenPdf(const QString &path)
{
    return writeBytes(path, QByteArray("%PDF-1.4\n1 0 obj << /Type /Catalog >>\n"
                                       "%%EOF trailer garbage\xff\xfe"));
}
bool writeTruncated(const QString &path)
{
    return writeTruncatedPdf(path, drawPage(confirmationSpec(), 100), 100, 0.5);
}
bool writeBrokenPng(const QString &path)
{
    return writeBytes(path, QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(300, '\x07'));
}

const BadInputCase kBadInputs[] = {
    {"Missing", "absent.pdf", writeNothing, ErrorCode::FileNotFound},
    {"ZeroBytes", "vide.pdf", writeZeroBytes, ErrorCode::EmptyFile},
    {"TextNamedPdf", "texte.pdf", writeGarbage, ErrorCode::Format},
    {"BrokenPdf", "casse.pdf", writeBrokenPdf, ErrorCode::Format},
    {"TruncatedPdf", "tronque.pdf", writeTruncated, ErrorCode::Format},
    {"Encrypted", "protege.pdf", writeEncryptedPdf, ErrorCode::Encrypted},
    {"NoPages", "sans-page.pdf", writePdfWithoutPages, ErrorCode::EmptyFile},
    {"BrokenPng", "image.png", writeBrokenPng, ErrorCode::Format},
};

class BadInput : public ::testing::TestWithParam<BadInputCase>
{
};

TEST_P(BadInput, GivesTypedErrorAndFrenchMessageNamingTheFile)
{
    ScanFolder folder;
    const QString path = folder.path(QString::fromLatin1(GetParam().file));
    ASSERT_TRUE(GetParam().write(path));
    for (const PdfRendering rendering :
         {PdfRendering::PopplerOnly, PdfRendering::FastWhenPlainScan}) {
        const auto source = openPageSource(path, rendering);
        ASSERT_FALSE(source.ok());
        EXPECT_EQ(source.error().code, GetParam().expected);
        EXPECT_EQ(source.error().file, QString::fromLatin1(GetParam().file));
        const QString located = source.error().located();
        EXPECT_TRUE(
            located.startsWith(QString::fromLatin1(GetParam().file) + QStringLiteral(" : ")))
            << qPrintable(located);
        // French for the clerk: accented or French words, not an English library message.
        EXPECT_TRUE(
            located.contains(QRegularExpression(QStringLiteral("\\b(le|la|ce|ne|fichier)\\b"))))
            << qPrintable(located);
    }
}

INSTANTIATE_TEST_SUITE_P(Files, BadInput, ::testing::ValuesIn(kBadInputs),
                         [](const auto &info) { return std::string(info.param.name); });

// However a PDF is cut, opening and rendering it either works or fails cleanly.
TEST(PageSource, SurvivesPdfsTruncatedAnywhere)
{
    ScanFolder folder;
    const QImage page = drawPage(confirmationSpec(), 100);
    for (int percent = 5; percent <= 100; percent += 5) {
        const QString path = folder.path(QStringLiteral("cut%1.pdf").arg(percent));
        ASSERT_TRUE(writeTruncatedPdf(path, page, 100, percent / 100.0));
        for (const PdfRendering rendering :
             {PdfRendering::PopplerOnly, PdfRendering::FastWhenPlainScan}) {
            auto source = openPageSource(path, rendering);
            if (!source) {
                EXPECT_FALSE(source.error().message.isEmpty());
                continue;
            }
            for (int i = 0; i < source.value()->pageCount(); ++i) {
                const Result<QImage> image = source.value()->render(i, 50);
                EXPECT_TRUE(image.ok() || image.error().code == ErrorCode::Decode) << percent;
            }
        }
    }
}

} // namespace
