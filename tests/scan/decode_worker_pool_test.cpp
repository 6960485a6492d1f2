// The worker pool's environment: defaults it gives its workers (one OpenMP thread for the OCR
// workers), and a person's own setting winning over them.
#include "scan/DecodeWorkerPool.h"

#include <QtGlobal>
#include <gtest/gtest.h>

using namespace pointage;

namespace {

// What a worker that prints one variable answers to its first request.
QByteArray workerSees(const QByteArray &name, const QByteArray &defaultValue)
{
    DecodeWorkerPool pool(
        QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"),
         QStringLiteral("read request; echo \"[$%1]\"").arg(QString::fromLatin1(name))},
        1, 10000);
    pool.setEnvironmentDefault(name, defaultValue);
    if (!pool.start().ok())
        return "not started";
    pool.submitLine(0, "tell\n", 1);
    for (int tries = 0; tries < 50; ++tries) {
        for (const DecodeWorkerPool::Completion &done : pool.wait(200)) {
            if (done.line)
                return done.line->trimmed();
            return "failed: " + done.failureText.toUtf8();
        }
    }
    return "no answer";
}

TEST(DecodeWorkerPool, GivesItsWorkersAnEnvironmentDefault)
{
    qunsetenv("POINTAGE_TEST_POOL_DEFAULT");
    EXPECT_EQ(workerSees("POINTAGE_TEST_POOL_DEFAULT", "1"), "[1]");
}

TEST(DecodeWorkerPool, LeavesAVariableThePersonSetAsItIs)
{
    qputenv("POINTAGE_TEST_POOL_DEFAULT", "3");
    EXPECT_EQ(workerSees("POINTAGE_TEST_POOL_DEFAULT", "1"), "[3]");
    qunsetenv("POINTAGE_TEST_POOL_DEFAULT");
}

} // namespace
