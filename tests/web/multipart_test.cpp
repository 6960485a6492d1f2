// The multipart/form-data reader of the web desk's uploads: fields and files as browsers send
// them, client paths cut to their last segment, anything malformed refused whole.
#include "WebFixtures.h"
#include "web/Multipart.h"

#include <gtest/gtest.h>

namespace pointage::web {
namespace {

TEST(Multipart, ReadsFieldsAndFilesAsBrowsersSendThem)
{
    const auto [type, body] = webtest::multipartBody(
        {{"csrf", {}, "jeton"}, {"exports", "liste.csv", "a;b\r\n--pas une limite\r\n"}});
    const QByteArray boundary = multipartBoundary(type);
    ASSERT_FALSE(boundary.isEmpty());
    const QList<FormPart> parts = multipartParts(body, boundary);
    ASSERT_EQ(parts.size(), 2);
    EXPECT_EQ(parts[0].name, QStringLiteral("csrf"));
    EXPECT_TRUE(parts[0].fileName.isEmpty());
    EXPECT_EQ(parts[0].data, "jeton");
    EXPECT_EQ(parts[1].name, QStringLiteral("exports"));
    EXPECT_EQ(parts[1].fileName, QStringLiteral("liste.csv"));
    EXPECT_EQ(parts[1].data, "a;b\r\n--pas une limite\r\n");
}

TEST(Multipart, KeepsOnlyTheLastSegmentOfAClientPath)
{
    for (const QByteArray &name : {QByteArray("C:\\Users\\x\\lot.pdf"), QByteArray("../../lot.pdf"),
                                   QByteArray("/etc/lot.pdf")}) {
        const auto [type, body] = webtest::multipartBody({{"pdf", name, "%PDF-"}});
        const QList<FormPart> parts = multipartParts(body, multipartBoundary(type));
        ASSERT_EQ(parts.size(), 1) << name.constData();
        EXPECT_EQ(parts[0].fileName, QStringLiteral("lot.pdf")) << name.constData();
    }
}

TEST(Multipart, RefusesWhatIsNotWellFormed)
{
    static const struct
    {
        const char *name;
        QByteArray body;
    } cases[] = {
        {"no closing delimiter", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx"},
        {"no header end", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\nx\r\n--b--"},
        {"other boundary", "--c\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--c--"},
        {"empty", ""},
    };
    for (const auto &c : cases)
        EXPECT_TRUE(multipartParts(c.body, "b").isEmpty()) << c.name;
    EXPECT_TRUE(multipartBoundary("application/x-www-form-urlencoded").isEmpty());
    EXPECT_EQ(multipartBoundary("multipart/form-data; boundary=\"abc\""), "abc");
}

} // namespace
} // namespace pointage::web
