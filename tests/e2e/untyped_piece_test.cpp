// End to end through the real `pointage` binary: a CFA posts two apprentices' confirmations,
// one with a supporting page behind it and no separator sheet. That apprentice is "pièces à
// vérifier" for the clerk and never "pièce manquante" in the school's letter or CSV; the clerk
// types the page from the exception queue and the dossier becomes complete.
#include "UntypedPieceCase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <poppler-qt6.h>

using namespace pointage::testkit;

namespace {

const QString kUai = kUntypedCaseUai;
const QString kWithPage = kUntypedCaseWithPage;
const QString kWithoutPage = kUntypedCaseWithoutPage;

class UntypedPiece : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(write(QStringLiteral("cfa.csv"), untypedCaseExport()));
        ASSERT_TRUE(write(QStringLiteral("lot-cfa.pdf"), untypedCaseBatch()));
        ASSERT_EQ(run({QStringLiteral("import"), m_dir.filePath(QStringLiteral("cfa.csv"))}), 0)
            << m_err;
        ASSERT_EQ(
            run({QStringLiteral("ingest"), QStringLiteral("--received"),
                 QStringLiteral("05/12/2026"), m_dir.filePath(QStringLiteral("lot-cfa.pdf"))}),
            0)
            << m_err;
    }

    bool write(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    int run(const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("POINTAGE_DB"), m_dir.filePath(QStringLiteral("ledger.sqlite")));
        env.insert(QStringLiteral("POINTAGE_CONFIG"),
                   QStringLiteral(POINTAGE_SOURCE_DIR "/config/pointage.json"));
        env.insert(QStringLiteral("CI"), QStringLiteral("true"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral(POINTAGE_BINARY), arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            return -1;
        m_out = process.readAllStandardOutput();
        m_err = QString::fromUtf8(process.readAllStandardError()).toStdString();
        return process.exitCode();
    }

    QJsonObject candidate(const QString &number)
    {
        EXPECT_EQ(run({QStringLiteral("status"), QStringLiteral("--school"), kUai,
                       QStringLiteral("--as-of"), QStringLiteral("2026-12-10"),
                       QStringLiteral("--json")}),
                  0)
            << m_err;
        const QJsonObject school = QJsonDocument::fromJson(m_out).object();
        for (const QJsonValue &c : school.value(QStringLiteral("candidateStatus")).toArray()) {
            if (c.toObject().value(QStringLiteral("candidateNumber")).toString() == number)
                return c.toObject();
        }
        ADD_FAILURE() << "no candidate " << number.toStdString();
        return {};
    }

    // The school's letter and CSV, as `pointage report` writes them.
    QString reportText(const QString &suffix)
    {
        const QString out = m_dir.filePath(QStringLiteral("courriers"));
        EXPECT_EQ(run({QStringLiteral("report"), QStringLiteral("--as-of"),
                       QStringLiteral("2026-12-10"), QStringLiteral("--out"), out}),
                  0)
            << m_err;
        const QStringList found = QDir(out).entryList({kUai + QStringLiteral("*") + suffix});
        if (found.isEmpty())
            return {};
        const QString path = QDir(out).filePath(found.first());
        if (suffix == QStringLiteral(".csv")) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        }
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(path);
        QString text;
        for (int i = 0; doc && i < doc->numPages(); ++i)
            text += doc->page(i)->text(QRectF());
        return text.simplified();
    }

    QTemporaryDir m_dir;
    QByteArray m_out;
    std::string m_err;
};

} // namespace

TEST_F(UntypedPiece, ApprenticeWithAnUnidentifiedPageIsNeverToldAPieceIsMissing)
{
    const QJsonObject withPage = candidate(kWithPage);
    EXPECT_EQ(withPage.value(QStringLiteral("state")).toString(), QStringLiteral("to_verify"));
    EXPECT_TRUE(withPage.value(QStringLiteral("missingPieces")).toArray().isEmpty());
    EXPECT_EQ(withPage.value(QStringLiteral("piecesToVerify")).toArray(),
              QJsonArray{QStringLiteral("CFA")});
    EXPECT_EQ(candidate(kWithoutPage).value(QStringLiteral("state")).toString(),
              QStringLiteral("incomplete"));

    const QString letter = reportText(QStringLiteral(".pdf"));
    ASSERT_FALSE(letter.isEmpty());
    EXPECT_TRUE(letter.contains(QStringLiteral("ROUSSEL")));
    EXPECT_FALSE(letter.contains(QStringLiteral("LEBLANC")));
    const QString csv = reportText(QStringLiteral(".csv"));
    EXPECT_TRUE(csv.contains(QStringLiteral("ROUSSEL")));
    EXPECT_FALSE(csv.contains(QStringLiteral("LEBLANC")));
}

TEST_F(UntypedPiece, ClerkTypesThePageFromTheQueueAndTheDossierIsComplete)
{
    ASSERT_EQ(run({QStringLiteral("exceptions"), QStringLiteral("--as-of"),
                   QStringLiteral("2026-12-10"), QStringLiteral("--json")}),
              0);
    const QJsonArray queue = QJsonDocument::fromJson(m_out).array();
    ASSERT_EQ(queue.size(), 1);
    const QJsonObject page = queue.first().toObject();
    EXPECT_EQ(page.value(QStringLiteral("attention")).toString(),
              QStringLiteral("piece_to_identify"));
    EXPECT_EQ(page.value(QStringLiteral("candidateNumber")).toString(), kWithPage);
    const QJsonObject advice = page.value(QStringLiteral("advice")).toArray().first().toObject();
    EXPECT_EQ(advice.value(QStringLiteral("kind")).toString(), QStringLiteral("assign_piece"));
    EXPECT_EQ(advice.value(QStringLiteral("pieceCode")).toString(), QStringLiteral("CFA"));

    ASSERT_EQ(run({QStringLiteral("assign"),
                   QString::number(page.value(QStringLiteral("pageId")).toInteger()), kWithPage,
                   QStringLiteral("--piece"), QStringLiteral("CFA")}),
              0)
        << m_err;
    EXPECT_EQ(candidate(kWithPage).value(QStringLiteral("state")).toString(),
              QStringLiteral("complete"));
}
