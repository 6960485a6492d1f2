#include "MailFixtures.h"
#include "MailParsing.h"
#include "mail/MimeMessage.h"
#include "mail/SchoolMail.h"
#include "pointage/RelanceMail.h"
#include "pointage/SessionConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testkit;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString emlOf(const QString &directory, const QString &uai)
{
    const QStringList found =
        QDir(directory).entryList({uai + QStringLiteral("_*.eml")}, QDir::Files);
    return found.isEmpty() ? QString() : QDir(directory).filePath(found.first());
}

bool allLinesAtMost(const QByteArray &text, int length)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.size() - (line.endsWith('\r') ? 1 : 0) > length)
            return false;
    }
    return true;
}

} // namespace

TEST(MimeEncoding, EncodedWordsRoundTripFrenchSubjectsOnShortLines)
{
    const QString cases[] = {
        QStringLiteral("CAP Session 2027"),
        QStringLiteral("Pièces manquantes – Lycée professionnel Le Châtelier (0131234W)"),
        QStringLiteral("CAP 2027 – éèêëàâäîïôöùûüç ÉÈÊÀÇŒœ « guillemets » — tiret cadratin ✓ 🎓"),
        QStringLiteral("=?UTF-8?B?pas un mot encodé?="),
    };
    for (const QString &text : cases) {
        const QByteArray encoded = encodedWords(text, 9);
        EXPECT_TRUE(allLinesAtMost("Subject: " + encoded, 78)) << encoded.constData();
        EXPECT_EQ(decodeEncodedWords(encoded), text) << encoded.constData();
        for (char c : encoded)
            EXPECT_TRUE(c == '\r' || c == '\n' || (c >= 32 && c < 127));
    }
}

TEST(MimeEncoding, AsciiSubjectStaysReadable)
{
    EXPECT_EQ(encodedWords(QStringLiteral("Relance CAP 2027"), 9), QByteArray("Relance CAP 2027"));
}

TEST(MimeEncoding, FileNameIsAnRfc2231Parameter)
{
    EXPECT_EQ(
        rfc2231Parameter("filename", QStringLiteral("Relance – Châtelier (0131234W).pdf")),
        QByteArray("filename*=UTF-8''Relance%20%E2%80%93%20Ch%C3%A2telier%20%280131234W%29.pdf"));
}

TEST(MimeEncoding, QuotedPrintableKeepsTextAndShortLines)
{
    const QByteArray text = QStringLiteral("Madame, Monsieur,\n\n.Ligne qui commence par un point"
                                           "\nEspace final \nUne très longue ligne "
                                           "%1\n= signe égal")
                                .arg(QString(200, QChar(0xE9)))
                                .toUtf8();
    const QByteArray encoded = quotedPrintable(text);
    EXPECT_TRUE(allLinesAtMost(encoded, 76));
    EXPECT_FALSE(encoded.contains("\r\n."));
    QByteArray decoded = decodeQuotedPrintable(encoded);
    decoded.replace("\r\n", "\n");
    EXPECT_EQ(decoded, text);
}

TEST(MimeEncoding, DateIsRfc5322WithItsOffset)
{
    const QDateTime date(QDate(2026, 11, 30), QTime(10, 5, 9), QTimeZone(3600));
    EXPECT_EQ(rfc5322Date(date), QByteArray("Mon, 30 Nov 2026 10:05:09 +0100"));
}

TEST(MimeEncoding, MessageIdsAreUniqueInTheSendersDomain)
{
    const QByteArray a = newMessageId(QStringLiteral("ce.diec@ac-aix-marseille.fr"));
    const QByteArray b = newMessageId(QStringLiteral("ce.diec@ac-aix-marseille.fr"));
    EXPECT_NE(a, b);
    EXPECT_TRUE(a.startsWith('<') && a.endsWith("@ac-aix-marseille.fr>")) << a.constData();
}

TEST(SchoolAddresses, PatternGivesTheOfficialMailbox)
{
    const SchoolAddressBook book(QStringLiteral("ce.{uai}@ac-aix-marseille.fr"), {});
    EXPECT_EQ(book.addressFor(QStringLiteral("0131234w")),
              QStringLiteral("ce.0131234W@ac-aix-marseille.fr"));
}

