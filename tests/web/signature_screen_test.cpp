// The page screen of a confirmation whose signature boxes could not be placed (read from its
// 2D code only, its barcode unreadable): the clerk is told to look at the signature on the page
// itself, with no broken image where a crop would be, and can still answer.
#include "PageDegradation.h"
#include "PagePainter.h"
#include "ScanPdfWriter.h"
#include "WebFixtures.h"

#include <QRegularExpression>
#include <gtest/gtest.h>

namespace pointage::webtest {
namespace {

using namespace pointage::testkit;

TEST(SignatureScreen, AZoneWithoutACropSaysToLookAtThePage)
{
    // TESSIER's confirmation has not come back in the bundled sample.
    const SampleDeskSession session({}, [](const SampleDeskSession &s) {
        ScanPdfWriter writer;
        PageSpec spec;
        spec.kind = PageKind::Confirmation;
        spec.payload = QStringLiteral("02270004002");
        spec.symbology = Symbology::QRCode;
        writer.addPage(degrade(drawPage(spec, 300), Degradation::typicalScan(3)), 300);
        const QString lot = s.path(QStringLiteral("lot-qr.pdf"));
        if (!writer.save(lot))
            return QStringLiteral("cannot write lot-qr.pdf");
        const CommandRun ingested =
            runPointage(s.ledger(), {QStringLiteral("ingest"), QStringLiteral("--received"),
                                     QStringLiteral("10/12/2026"), lot});
        return ingested.exitCode == 0 ? QString() : QString::fromUtf8(ingested.err);
    });
    ASSERT_TRUE(session.problem().isEmpty()) << session.problem().toStdString();

    const QString queue = session.get("/pages").text();
    const QRegularExpression row(
        QStringLiteral("href=\"/pages/(\\d+)\">n° \\d+</a></td><td>lot-qr.pdf</td>"));
    const QByteArray id = row.match(queue).captured(1).toLatin1();
    ASSERT_FALSE(id.isEmpty()) << queue.toStdString();

    const QString screen = session.get("/pages/" + id).text();
    EXPECT_TRUE(screen.contains(QStringLiteral("code-barres illisible ou mal situé")))
        << screen.toStdString();
    EXPECT_TRUE(screen.contains(QStringLiteral("regardez la signature sur la page elle-même")));
    EXPECT_FALSE(screen.contains(QStringLiteral("class=\"zone-signature\"")))
        << "no image of a zone that was never placed";
    EXPECT_TRUE(screen.contains(QStringLiteral("/pages/") + QString::fromLatin1(id) +
                                QStringLiteral("/signee")))
        << "the clerk can still answer";
}

} // namespace
} // namespace pointage::webtest
