// The stored form of a roster row survives any text a Cyclades export can hold.
#include "QtPrinters.h"
#include "ledger/RosterRowJson.h"

#include <gtest/gtest.h>

using namespace pointage;

TEST(RosterRowJson, RoundTripsQuotesBackslashesControlsAndAccents)
{
    RosterRow row;
    row.candidateNumber = QStringLiteral("01234567890");
    row.version = 3;
    row.lastName = QStringLiteral("D'ALMEIDA \"dit\" LE\\BRUN");
    row.firstNames = QStringLiteral("Zoé\tÉlise\nMarie");
    row.birthDate = QDate(2009, 2, 28);
    row.specialtyLabel = QStringLiteral("PÂTISSIER ; œuvre");
    row.extra.insert(QStringLiteral("Aménagements"), QStringLiteral("tiers-temps \u0001"));
    const RosterRow back = rosterRowFromJson(rosterRowToJson(row));
    EXPECT_EQ(back.candidateNumber, row.candidateNumber);
    EXPECT_EQ(back.version, 3);
    EXPECT_EQ(back.lastName, row.lastName);
    EXPECT_EQ(back.firstNames, row.firstNames);
    EXPECT_EQ(back.birthDate, row.birthDate);
    EXPECT_EQ(back.specialtyLabel, row.specialtyLabel);
    EXPECT_EQ(back.extra, row.extra);
}

TEST(RosterRowJson, FingerprintChangesWithAnyFieldButNotWithTheLine)
{
    RosterRow row;
    row.candidateNumber = QStringLiteral("01234567890");
    row.lastName = QStringLiteral("MARTIN");
    const QString base = rosterRowFingerprint(row);
    RosterRow moved = row;
    moved.sourceLine = 42;
    EXPECT_EQ(rosterRowFingerprint(moved), base);
    RosterRow renamed = row;
    renamed.usageName = QStringLiteral("MARTIN");
    EXPECT_NE(rosterRowFingerprint(renamed), base);
    RosterRow extra = row;
    extra.extra.insert(QStringLiteral("Dispenses"), QStringLiteral("EP1"));
    EXPECT_NE(rosterRowFingerprint(extra), base);
}
