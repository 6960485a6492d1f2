#include "pointage/SessionConfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;

namespace {

Result<SessionConfig> parse(const char *json)
{
    return SessionConfig::parse(QByteArray(json), QStringLiteral("/srv/diec/pointage.json"));
}

} // namespace

TEST(SessionConfig, ShippedFileLoadsWithTheDocumentedDates)
{
    auto config = SessionConfig::load(QStringLiteral(POINTAGE_SOURCE_DIR "/config/pointage.json"));
    ASSERT_TRUE(config.ok()) << config.error().located().toStdString();
    EXPECT_EQ(config->session, QStringLiteral("Session 2027"));
    EXPECT_EQ(config->sessionYear, 2027);
    EXPECT_EQ(config->window.opens(), QDate(2026, 12, 1));
    EXPECT_EQ(config->window.closes(), QDate(2026, 12, 22));
    EXPECT_EQ(config->registrationCloses, QDate(2026, 12, 8));
    EXPECT_EQ(config->barcodes.confirmationPattern(),
              BarcodePatterns::defaultConfirmationPattern());
    EXPECT_EQ(config->rulesFile,
              QDir::cleanPath(QStringLiteral(POINTAGE_SOURCE_DIR "/config/rules.json")));
    EXPECT_TRUE(QFile::exists(config->rulesFile));
}

TEST(SessionConfig, OmittedKeysFollowTheSessionYear)
{
    auto config = parse(R"({ "session": "Session 2029" })");
    ASSERT_TRUE(config.ok()) << config.error().located().toStdString();
    EXPECT_EQ(config->window.opens(), QDate(2028, 12, 1));
    EXPECT_EQ(config->window.closes(), QDate(2028, 12, 22));
    EXPECT_EQ(config->registrationCloses, QDate(2028, 12, 8));
    EXPECT_EQ(config->ageReferenceDate(), QDate(2029, 12, 31));
    EXPECT_EQ(config->rulesFile, QStringLiteral("/srv/diec/rules.json"));
}

TEST(SessionConfig, ReadsEverySetting)
{
    auto config = parse(R"({
        "session": "Session 2027",
        "returnWindow": { "opens": "02/12/2026", "closes": "2026-12-20" },
        "registrationCloses": "2026-12-09",
        "barcodes": { "confirmation": "^CAP(?<candidate>\\d{11})$",
                      "separator": "^SEP(?<piece>[A-Z]+)$" },
        "rulesFile": "../regles/cap.json",
        "report": { "academie": "Académie de Nice", "addressLines": ["53 avenue Cap de Croix"],
                    "signatoryName": "J. Dupont", "acknowledgeComplete": false }
    })");
    ASSERT_TRUE(config.ok()) << config.error().located().toStdString();
    EXPECT_EQ(config->window.opens(), QDate(2026, 12, 2));
    EXPECT_EQ(config->window.closes(), QDate(2026, 12, 20));
    EXPECT_EQ(config->registrationCloses, QDate(2026, 12, 9));
    EXPECT_EQ(config->barcodes.classify(QStringLiteral("CAP01234567890")).kind,
              BarcodeClass::Kind::Confirmation);
    EXPECT_EQ(config->rulesFile, QStringLiteral("/srv/regles/cap.json"));
    EXPECT_EQ(config->report.academie, QStringLiteral("Académie de Nice"));
    EXPECT_EQ(config->report.addressLines, QStringList{QStringLiteral("53 avenue Cap de Croix")});
    EXPECT_EQ(config->report.signatoryName, QStringLiteral("J. Dupont"));
    EXPECT_FALSE(config->report.acknowledgeComplete);
    EXPECT_EQ(config->report.city, ReportSettings().city); // untouched keys keep their default
}

