#include "pointage/PageClassifier.h"

#include <gtest/gtest.h>

using namespace pointage;

namespace {

PageRead pageWith(const QStringList &codes)
{
    PageRead read;
    read.pageNumber = 1;
    const QString formats[] = {QStringLiteral("Code128"), QStringLiteral("QRCode")};
    for (int i = 0; i < codes.size(); ++i)
        read.codes.append(BarcodeRead{formats[i % 2], codes.at(i), 0});
    return read;
}

PageRole classify(const PageRead &read)
{
    return PageClassifier().classify(read);
}

} // namespace

TEST(PageClassifier, AgreeingCode128AndQrMakeOneConfirmation)
{
    const PageRole role =
        classify(pageWith({QStringLiteral("01234567890"), QStringLiteral("01234567890 101 V3")}));
    EXPECT_EQ(role.kind, PageRoleKind::Confirmation);
    EXPECT_EQ(role.candidateNumber, QStringLiteral("01234567890"));
    EXPECT_EQ(role.inscriptionNumber, QStringLiteral("101"));
    EXPECT_EQ(role.version, 3);
    EXPECT_EQ(role.value, QStringLiteral("01234567890 101 V3"));
}

TEST(PageClassifier, DisagreeingCodesAreAnExceptionNeverAPick)
{
    const QStringList cases[] = {
        {QStringLiteral("02215473589"), QStringLiteral("00214705890")}, // a misread beside it
        {QStringLiteral("01234567890 101 V2"), QStringLiteral("01234567890 101 V3")},
        {QStringLiteral("01234567890 101 V2"), QStringLiteral("01234567890 102 V2")},
        {QStringLiteral("01234567890"), QStringLiteral("PJ-ID")},
        {QStringLiteral("PJ-ID"), QStringLiteral("PJ-DIPLOME")},
    };
    for (const QStringList &codes : cases) {
        SCOPED_TRACE(codes.join(QLatin1Char('|')).toStdString());
        const PageRole role = classify(pageWith(codes));
        EXPECT_EQ(role.kind, PageRoleKind::Exception);
        EXPECT_EQ(role.reason, ExceptionReason::ConflictingCodes);
        EXPECT_TRUE(role.candidateNumber.isEmpty());
    }
    const PageRole misread =
        classify(pageWith({QStringLiteral("02215473589"), QStringLiteral("00214705890")}));
    EXPECT_EQ(misread.readCandidates,
              QStringList({QStringLiteral("02215473589"), QStringLiteral("00214705890")}));
}

TEST(PageClassifier, ForeignCodeBesideOurConfirmationIsIgnored)
{
    const PageRole role =
        classify(pageWith({QStringLiteral("DC04FR000001"), QStringLiteral("01234567890")}));
    EXPECT_EQ(role.kind, PageRoleKind::Confirmation);
    EXPECT_EQ(role.candidateNumber, QStringLiteral("01234567890"));
}

TEST(PageClassifier, OnlyForeignCodesMakeAForeignCodeException)
{
    const PageRole role = classify(pageWith({QStringLiteral("DC04FR000001")}));
    EXPECT_EQ(role.kind, PageRoleKind::Exception);
    EXPECT_EQ(role.reason, ExceptionReason::ForeignCode);
    EXPECT_EQ(role.value, QStringLiteral("DC04FR000001"));
}

TEST(PageClassifier, UnreadableCodeWinsOverForeignCodeAndBlank)
{
    PageRead read = pageWith({QStringLiteral("DC04FR000001")});
    read.suspectedCode = true;
    EXPECT_EQ(classify(read).reason, ExceptionReason::UnreadableCode);

    PageRead blankLooking;
    blankLooking.blank = true;
    blankLooking.suspectedCode = true;
    EXPECT_EQ(classify(blankLooking).reason, ExceptionReason::UnreadableCode);
}

TEST(PageClassifier, UsableCodeWinsOverASuspectedOne)
{
    PageRead read = pageWith({QStringLiteral("PJ-ID")});
    read.suspectedCode = true;
    const PageRole role = classify(read);
    EXPECT_EQ(role.kind, PageRoleKind::Separator);
    EXPECT_EQ(role.pieceCode, QStringLiteral("ID"));
}

TEST(PageClassifier, DecodeFailureWinsOverEverything)
{
    PageRead read = pageWith({QStringLiteral("01234567890")});
    read.decodeError = QStringLiteral("le décodage a échoué");
    const PageRole role = classify(read);
    EXPECT_EQ(role.reason, ExceptionReason::DecodeFailed);
    EXPECT_EQ(role.detail, read.decodeError);
    EXPECT_TRUE(role.value.isEmpty()) << "a failure's words are not a code read on the page";
}

TEST(PageClassifier, PagesWithoutCodesAreBlankOrPlain)
{
    PageRead blank;
    blank.blank = true;
    EXPECT_EQ(classify(blank).kind, PageRoleKind::Blank);
    EXPECT_EQ(classify(PageRead{}).kind, PageRoleKind::Plain);
}

TEST(PageClassifier, UsesTheConfiguredPatterns)
{
    auto patterns = BarcodePatterns::create(QStringLiteral("CAP-(?<candidate>\\d{11})"),
                                            QStringLiteral("SEP-(?<piece>[A-Z]+)"));
    ASSERT_TRUE(patterns.ok());
    const PageClassifier classifier(patterns.value());
    EXPECT_EQ(classifier.classify(pageWith({QStringLiteral("CAP-01234567890")})).kind,
              PageRoleKind::Confirmation);
    EXPECT_EQ(classifier.classify(pageWith({QStringLiteral("01234567890")})).reason,
              ExceptionReason::ForeignCode);
}
