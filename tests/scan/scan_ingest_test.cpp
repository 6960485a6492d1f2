// The ingest end to end on generated scanner PDFs, with real worker processes: every page
// recorded, duplicates skipped, bad files reported while the batch goes on, a crashing or
// hanging decoder costing one page, an interrupted file left for the next run.
#include "IngestFixture.h"

#include <QFile>

using namespace pointage;
using namespace pointage::testkit;

namespace {

const IngestFileResult *resultFor(const IngestSummary &s, const QString &fileName)
{
    for (const IngestFileResult &f : s.files) {
        if (f.path.endsWith(fileName))
            return &f;
    }
    return nullptr;
}

} // namespace

TEST_F(ScanIngestTest, RecordsEveryPageWithItsCodes)
{
    const QList<BatchPage> batch = writeBatch(QStringLiteral("lot1.pdf"), 14, 7);
    const IngestSummary s = ingest(options());
    EXPECT_FALSE(s.somethingSkipped());
    ASSERT_EQ(s.pagesRead, batch.size());
    const QList<StoredPage> stored = pages();
    ASSERT_EQ(stored.size(), batch.size());
    for (qsizetype i = 0; i < batch.size(); ++i) {
        EXPECT_EQ(stored[i].read.pageNumber, i + 1);
        EXPECT_EQ(stored[i].received, QDate(2026, 12, 3));
        QStringList read;
        for (const BarcodeRead &c : stored[i].read.codes)
            read.append(c.format + QLatin1Char(':') + c.text);
        for (const QString &expected : batch[i].expectedCodes())
            EXPECT_TRUE(read.contains(expected))
                << "page " << i + 1 << " " << expected.toStdString();
    }
}

TEST_F(ScanIngestTest, SkipsAFileAlreadyRecordedEvenUnderAnotherName)
{
    writeBatch(QStringLiteral("lot1.pdf"), 4, 3);
    ingest(options());
    QFile::copy(QDir(scans()).filePath(QStringLiteral("lot1.pdf")),
                QDir(scans()).filePath(QStringLiteral("lot1-copie.pdf")));
    const IngestSummary again = ingest(options());
    ASSERT_EQ(again.files.size(), 2);
    for (const IngestFileResult &f : again.files)
        EXPECT_EQ(f.outcome, IngestFileResult::Outcome::AlreadyIngested);
    EXPECT_TRUE(resultFor(again, QStringLiteral("lot1-copie.pdf"))
                    ->message.contains(QStringLiteral("identique")));
    EXPECT_EQ(pages().size(), 4);
}

TEST_F(ScanIngestTest, ForcedRereadKeepsPageIds)
{
    writeBatch(QStringLiteral("lot1.pdf"), 4, 3);
    ingest(options());
    const QList<StoredPage> before = pages();
    IngestOptions o = options();
    o.force = true;
    const IngestSummary s = ingest(o);
    ASSERT_EQ(s.files.size(), 1);
    EXPECT_EQ(s.files[0].outcome, IngestFileResult::Outcome::Ingested);
    const QList<StoredPage> after = pages();
    ASSERT_EQ(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i)
        EXPECT_EQ(after[i].id, before[i].id);
}