TEST(SchoolAddresses, CsvOverridesThePatternPerSchool)
{
    const QByteArray csv = "UAI;Adresse\r\n0130001F;secretariat.examens@cfa-exemple.fr\r\n\r\n"
                           "0130002G ; direction@lycee-exemple.fr \r\n";
    auto book = parseSchoolAddresses(QStringLiteral("ce.{uai}@ac-aix-marseille.fr"), csv,
                                     QStringLiteral("adresses.csv"));
    ASSERT_TRUE(book.ok()) << qPrintable(book.error().located());
    EXPECT_EQ(book->overrideCount(), 2);
    EXPECT_EQ(book->addressFor(mailSchoolA), QStringLiteral("secretariat.examens@cfa-exemple.fr"));
    EXPECT_EQ(book->addressFor(mailSchoolB), QStringLiteral("direction@lycee-exemple.fr"));
    EXPECT_EQ(book->addressFor(mailSchoolC), QStringLiteral("ce.0130003H@ac-aix-marseille.fr"));
}

TEST(SchoolAddresses, AcceptsCommasAndWindows1252)
{
    const QByteArray csv = "uai,adresse,commentaire\n0130001F,sécrétariat@cfa.fr,caf\xe9\n";
    auto book =
        parseSchoolAddresses(QStringLiteral("ce.{uai}@x.fr"), csv, QStringLiteral("adresses.csv"));
    ASSERT_TRUE(book.ok()) << qPrintable(book.error().located());
    EXPECT_EQ(book->overrideCount(), 1);
}

TEST(SchoolAddresses, BadRowNamesFileAndLine)
{
    const struct
    {
        QByteArray csv;
        int line;
        const char *words;
    } cases[] = {
        {"UAI;adresse\n0130001F;a@b.fr\n0130001X;c@d.fr\n", 3, "n'est pas un UAI"},
        {"0130001F;pas-une-adresse\n", 1, "n'est pas une adresse"},
        {"0130001F;\n", 1, "n'est pas une adresse"},
        {"0130001F;a@b.fr\n0130002G;c@d.fr\n0130001F;e@f.fr\n", 3, "figure déjà ligne 1"},
    };
    for (const auto &c : cases) {
        auto book = parseSchoolAddresses(QStringLiteral("ce.{uai}@x.fr"), c.csv,
                                         QStringLiteral("adresses.csv"));
        ASSERT_FALSE(book.ok()) << c.csv.constData();
        EXPECT_EQ(book.error().code, ErrorCode::Format);
        EXPECT_EQ(book.error().file, QStringLiteral("adresses.csv"));
        EXPECT_EQ(book.error().line, c.line) << c.csv.constData();
        EXPECT_TRUE(book.error().message.contains(QString::fromUtf8(c.words)))
            << qPrintable(book.error().message);
    }
}

TEST(MailConfig, ReadsTheMailSection)
{
    const QByteArray json = R"({"session": "Session 2027", "mail": {
        "from": "ce.diec@ac-aix-marseille.fr", "schoolAddress": "ce.{uai}@ac-nice.fr",
        "addressesFile": "adresses.csv", "subject": "Relance {uai}",
        "body": ["Bonjour {etablissement}", "{date_limite}"],
        "smtp": {"host": "smtp.ac-aix-marseille.fr", "port": 465, "security": "tls",
                 "login": "diec", "caFile": "ca.pem"}}})";
    auto config = SessionConfig::parse(json, QStringLiteral("/tmp/session/pointage.json"));
    ASSERT_TRUE(config.ok()) << qPrintable(config.error().located());
    const MailSettings &mail = config->mail;
    EXPECT_EQ(mail.addressesFile, QStringLiteral("/tmp/session/adresses.csv"));
    EXPECT_EQ(mail.smtp.caFile, QStringLiteral("/tmp/session/ca.pem"));
    EXPECT_EQ(mail.smtp.port, 465);
    EXPECT_EQ(mail.smtp.security, SmtpSettings::Security::ImplicitTls);
    EXPECT_EQ(mail.body.size(), 2);
}

