// `pointage send` against a real SMTP server on loopback (Debian's aiosmtpd, STARTTLS with a
// certificate generated here): what arrives, byte for byte, and what the ledger remembers.
#include "MailFixtures.h"
#include "MailParsing.h"
#include "pointage/Ledger.h"
#include "pointage/MailSending.h"
#include "pointage/RelanceMail.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testkit;

namespace {

const QString debianPython = QStringLiteral("/usr/bin/python3");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

class MailDeliveryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!run(debianPython, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")}))
            GTEST_SKIP() << "python3-aiosmtpd is not installed (scripts/setup.sh installs it)";
        ASSERT_TRUE(run(
            QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
             QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
             QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
             QStringLiteral("-keyout"), path("key.pem"), QStringLiteral("-out"), path("cert.pem")}))
            << "openssl could not make the test certificate";
        QDir(m_dir.path()).mkpath(QStringLiteral("received"));
        QDir(m_dir.path()).mkpath(QStringLiteral("reports"));

        auto written = writeSchoolReportsWithMail(mailScenario(), reportSettingsForTests(),
                                                  mailSettingsForTests(), reports());
        ASSERT_TRUE(written.ok()) << qPrintable(written.error().located());
        auto ledger = Ledger::open(path("ledger.sqlite"));
        ASSERT_TRUE(ledger.ok()) << qPrintable(ledger.error().located());
        m_ledger = std::move(ledger).value();
    }

    void TearDown() override
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.closeWriteChannel();
            if (!m_server.waitForFinished(10000))
                m_server.kill();
        }
    }

    // Starts the server; `refused` get a 550 at RCPT TO.
    void startServer(const QStringList &refused = {})
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
        m_port = probe.serverPort();
        probe.close();
        QStringList arguments = {QStringLiteral(POINTAGE_SOURCE_DIR "/tests/mail/smtp_server.py"),
                                 QStringLiteral("--port"),
                                 QString::number(m_port),
                                 QStringLiteral("--cert"),
                                 path("cert.pem"),
                                 QStringLiteral("--key"),
                                 path("key.pem"),
                                 QStringLiteral("--out"),
                                 path("received")};
        for (const QString &address : refused)
            arguments << QStringLiteral("--refuse") << address;
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start(debianPython, arguments);
        ASSERT_TRUE(m_server.waitForStarted(10000));
        while (!m_server.canReadLine())
            ASSERT_TRUE(m_server.waitForReadyRead(20000)) << "the SMTP server did not start";
        ASSERT_EQ(m_server.readLine().trimmed(), QByteArray("ready"));
    }

    MailSettings settings() const
    {
        MailSettings mail = mailSettingsForTests();
        mail.smtp.host = QStringLiteral("localhost");
        mail.smtp.port = m_port;
        mail.smtp.login = QStringLiteral("diec");
        mail.smtp.caFile = path("cert.pem");
        mail.smtp.timeoutSeconds = 10;
        return mail;
    }

    Result<SendSummary> send(const SendOptions &options = {}, const MailSettings *mail = nullptr,
                             const QString &password = QStringLiteral("secret"))
    {
        return sendSchoolMails(*m_ledger, mail ? *mail : settings(), reports(), password, options);
    }

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QString reports() const { return path("reports"); }
    QStringList received() const
    {
        return QDir(path("received")).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    }
    QString reportFile(const QString &uai, const char *suffix) const
    {
        const QStringList names =
            QDir(reports()).entryList({uai + QStringLiteral("_*") + QString::fromLatin1(suffix)});
        return names.isEmpty() ? QString() : QDir(reports()).filePath(names.first());
    }
    static const MailDelivery *deliveryFor(const SendSummary &summary, const QString &uai)
    {
        for (const MailDelivery &d : summary.deliveries) {
            if (d.uai == uai)
                return &d;
        }
        return nullptr;
    }

    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
    std::unique_ptr<Ledger> m_ledger;
};

const QString addressA = QStringLiteral("ce.0130001F@ac-aix-marseille.fr");
const QString addressB = QStringLiteral("ce.0130002G@ac-aix-marseille.fr");

} // namespace

TEST_F(MailDeliveryTest, MessagesArriveEncryptedWithAttachmentsByteIdentical)
{
    startServer();
    auto summary = send();
    ASSERT_TRUE(summary.ok()) << qPrintable(summary.error().located());
    EXPECT_EQ(summary->count(SendOutcome::Sent), 2);
    ASSERT_EQ(received().size(), 2);

    const QJsonObject envelope =
        QJsonDocument::fromJson(readAll(path("received") + QStringLiteral("/001.json"))).object();
    EXPECT_TRUE(envelope.value(QStringLiteral("tls")).toBool());
    EXPECT_TRUE(envelope.value(QStringLiteral("authenticated")).toBool());
    EXPECT_EQ(envelope.value(QStringLiteral("from")).toString(),
              QStringLiteral("ce.diec@ac-aix-marseille.fr"));
    EXPECT_EQ(envelope.value(QStringLiteral("to")).toVariant().toStringList(),
              QStringList{addressA});

    const QByteArray bytes = readAll(path("received") + QStringLiteral("/001.eml"));
    const ParsedMail mail = parseMail(bytes);
    EXPECT_EQ(mail.header("Subject"),
              QStringLiteral("CAP Session 2027 – pièces manquantes – %1 (%2)")
                  .arg(mailNameA, mailSchoolA));
    EXPECT_EQ(mail.header("To"), QStringLiteral("%1 <%2>").arg(mailNameA, addressA));
    EXPECT_EQ(mail.header("From"), QStringLiteral("Rectorat d'Aix-Marseille – Division des "
                                                  "examens <ce.diec@ac-aix-marseille.fr>"));
    ASSERT_EQ(mail.parts.size(), 3);
    EXPECT_TRUE(QString::fromUtf8(mail.parts.at(0).body).contains(QStringLiteral("Noé")) ||
                QString::fromUtf8(mail.parts.at(0).body).contains(mailNameA));
    EXPECT_EQ(mail.parts.at(1).body, readAll(reportFile(mailSchoolA, ".pdf")));
    EXPECT_EQ(mail.parts.at(2).body, readAll(reportFile(mailSchoolA, ".csv")));
    EXPECT_EQ(mail.parts.at(1).fileName,
              QStringLiteral("Relance CAP 2027 – %1 (%2).pdf").arg(mailNameA, mailSchoolA));

    // The school B message: its accented name with « » and an apostrophe survives too.
    const ParsedMail b = parseMail(readAll(path("received") + QStringLiteral("/002.eml")));
    EXPECT_EQ(b.header("To"), QStringLiteral("%1 <%2>").arg(mailNameB, addressB));
    // What arrived is what was written (aiosmtpd undoes the dot-stuffing).
    EXPECT_EQ(bytes.trimmed(), readAll(reportFile(mailSchoolA, ".eml")).trimmed());
}