TEST_F(ScanIngestTest, BadFilesAreReportedAndTheBatchGoesOn)
{
    const QList<BatchPage> batch = writeBatch(QStringLiteral("zz-bon.pdf"), 3, 5);
    const QImage page = renderBatchPage(batch.first(), 100);
    const QDir d(scans());
    ASSERT_TRUE(writeTruncatedPdf(d.filePath(QStringLiteral("tronque.pdf")), page, 100, 0.5));
    ASSERT_TRUE(writeEncryptedPdf(d.filePath(QStringLiteral("chiffre.pdf"))));
    ASSERT_TRUE(writePdfWithoutPages(d.filePath(QStringLiteral("vide.pdf"))));
    ASSERT_TRUE(writeBytes(d.filePath(QStringLiteral("zero.pdf")), {}));
    ASSERT_TRUE(writeBytes(d.filePath(QStringLiteral("texte.pdf")), "ceci n'est pas un PDF\n"));
    ASSERT_TRUE(writeBytes(d.filePath(QStringLiteral("image.png")), "\x89PNG\r\n\x1a\nrubbish"));

    const IngestSummary s = ingest(options());
    EXPECT_TRUE(s.somethingSkipped());
    const IngestFileResult *good = resultFor(s, QStringLiteral("zz-bon.pdf"));
    ASSERT_NE(good, nullptr);
    EXPECT_EQ(good->outcome, IngestFileResult::Outcome::Ingested);
    for (const char *bad :
         {"tronque.pdf", "chiffre.pdf", "vide.pdf", "zero.pdf", "texte.pdf", "image.png"}) {
        const IngestFileResult *f = resultFor(s, QString::fromLatin1(bad));
        ASSERT_NE(f, nullptr) << bad;
        // A truncated PDF may still yield pages; then each unreadable page is an exception.
        if (f->outcome == IngestFileResult::Outcome::Ingested)
            continue;
        EXPECT_EQ(f->outcome, IngestFileResult::Outcome::Failed) << bad;
        EXPECT_FALSE(f->message.isEmpty()) << bad;
    }
    EXPECT_TRUE(resultFor(s, QStringLiteral("chiffre.pdf"))
                    ->message.contains(QStringLiteral("protégé"), Qt::CaseInsensitive) ||
                resultFor(s, QStringLiteral("chiffre.pdf"))
                    ->message.contains(QStringLiteral("chiffré"), Qt::CaseInsensitive));
}

TEST_F(ScanIngestTest, CrashingDecoderCostsOnePageNotTheBatch)
{
    writeBatch(QStringLiteral("lot1.pdf"), 5, 11);
    qputenv("POINTAGE_TEST_CRASH_PAGE", "2");
    const IngestSummary s = ingest(options(QStringLiteral(POINTAGE_CRASHING_WORKER)));
    ASSERT_EQ(s.files.size(), 1);
    EXPECT_EQ(s.files[0].outcome, IngestFileResult::Outcome::Ingested);
    EXPECT_EQ(s.files[0].failedPages, 1);
    const QList<StoredPage> stored = pages();
    ASSERT_EQ(stored.size(), 5);
    EXPECT_TRUE(stored[1].read.decodeError.contains(QStringLiteral("arrêté")));
    for (int i : {0, 2, 3, 4})
        EXPECT_TRUE(stored[i].read.decodeError.isEmpty()) << i;
}

TEST_F(ScanIngestTest, HangingDecoderIsAbandonedAfterItsTimeLimit)
{
    writeBatch(QStringLiteral("lot1.pdf"), 3, 11);
    qputenv("POINTAGE_TEST_HANG_PAGE", "3");
    IngestOptions o = options(QStringLiteral(POINTAGE_CRASHING_WORKER));
    o.pageTimeoutMs = 1500;
    const IngestSummary s = ingest(o);
    const QList<StoredPage> stored = pages();
    ASSERT_EQ(stored.size(), 3);
    EXPECT_TRUE(stored[2].read.decodeError.contains(QStringLiteral("dépassé")));
    EXPECT_TRUE(s.somethingSkipped());
}

TEST_F(ScanIngestTest, InterruptedFileIsNotRecordedAndTheNextRunCompletesIt)
{
    writeBatch(QStringLiteral("lot1.pdf"), 6, 13);
    {
        ScanIngest job(*m_ledger, options());
        job.setProgressCallback([&job](const IngestProgress &p) {
            if (p.pagesDone == 1)
                job.requestStop();
        });
        auto s = job.run();
        ASSERT_TRUE(s.ok());
        EXPECT_TRUE(s->interrupted);
        EXPECT_TRUE(s->somethingSkipped());
    }
    EXPECT_TRUE(pages().isEmpty());
    const IngestSummary s = ingest(options());
    EXPECT_EQ(s.pagesRead, 6);
    EXPECT_EQ(pages().size(), 6);
}
