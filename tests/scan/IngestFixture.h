// The ingest fixture shared by the scan tests that run real worker processes: a temporary
// scans/ folder, a fresh ledger, generated batches, and the options to ingest them with the
// real worker (`pointage __decode-worker`) or the misbehaving one (support/crashing_worker.cpp).
#pragma once

#include "PageBatch.h"
#include "ScanPdfWriter.h"
#include "pointage/Ledger.h"
#include "pointage/ScanIngest.h"

#include <QDir>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace pointage::testkit {

class ScanIngestTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        QDir(m_dir.path()).mkdir(QStringLiteral("scans"));
        auto opened = Ledger::open(m_dir.filePath(QStringLiteral("ledger.sqlite")));
        ASSERT_TRUE(opened.ok());
        m_ledger = std::move(opened.value());
    }
    void TearDown() override
    {
        for (const char *name :
             {"POINTAGE_TEST_CRASH_PAGE", "POINTAGE_TEST_HANG_PAGE", "POINTAGE_TEST_GREEDY_PAGE",
              "POINTAGE_TEST_CRASH_FAST", "POINTAGE_WORKER_MEMORY_MB"})
            qunsetenv(name);
    }

    QString scans() const { return m_dir.filePath(QStringLiteral("scans")); }

    QList<BatchPage> writeBatch(const QString &name, int pages, quint32 seed)
    {
        BatchMix mix;
        mix.pages = pages;
        mix.seed = seed;
        const QList<BatchPage> batch = planBatch(mix);
        EXPECT_TRUE(writeBatchPdf(QDir(scans()).filePath(name), batch, 200));
        return batch;
    }

    IngestOptions options(const QString &worker = QStringLiteral(POINTAGE_BINARY)) const
    {
        IngestOptions o;
        o.inputs = {scans()};
        o.received = QDate(2026, 12, 3);
        o.workerProgram = worker;
        if (worker == QStringLiteral(POINTAGE_BINARY))
            o.workerArguments = {QStringLiteral("__decode-worker")};
        o.workers = 2;
        return o;
    }

    IngestSummary ingest(const IngestOptions &o)
    {
        ScanIngest job(*m_ledger, o);
        auto summary = job.run();
        EXPECT_TRUE(summary.ok()) << (summary.ok() ? "" : summary.error().located().toStdString());
        return summary.ok() ? summary.value() : IngestSummary{};
    }

    QList<StoredPage> pages()
    {
        auto snap = m_ledger->snapshot();
        EXPECT_TRUE(snap.ok());
        return snap.ok() ? snap->pages : QList<StoredPage>{};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
};

// Every page of `batch` recorded in order, decoded, with every code it carries.
inline void expectEveryPageRead(const QList<StoredPage> &stored, const QList<BatchPage> &batch)
{
    ASSERT_EQ(stored.size(), batch.size());
    for (qsizetype i = 0; i < batch.size(); ++i) {
        EXPECT_EQ(stored[i].read.pageNumber, i + 1);
        EXPECT_TRUE(stored[i].read.decodeError.isEmpty())
            << i << stored[i].read.decodeError.toStdString();
        QStringList read;
        for (const BarcodeRead &c : stored[i].read.codes)
            read.append(c.format + QLatin1Char(':') + c.text);
        for (const QString &expected : batch[i].expectedCodes())
            EXPECT_TRUE(read.contains(expected)) << "page " << i + 1;
    }
}

} // namespace pointage::testkit
