#include "pointage/ReportFileName.h"

#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace pointage;

namespace {

struct StemCase
{
    const char *uai;
    const char *name;
    int maxLength;
    const char *expected;
};

const StemCase stemCases[] = {
    {"0131234X", "Lycée professionnel Le Châtelier", 80,
     "0131234X_LYCEE_PROFESSIONNEL_LE_CHATELIER"},
    {"0131234X", "CFA du Sacré-Cœur", 80, "0131234X_CFA_DU_SACRE_COEUR"},
    {"0131234X", "MFR La Bastide d'Argens", 80, "0131234X_MFR_LA_BASTIDE_D_ARGENS"},
    {"0131234X", "..\\..\\etc/passwd", 80, "0131234X_ETC_PASSWD"},
    {"0131234X", "A<B>C:D\"E/F\\G|H?I*J", 80, "0131234X_A_B_C_D_E_F_G_H_I_J"},
    {"0131234X", "Lycée. ", 80, "0131234X_LYCEE"},
    {"0131234X", "\t\r\nGRETA\x01Provence", 80, "0131234X_GRETA_PROVENCE"},
    {"0131234X", "", 80, "0131234X"},
    {"0131234X", "École", 12, "0131234X_ECO"},
    {"", "Lycée", 80, "SANS_UAI_LYCEE"},
    {"../0131234X", "X", 80, "0131234X_X"},
};

} // namespace

TEST(ReportFileName, FoldsAccentsAndReplacesUnsafeCharacters)
{
    for (const StemCase &c : stemCases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(schoolFileStem(QString::fromUtf8(c.uai), QString::fromUtf8(c.name), c.maxLength),
                  QString::fromUtf8(c.expected));
    }
}

TEST(ReportFileName, NeverProducesCharactersWindowsRejects)
{
    const QRegularExpression safe(QStringLiteral("^[A-Z0-9_]+$"));
    const QString hostile = QStringLiteral("«Ünïcödé» ½ ﬁ 東京 \u200B…<>:\"/\\|?*. ");
    for (int length = 1; length <= 40; ++length) {
        const QString stem = schoolFileStem(QStringLiteral("0131234X"), hostile, length + 9);
        EXPECT_TRUE(safe.match(stem).hasMatch()) << stem.toStdString();
        EXPECT_LE(stem.size(), length + 9);
        EXPECT_FALSE(stem.endsWith(u'.') || stem.endsWith(u' '));
    }
}

TEST(ReportFileName, BoundsLongNames)
{
    const QString longName = QStringLiteral("Lycée des métiers ").repeated(30);
    const QString stem = schoolFileStem(QStringLiteral("0131234X"), longName);
    EXPECT_LE(stem.size(), 80);
    EXPECT_TRUE(stem.startsWith(QStringLiteral("0131234X_LYCEE_DES_METIERS")));
    EXPECT_FALSE(stem.endsWith(u'_'));
}

TEST(ReportFileName, AvoidsReservedDeviceNames)
{
    EXPECT_EQ(asciiFileComponent(QStringLiteral("con"), 10), QStringLiteral("CON_"));
    EXPECT_EQ(asciiFileComponent(QStringLiteral("Lpt1"), 10), QStringLiteral("LPT1_"));
    EXPECT_EQ(asciiFileComponent(QStringLiteral("Console"), 10), QStringLiteral("CONSOLE"));
}