TEST(MailConfig, RefusesUnknownPlaceholderAndBadPattern)
{
    const struct
    {
        const char *json;
        int line;
        const char *words;
    } cases[] = {
        {"{\"session\": \"Session 2027\",\n \"mail\": {\n \"subject\": \"{etablisement}\"}}", 3,
         "{etablisement}"},
        {"{\"session\": \"Session 2027\",\n \"mail\": {\n\n \"schoolAddress\": \"ce@x.fr\"}}", 4,
         "{uai}"},
        {"{\"session\": \"Session 2027\",\n \"mail\": {\"smtp\": {\n \"security\": \"ssl\"}}}", 3,
         "starttls"},
    };
    for (const auto &c : cases) {
        auto config = SessionConfig::parse(c.json, QStringLiteral("pointage.json"));
        ASSERT_FALSE(config.ok()) << c.json;
        EXPECT_EQ(config.error().line, c.line) << qPrintable(config.error().located());
        EXPECT_TRUE(config.error().message.contains(QString::fromUtf8(c.words)))
            << qPrintable(config.error().message);
    }
}

TEST(MailConfig, ShippedConfigurationReadsAndFillsEveryPlaceholder)
{
    auto config = SessionConfig::load(QStringLiteral(POINTAGE_SOURCE_DIR "/config/pointage.json"));
    ASSERT_TRUE(config.ok()) << qPrintable(config.error().located());
    const AcademieStatus status = mailScenario();
    const QList<SchoolReminder> reminders = schoolReminders(status);
    const auto fields = mailFields(reminders.first(), status.window, config->report, config->mail);
    const QString body = fillMailTemplate(config->mail.body.join(u'\n'), fields);
    EXPECT_FALSE(body.contains(u'{')) << qPrintable(body);
    EXPECT_TRUE(body.contains(mailNameA));
}

TEST(RelanceMail, WritesOneEmlPerSchoolWithSomethingMissing)
{
    QTemporaryDir dir;
    const AcademieStatus status = mailScenario();
    auto written = writeSchoolReportsWithMail(status, reportSettingsForTests(),
                                              mailSettingsForTests(), dir.path());
    ASSERT_TRUE(written.ok()) << qPrintable(written.error().located());
    EXPECT_FALSE(emlOf(dir.path(), mailSchoolA).isEmpty());
    EXPECT_FALSE(emlOf(dir.path(), mailSchoolB).isEmpty());
    EXPECT_TRUE(emlOf(dir.path(), mailSchoolC).isEmpty()) << "nothing missing: no e-mail";

    const QString path = emlOf(dir.path(), mailSchoolA);
    const QFile::Permissions perms = QFileInfo(path).permissions();
    EXPECT_TRUE(perms.testFlag(QFileDevice::ReadOwner));
    EXPECT_FALSE(perms.testFlag(QFileDevice::ReadGroup));
    EXPECT_FALSE(perms.testFlag(QFileDevice::ReadOther));
    const QByteArray eml = fileBytes(path);
    EXPECT_TRUE(allLinesAtMost(eml, 998));
    EXPECT_FALSE(eml.contains("\n") && eml.count("\n") != eml.count("\r\n")) << "CRLF only";
    const ParsedMail mail = parseMail(eml);
    EXPECT_EQ(mail.header("Subject"),
              QStringLiteral("CAP Session 2027 – pièces manquantes – %1 (%2)")
                  .arg(mailNameA, mailSchoolA));
    EXPECT_EQ(mail.header("To"),
              QStringLiteral("%1 <ce.%2@ac-aix-marseille.fr>").arg(mailNameA, mailSchoolA));
    EXPECT_TRUE(mail.header("From").startsWith(QStringLiteral("Rectorat d'Aix-Marseille – ")));
    EXPECT_EQ(mail.headers.value("mime-version"), QByteArray("1.0"));
    EXPECT_FALSE(mail.headers.value("date").isEmpty());
    EXPECT_FALSE(mail.headers.value("message-id").isEmpty());
    EXPECT_EQ(mail.headers.value("x-pointage-uai"), mailSchoolA.toLatin1());
    ASSERT_EQ(mail.parts.size(), 3);
    const QString body = QString::fromUtf8(mail.parts.at(0).body);
    EXPECT_TRUE(body.contains(QStringLiteral("22 décembre 2027"))) << qPrintable(body);
    EXPECT_TRUE(body.contains(QStringLiteral("concernant 2 candidat(s) sur 3")))
        << qPrintable(body);

    const QString stem = QFileInfo(path).completeBaseName();
    EXPECT_EQ(mail.parts.at(1).body, fileBytes(QDir(dir.path()).filePath(stem + ".pdf")));
    EXPECT_EQ(mail.parts.at(2).body, fileBytes(QDir(dir.path()).filePath(stem + ".csv")));
    EXPECT_EQ(mail.parts.at(1).fileName,
              QStringLiteral("Relance CAP 2027 – %1 (%2).pdf").arg(mailNameA, mailSchoolA));
    EXPECT_TRUE(mail.parts.at(2).fileName.endsWith(QStringLiteral(".csv")));
}

