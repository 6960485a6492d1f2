// `pointage calibrate` on generated scans, as an office fitting the signature zones: the zones
// drawn on the page, each judged as the check sees it, and a page without a confirmation code
// refused with its file and page.
#include "PageDegradation.h"
#include "PagePainter.h"
#include "ScanPdfWriter.h"
#include "SessionFolderRun.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage::testkit;
using pointage::e2e::pointageIn;

namespace {

// Page 1: both boxes signed; page 2: the candidate's box empty; page 3: a supporting page.
QString calibrationBatch(const QTemporaryDir &dir)
{
    ScanPdfWriter writer;
    for (const SignatureInk candidate : {SignatureInk::Signed, SignatureInk::Unsigned}) {
        PageSpec spec;
        spec.kind = PageKind::Confirmation;
        spec.payload = QStringLiteral("02270001001");
        spec.candidateSignature = candidate;
        writer.addPage(degrade(drawPage(spec, 300), Degradation::typicalScan(5)), 300);
    }
    writer.addPage(drawPage(PageSpec{}, 300), 300);
    const QString path = dir.filePath(QStringLiteral("confirmations.pdf"));
    EXPECT_TRUE(writer.save(path));
    return path;
}

} // namespace

TEST(CalibrateCli, DrawsTheZonesAndSaysWhatEachHolds)
{
    QTemporaryDir dir;
    const QString batch = calibrationBatch(dir);

    const auto signedPage = pointageIn(dir.path(), {QStringLiteral("calibrate"), batch});
    ASSERT_EQ(signedPage.exitCode, 0) << signedPage.err.toStdString();
    EXPECT_TRUE(signedPage.out.contains(QStringLiteral("02270001001")));
    EXPECT_EQ(signedPage.out.count(QStringLiteral(" : signée")), 2) << signedPage.out.toStdString();
    const QImage picture(dir.filePath(QStringLiteral("calibrage-signatures.png")));
    ASSERT_FALSE(picture.isNull());
    EXPECT_GT(picture.height(), picture.width());
    EXPECT_FALSE(QFileInfo(dir.filePath(QStringLiteral("calibrage-signatures.png"))).permissions() &
                 QFileDevice::ReadOther); // a candidate's confirmation: its owner's only

    const auto unsignedPage =
        pointageIn(dir.path(), {QStringLiteral("calibrate"), batch + QStringLiteral("#2"),
                                QStringLiteral("--out"), QStringLiteral("page2.png")});
    ASSERT_EQ(unsignedPage.exitCode, 0) << unsignedPage.err.toStdString();
    EXPECT_EQ(unsignedPage.out.count(QStringLiteral(" : non signée")), 1)
        << unsignedPage.out.toStdString();
    EXPECT_EQ(unsignedPage.out.count(QStringLiteral(" : signée")), 1);
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("page2.png"))));
}

TEST(CalibrateCli, RefusesAPageWithoutAConfirmationCodeNamingFileAndPage)
{
    QTemporaryDir dir;
    const QString batch = calibrationBatch(dir);
    const auto refused =
        pointageIn(dir.path(), {QStringLiteral("calibrate"), batch + QStringLiteral("#3")});
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("confirmations.pdf")))
        << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("page 3")));
    EXPECT_TRUE(refused.err.contains(QStringLiteral("aucun code de confirmation")));
    const auto noPage =
        pointageIn(dir.path(), {QStringLiteral("calibrate"), batch + QStringLiteral("#9")});
    EXPECT_NE(noPage.exitCode, 0);
    EXPECT_TRUE(noPage.err.contains(QStringLiteral("pas de page 9")));
    const auto notANumber =
        pointageIn(dir.path(), {QStringLiteral("calibrate"), batch + QStringLiteral("#deux")});
    EXPECT_NE(notANumber.exitCode, 0);
    EXPECT_TRUE(notANumber.err.contains(QStringLiteral("numéro de page")))
        << notANumber.err.toStdString();
}
