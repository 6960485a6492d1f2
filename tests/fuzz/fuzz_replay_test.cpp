// Replays, with the regular (g++) build, every committed seed and every input that once crashed
// or hung a fuzz target: tests/fuzz/corpus/<target>/ and tests/fuzz/regressions/<target>/.
// A crash fails the run; a hang shows as an input over its time budget.
#include "FuzzTargets.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <gtest/gtest.h>

using namespace pointage;

namespace {

// Real inputs take milliseconds; the budget only catches a return of the quadratic or looping
// behaviour these inputs once triggered, on a loaded machine or a sanitized build.
constexpr qint64 kBudgetMs = 10000;

QStringList inputsUnder(const QString &folder)
{
    QStringList paths;
    const QDir dir(QStringLiteral(POINTAGE_SOURCE_DIR "/tests/fuzz/") + folder);
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

class FuzzReplay : public ::testing::TestWithParam<int>
{
};

TEST_P(FuzzReplay, EverySeedAndRecordedRegressionIsHandledQuickly)
{
    const fuzz::Target &target = fuzz::targets()[GetParam()];
    const QString name = QString::fromLatin1(target.name);
    const QStringList seeds = inputsUnder(QStringLiteral("corpus/") + name);
    ASSERT_FALSE(seeds.isEmpty()) << "no seed corpus for " << target.name;
    for (const QString &path : seeds + inputsUnder(QStringLiteral("regressions/") + name)) {
        SCOPED_TRACE(path.toStdString());
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QByteArray input = file.readAll();
        QElapsedTimer clock;
        clock.start();
        target.run(input);
        EXPECT_LT(clock.elapsed(), kBudgetMs);
    }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplay, ::testing::Range(0, fuzz::targetCount()),
                         [](const auto &info) {
                             return std::string(fuzz::targets()[info.param].name);
                         });

} // namespace