TEST_F(MailDeliveryTest, SecondSendSendsNothingAndAgainResends)
{
    startServer();
    ASSERT_TRUE(send().ok());
    ASSERT_EQ(received().size(), 2);

    auto second = send();
    ASSERT_TRUE(second.ok()) << qPrintable(second.error().located());
    EXPECT_EQ(second->count(SendOutcome::AlreadySent), 2);
    EXPECT_EQ(second->count(SendOutcome::Sent), 0);
    EXPECT_TRUE(deliveryFor(second.value(), mailSchoolA)->sentBefore.isValid());
    EXPECT_EQ(received().size(), 2);

    SendOptions again;
    again.again = true;
    again.onlyUai = mailSchoolB;
    auto third = send(again);
    ASSERT_TRUE(third.ok()) << qPrintable(third.error().located());
    EXPECT_EQ(third->deliveries.size(), 1);
    EXPECT_EQ(third->count(SendOutcome::Sent), 1);
    EXPECT_EQ(received().size(), 3);

    auto sent = m_ledger->sentMails();
    ASSERT_TRUE(sent.ok());
    ASSERT_EQ(sent->size(), 3);
    EXPECT_EQ(sent->at(2).uai, mailSchoolB);
    EXPECT_EQ(sent->at(2).recipient, addressB);
    EXPECT_TRUE(sent->at(2).sentAt.isValid());
    auto journal = m_ledger->journal(50);
    ASSERT_TRUE(journal.ok());
    const auto mails = std::count_if(journal->begin(), journal->end(), [](const JournalEntry &e) {
        return e.action == QStringLiteral("mail");
    });
    EXPECT_EQ(mails, 3);
}

TEST_F(MailDeliveryTest, RefusedRecipientIsReportedWithItsUaiAndTheOthersGo)
{
    startServer({addressA});
    auto summary = send();
    ASSERT_TRUE(summary.ok()) << qPrintable(summary.error().located());
    const MailDelivery *a = deliveryFor(summary.value(), mailSchoolA);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->outcome, SendOutcome::Refused);
    EXPECT_TRUE(a->message.contains(mailSchoolA)) << qPrintable(a->message);
    EXPECT_TRUE(a->message.contains(QStringLiteral("550"))) << qPrintable(a->message);
    EXPECT_EQ(deliveryFor(summary.value(), mailSchoolB)->outcome, SendOutcome::Sent);
    EXPECT_EQ(received().size(), 1);
    // Not recorded as sent: the next run tries it again.
    EXPECT_TRUE(m_ledger->sentMails()->size() == 1);
}

TEST_F(MailDeliveryTest, DryRunConnectsToNothingAndRecordsNothing)
{
    // No server started: a dry run must not need one.
    SendOptions options;
    options.dryRun = true;
    auto summary = send(options);
    ASSERT_TRUE(summary.ok()) << qPrintable(summary.error().located());
    EXPECT_EQ(summary->count(SendOutcome::WouldSend), 2);
    EXPECT_TRUE(m_ledger->sentMails()->isEmpty());
}

TEST_F(MailDeliveryTest, RefusesLoginWithoutTlsUnlessAllowed)
{
    startServer();
    MailSettings plain = settings();
    plain.smtp.security = SmtpSettings::Security::None;
    auto summary = send({}, &plain);
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.error().code, ErrorCode::Network);
    EXPECT_TRUE(summary.error().message.contains(QStringLiteral("sans chiffrement")))
        << qPrintable(summary.error().message);
    EXPECT_TRUE(received().isEmpty());
    EXPECT_TRUE(m_ledger->sentMails()->isEmpty());
}

TEST_F(MailDeliveryTest, UnknownCertificateAuthoritySendsNothing)
{
    startServer();
    MailSettings untrusted = settings();
    untrusted.smtp.caFile.clear();
    auto summary = send({}, &untrusted);
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.error().code, ErrorCode::Network);
    EXPECT_TRUE(summary.error().message.contains(QStringLiteral("TLS")))
        << qPrintable(summary.error().message);
    EXPECT_TRUE(received().isEmpty());
}

TEST_F(MailDeliveryTest, WrongPasswordSendsNothing)
{
    startServer();
    auto summary = send({}, nullptr, QStringLiteral("wrong"));
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.error().code, ErrorCode::Network);
    EXPECT_TRUE(summary.error().message.contains(QStringLiteral("refusé")))
        << qPrintable(summary.error().message);
    EXPECT_TRUE(received().isEmpty());
}
