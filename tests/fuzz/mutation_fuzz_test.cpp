// A short fuzzing run inside the regular suite, so that every CI run fuzzes each reader without
// a clang build: the committed seeds and regressions, mutated as libFuzzer's plain mutators do
// (bit flips, changed, inserted and erased bytes, copied chunks, crossover of two inputs,
// numbers at the edges of int and double), for a few seconds per target. No coverage guidance:
// `scripts/fuzz.sh` is the deep run. Seeded from the clock, so each run tries new inputs;
// POINTAGE_FUZZ_SEED=N repeats a run, POINTAGE_FUZZ_SECONDS=N lengthens it. The readers are built
// with AddressSanitizer and UndefinedBehaviorSanitizer here (tests/CMakeLists.txt), so an
// out-of-bounds read is a crash, not luck. An input over its time budget fails the test; a crash or
// a sanitizer's report kills the binary after writing the input that caused it to
// fuzz-crash-<target>.bin here.
#include "FuzzTargets.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <cctype>
#include <csignal>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <random>
#include <unistd.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

using namespace pointage;

namespace {

constexpr qint64 kDefaultSecondsPerTarget = 4;
constexpr qint64 kInputBudgetMs = 10000; // as the replay: real inputs take milliseconds
constexpr qsizetype kMaxInput = 1 << 20;

// What a crash handler needs, set before each run: async-signal-safe to read.
const char *g_crashPath = nullptr;
const QByteArray *g_current = nullptr;

void saveCurrentInput()
{
    if (g_crashPath && g_current) {
        const int fd = ::open(g_crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            [[maybe_unused]] const ssize_t written =
                ::write(fd, g_current->constData(), size_t(g_current->size()));
            ::close(fd);
        }
    }
}

void writeCrashInput(int signal)
{
    saveCurrentInput();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

QList<QByteArray> inputsOf(const QString &target)
{
    QList<QByteArray> inputs;
    for (const char *folder : {"corpus/", "regressions/"}) {
        const QDir dir(QStringLiteral(POINTAGE_SOURCE_DIR "/tests/fuzz/") + QLatin1String(folder) +
                       target);
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                inputs.append(file.readAll());
        }
    }
    return inputs;
}

class Mutator
{
public:
    explicit Mutator(quint64 seed) : m_random(seed) {}

    QByteArray mutate(QByteArray data, const QList<QByteArray> &pool)
    {
        const int steps = between(1, 8);
        for (int i = 0; i < steps; ++i)
            mutateOnce(data, pool);
        if (data.size() > kMaxInput)
            data.truncate(kMaxInput);
        return data;
    }

private:
    int between(int low, int high) { return std::uniform_int_distribution(low, high)(m_random); }
    qsizetype anywhere(const QByteArray &data) { return between(0, int(data.size())); }

    void mutateOnce(QByteArray &data, const QList<QByteArray> &pool)
    {
        static const char *const edges[] = {"0",
                                            "-1",
                                            "2147483647",
                                            "2147483648",
                                            "-2147483649",
                                            "9223372036854775807",
                                            "18446744073709551616",
                                            "1e308",
                                            "-1e308",
                                            "nan",
                                            "4294967295"};
        switch (between(0, 6)) {
        case 0: // flip a bit
            if (!data.isEmpty())
                data[anywhere(data) % data.size()] ^= char(1 << between(0, 7));
            break;
        case 1: // change a byte
            if (!data.isEmpty())
                data[anywhere(data) % data.size()] = char(between(0, 255));
            break;
        case 2: { // insert a few random bytes
            QByteArray bytes;
            for (int n = between(1, 8); n > 0; --n)
                bytes.append(char(between(0, 255)));
            data.insert(anywhere(data), bytes);
            break;
        }
        case 3: { // erase a run
            const qsizetype at = anywhere(data);
            data.remove(at, between(1, 64));
            break;
        }
        case 4: { // copy a chunk elsewhere
            if (data.isEmpty())
                break;
            const qsizetype from = anywhere(data) % data.size();
            const QByteArray chunk = data.mid(from, between(1, 256));
            data.insert(anywhere(data), chunk);
            break;
        }
        case 5: { // crossover: the head of this input, the tail of another
            const QByteArray &other = pool.at(between(0, int(pool.size()) - 1));
            data = data.left(anywhere(data)) + other.mid(anywhere(other));
            break;
        }
        default: { // a number at the edge of a type, where a number was
            const qsizetype at = anywhere(data);
            qsizetype end = at;
            while (end < data.size() && (std::isdigit(uchar(data[end])) || data[end] == '-'))
                ++end;
            data.replace(at, end - at, edges[between(0, int(std::size(edges)) - 1)]);
            break;
        }
        }
    }

