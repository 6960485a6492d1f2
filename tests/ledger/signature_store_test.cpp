// Signature readings in the ledger (schema v6): stored with their page, read back by the
// snapshot without the crops and by page with them, replaced by a forced re-ingest; a
// signature verdict is a decision like any other.
#include "LedgerFixtures.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testkit;

namespace {

ScannedFile scannedFile()
{
    ScannedFile file;
    file.path = QStringLiteral("scans/lot-signatures.pdf");
    file.sha256 = QStringLiteral("feed");
    file.received = QDate(2026, 12, 10);
    file.pageCount = 1;
    return file;
}

PageRead confirmationWith(SignatureFinding candidate, const QByteArray &picture)
{
    PageRead page;
    page.pageNumber = 1;
    page.codes = {{QStringLiteral("Code128"), QStringLiteral("01234567890"), 0}};
    page.signatureDpi = 150;
    ZoneReading zone;
    zone.key = QStringLiteral("candidat");
    zone.label = QStringLiteral("signature du candidat");
    zone.finding = candidate;
    zone.inkShare = 0.031;
    zone.strokes = 5;
    zone.area = QPolygonF({{100.5, 1400}, {600, 1400.5}, {600, 1600}, {100, 1600}});
    zone.picture = picture;
    ZoneReading head = zone;
    head.key = QStringLiteral("chef_etablissement");
    head.finding = SignatureFinding::StampAccepted;
    head.picture.clear();
    page.signatures = {zone, head};
    return page;
}

} // namespace

TEST_F(LedgerTest, SignatureReadingsAreKeptWithTheirPageAndReplacedByAForcedReingest)
{
    const QByteArray crop("\x89PNG crop", 9);
    ASSERT_TRUE(ledger()
                    .recordScannedFile(scannedFile(),
                                       {confirmationWith(SignatureFinding::MostlyOutside, crop)},
                                       false)
                    .ok());
    auto snap = ledger().snapshot();
    ASSERT_TRUE(snap.ok());
    ASSERT_EQ(snap->pages.size(), 1);
    const PageRead &read = snap->pages.first().read;
    EXPECT_EQ(read.signatureDpi, 150);
    ASSERT_EQ(read.signatures.size(), 2);
    EXPECT_EQ(read.signatures[0].finding, SignatureFinding::MostlyOutside);
    EXPECT_EQ(read.signatures[0].label, QStringLiteral("signature du candidat"));
    EXPECT_EQ(read.signatures[0].strokes, 5);
    EXPECT_DOUBLE_EQ(read.signatures[0].inkShare, 0.031);
    EXPECT_EQ(read.signatures[0].area,
              QPolygonF({{100.5, 1400}, {600, 1400.5}, {600, 1600}, {100, 1600}}));
    EXPECT_TRUE(read.signatures[0].picture.isEmpty()) << "the snapshot leaves crops out";
    EXPECT_EQ(read.signatures[1].finding, SignatureFinding::StampAccepted);

    const qint64 pageId = snap->pages.first().id;
    auto codes = ledger().pageCodes(pageId);
    ASSERT_TRUE(codes.ok());
    ASSERT_EQ(codes->size(), 1);
    EXPECT_EQ(codes->first().text, QStringLiteral("01234567890"));
    auto zones = ledger().pageSignatures(pageId);
    ASSERT_TRUE(zones.ok());
    ASSERT_EQ(zones->size(), 2);
    EXPECT_EQ(zones->at(0).picture, crop);
    EXPECT_TRUE(zones->at(1).picture.isEmpty());

    // Read again (a better scanner setting, new zones): the new readings only, same page id.
    ASSERT_TRUE(ledger()
                    .recordScannedFile(scannedFile(),
                                       {confirmationWith(SignatureFinding::Handwriting, {})}, true)
                    .ok());
    zones = ledger().pageSignatures(pageId);
    ASSERT_TRUE(zones.ok());
    ASSERT_EQ(zones->size(), 2);
    EXPECT_EQ(zones->at(0).finding, SignatureFinding::Handwriting);
    EXPECT_TRUE(zones->at(0).picture.isEmpty());
}

TEST_F(LedgerTest, ASignatureVerdictIsStoredAndUndoneLikeAnyDecision)
{
    ASSERT_TRUE(ledger()
                    .recordScannedFile(scannedFile(),
                                       {confirmationWith(SignatureFinding::MostlyOutside, {})},
                                       false)
                    .ok());
    auto page = ledger().resolvePage(QStringLiteral("lot-signatures.pdf#1"));
    ASSERT_TRUE(page.ok());
    Decision d;
    d.kind = DecisionKind::SignatureUnsigned;
    d.pageId = page.value();
    d.candidateNumber = QStringLiteral("01234567890");
    auto id = ledger().recordDecision(d);
    ASSERT_TRUE(id.ok());
    auto active = ledger().decisions(false);
    ASSERT_TRUE(active.ok());
    ASSERT_EQ(active->size(), 1);
    EXPECT_EQ(active->first().kind, DecisionKind::SignatureUnsigned);
    ASSERT_TRUE(ledger().undoDecision(id.value(), {}).ok());
    EXPECT_TRUE(ledger().decisions(false)->isEmpty());
}