TEST(RelanceMail, SchoolMailHoldsOnlyItsOwnCandidates)
{
    QTemporaryDir dir;
    ASSERT_TRUE(writeSchoolReportsWithMail(mailScenario(), reportSettingsForTests(),
                                           mailSettingsForTests(), dir.path())
                    .ok());
    const ParsedMail b = parseMail(fileBytes(emlOf(dir.path(), mailSchoolB)));
    ASSERT_EQ(b.parts.size(), 3);
    const QString csv = QString::fromUtf8(b.parts.at(2).body);
    EXPECT_TRUE(csv.contains(QStringLiteral("02700000101")));
    for (const char *other : {"02700000001", "02700000002", "02700000003", "02700000201"})
        EXPECT_FALSE(csv.contains(QString::fromLatin1(other))) << other;
    EXPECT_FALSE(QString::fromUtf8(b.parts.at(0).body).contains(QStringLiteral("BERNARD")));
}

TEST(RelanceMail, SameLetterKeepsItsFingerprint)
{
    QTemporaryDir first, second;
    const AcademieStatus status = mailScenario();
    ASSERT_TRUE(writeSchoolReportsWithMail(status, reportSettingsForTests(), mailSettingsForTests(),
                                           first.path(), {},
                                           QDateTime(QDate(2027, 12, 10), QTime(9, 0)))
                    .ok());
    ASSERT_TRUE(writeSchoolReportsWithMail(status, reportSettingsForTests(), mailSettingsForTests(),
                                           second.path(), {},
                                           QDateTime(QDate(2027, 12, 10), QTime(9, 5)))
                    .ok());
    const ParsedMail a = parseMail(fileBytes(emlOf(first.path(), mailSchoolA)));
    const ParsedMail b = parseMail(fileBytes(emlOf(second.path(), mailSchoolA)));
    EXPECT_NE(a.headers.value("message-id"), b.headers.value("message-id"));
    EXPECT_EQ(a.headers.value("x-pointage-empreinte"), b.headers.value("x-pointage-empreinte"));
    EXPECT_EQ(a.headers.value("x-pointage-empreinte").size(), 64);

    QTemporaryDir later;
    ASSERT_TRUE(writeSchoolReportsWithMail(mailScenario(QDate(2027, 12, 11)),
                                           reportSettingsForTests(), mailSettingsForTests(),
                                           later.path())
                    .ok());
    const ParsedMail c = parseMail(fileBytes(emlOf(later.path(), mailSchoolA)));
    EXPECT_NE(a.headers.value("x-pointage-empreinte"), c.headers.value("x-pointage-empreinte"));
}

TEST(RelanceMail, RefusesWithoutSenderOrWithBadAddressesFile)
{
    QTemporaryDir dir;
    MailSettings noSender = mailSettingsForTests();
    noSender.from.clear();
    auto written =
        writeSchoolReportsWithMail(mailScenario(), reportSettingsForTests(), noSender, dir.path());
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().code, ErrorCode::Config);

    MailSettings badFile = mailSettingsForTests();
    badFile.addressesFile = dir.filePath(QStringLiteral("adresses.csv"));
    QFile csv(badFile.addressesFile);
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write("UAI;adresse\n0130001F;ok@cfa.fr\n0130002G;non\n");
    csv.close();
    written =
        writeSchoolReportsWithMail(mailScenario(), reportSettingsForTests(), badFile, dir.path());
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().located(),
              QStringLiteral("adresses.csv, ligne 3 : « non » n'est pas une adresse "
                             "électronique (établissement 0130002G)."));
    EXPECT_TRUE(emlOf(dir.path(), mailSchoolA).isEmpty()) << "nothing written";
}