    std::mt19937_64 m_random;
};

// POINTAGE_FUZZ_SECONDS=N runs each target longer (a deeper sanitized run without clang).
qint64 secondsPerTarget()
{
    bool ok = false;
    const qint64 seconds = qEnvironmentVariable("POINTAGE_FUZZ_SECONDS").toLongLong(&ok);
    return ok && seconds > 0 ? seconds : kDefaultSecondsPerTarget;
}

quint64 runSeed()
{
    bool ok = false;
    const quint64 fixed = qEnvironmentVariable("POINTAGE_FUZZ_SEED").toULongLong(&ok);
    return ok ? fixed : quint64(QDateTime::currentMSecsSinceEpoch());
}

class FuzzBriefly : public ::testing::TestWithParam<int>
{
};

TEST_P(FuzzBriefly, MutatedSeedsNeitherCrashNorHang)
{
    const fuzz::Target &target = fuzz::targets()[GetParam()];
    const QList<QByteArray> pool = inputsOf(QString::fromLatin1(target.name));
    ASSERT_FALSE(pool.isEmpty()) << "no seed corpus for " << target.name;
    const quint64 seed = runSeed();
    // Printed first: a crash ends the binary before any assertion can say it.
    std::printf("fuzz %s: POINTAGE_FUZZ_SEED=%llu\n", target.name,
                static_cast<unsigned long long>(seed));
    std::fflush(stdout);

    const QByteArray crashPath =
        QDir::current()
            .absoluteFilePath(QStringLiteral("fuzz-crash-%1.bin").arg(target.name))
            .toLocal8Bit();
    g_crashPath = crashPath.constData();
    for (const int signal : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL})
        std::signal(signal, writeCrashInput);
#if defined(__SANITIZE_ADDRESS__)
    // A sanitizer's report ends the process with exit(), not a signal.
    __sanitizer_set_death_callback(saveCurrentInput);
#endif

    // Qt's JPEG plugin warns on every damaged image it is given: thousands of lines of noise.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio.jpeg=false"));
    Mutator mutator(seed);
    std::mt19937_64 pick(seed ^ 0x9e3779b97f4a7c15ULL);
    QElapsedTimer total;
    total.start();
    int runs = 0;
    const qint64 budgetMs = secondsPerTarget() * 1000;
    while (total.elapsed() < budgetMs) {
        const QByteArray input =
            mutator.mutate(pool.at(qsizetype(pick() % quint64(pool.size()))), pool);
        g_current = &input;
        QElapsedTimer clock;
        clock.start();
        target.run(input);
        ++runs;
        if (clock.elapsed() > kInputBudgetMs) {
            QFile slow(QStringLiteral("fuzz-slow-%1.bin").arg(target.name));
            if (slow.open(QIODevice::WriteOnly))
                slow.write(input);
            ADD_FAILURE() << target.name << ": an input took " << clock.elapsed()
                          << " ms (written to " << QFileInfo(slow).absoluteFilePath().toStdString()
                          << ")";
            break;
        }
    }
    g_current = nullptr;
    for (const int signal : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL})
        std::signal(signal, SIG_DFL);
    std::printf("fuzz %s: %d mutated inputs in %.1f s\n", target.name, runs,
                total.elapsed() / 1000.0);
    EXPECT_GT(runs, 0);
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzBriefly, ::testing::Range(0, fuzz::targetCount()),
                         [](const auto &info) {
                             return std::string(fuzz::targets()[info.param].name);
                         });

} // namespace