TEST(SessionConfig, BadFilesAreRefusedWithFileLineAndKey)
{
    const struct
    {
        const char *json;
        int line;
        const char *mentions;
    } cases[] = {
        {"{\n  \"session\": \"Session 2027\",\n  \"rulesFile\": \"rules.json\"\n  \"report\": "
         "{}\n}",
         4, "JSON valide"},
        {"{\n  \"session\": \"Session 2027\",\n  \"returnWindow\": {\n    \"opens\": "
         "\"2026-12-01\",\n"
         "    \"closes\": \"2026-13-22\"\n  }\n}",
         5, "returnWindow.closes"},
        {"{\n  \"session\": \"Session 2027\",\n  \"retrunWindow\": {}\n}", 3, "retrunWindow"},
        {"{\n  \"session\": \"Session 2027\",\n  \"returnWindow\": { \"opens\": \"2026-12-22\", "
         "\"closes\": \"2026-12-01\" }\n}",
         3, "précède"},
        {"{\n  \"session\": \"Session 2027\",\n  \"barcodes\": {\n    \"confirmation\": "
         "\"^\\\\d{11}$\"\n  }\n}",
         3, "(?<candidate>"},
        {"{\n  \"session\": \"Session 2027\",\n  \"report\": { \"acknowledgeComplete\": \"oui\" "
         "}\n}",
         3, "report.acknowledgeComplete"},
        {"{\n  \"session\": \"Session de printemps\"\n}", 2, "année"},
        {"{\n  \"registrationCloses\": \"2026-12-08\"\n}", 1, "session"},
        {"[ 1, 2 ]", 1, "objet"},
        {"{\n  \"session\": \"Session 2027\",\n  \"signatures\": {\n    \"zones\": [\n"
         "      { \"key\": \"candidat\", \"label\": \"signature\", \"x\": -95, \"y\": 230,\n"
         "        \"width\": 2, \"height\": 34 }\n    ]\n  }\n}",
         6, "signatures.zones[0].width"},
        {"{\n  \"session\": \"Session 2027\",\n  \"signatures\": { \"zones\": [] }\n}", 3,
         "au moins une zone"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.json);
        auto config = parse(c.json);
        ASSERT_FALSE(config.ok());
        const Error &error = config.error();
        EXPECT_EQ(error.file, QStringLiteral("pointage.json"));
        EXPECT_EQ(error.line, c.line) << error.located().toStdString();
        EXPECT_TRUE(error.message.contains(QString::fromUtf8(c.mentions)))
            << error.located().toStdString();
    }
}

TEST(SessionConfig, MissingFileIsNamed)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("absent.json"));
    auto config = SessionConfig::load(path);
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, ErrorCode::FileNotFound);
    EXPECT_TRUE(config.error().message.contains(path));
}

TEST(SessionConfig, DefaultsDescribeTheSessionYear)
{
    const SessionConfig config = SessionConfig::defaults(2027);
    EXPECT_EQ(config.session, QStringLiteral("Session 2027"));
    EXPECT_EQ(config.window.opens(), QDate(2026, 12, 1));
    EXPECT_EQ(config.window.closes(), QDate(2026, 12, 22));
    EXPECT_EQ(config.registrationCloses, QDate(2026, 12, 8));
}

TEST(SessionConfig, SignatureZonesComeFromTheFileOrTheDefaults)
{
    auto defaults = parse("{ \"session\": \"Session 2027\" }");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->signatureZones.size(), defaultSignatureZones().size());

    auto fitted = parse(R"({ "session": "Session 2027", "signatures": { "zones": [
        { "key": "candidat", "label": "signature du candidat", "x": -96.5, "y": 228,
          "width": 80, "height": 30 },
        { "key": "chef", "label": "cachet", "x": -10, "y": 228, "width": 80, "height": 30,
          "stampIsSignature": true } ] } })");
    ASSERT_TRUE(fitted.ok()) << fitted.error().located().toStdString();
    ASSERT_EQ(fitted->signatureZones.size(), 2);
    EXPECT_EQ(fitted->signatureZones[0].areaMm, QRectF(-96.5, 228, 80, 30));
    EXPECT_FALSE(fitted->signatureZones[0].stampIsSignature);
    EXPECT_EQ(fitted->signatureZones[1].key, QStringLiteral("chef"));
    EXPECT_TRUE(fitted->signatureZones[1].stampIsSignature);
}

// An office whose form is not fitted yet may turn the check off; the reader then checks nothing.
TEST(SessionConfig, TheSignatureCheckCanBeTurnedOff)
{
    auto off = parse(R"({ "session": "Session 2027", "signatures": { "check": false } })");
    ASSERT_TRUE(off.ok()) << off.error().located().toStdString();
    EXPECT_TRUE(off->signatureZones.isEmpty());
    EXPECT_TRUE(off->readOptions().signatureZones.isEmpty());
    auto on = parse(R"({ "session": "Session 2027", "signatures": { "check": true } })");
    ASSERT_TRUE(on.ok());
    EXPECT_EQ(on->signatureZones.size(), defaultSignatureZones().size());
    auto wrong = parse(R"({ "session": "Session 2027", "signatures": { "check": "non" } })");
    ASSERT_FALSE(wrong.ok());
    EXPECT_TRUE(wrong.error().message.contains(QStringLiteral("signatures.check")))
        << wrong.error().message.toStdString();
}
