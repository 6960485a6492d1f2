// Files that are no export but would cost memory to find out: a huge single line, a huge value,
// a row of a thousand fields, a file without a header. Each is refused at the first record that
// breaks a limit, naming the file and the line, without multiplying the file's size in memory.
#include "RosterFixtures.h"
#include "pointage/CsvReader.h"
#include "pointage/CycladesReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <sys/wait.h>
#include <unistd.h>

namespace pointage {
namespace {

using namespace Qt::StringLiterals;
using testkit::GeneratedRoster;
using testkit::generateRoster;
using testkit::RosterGeneratorOptions;
using testkit::withCell;

GeneratedRoster smallRoster()
{
    RosterGeneratorOptions options;
    options.rowCount = 5;
    return generateRoster(options);
}

struct Expected
{
    CsvProblem problem;
    int line;
};

// Reads `text` through a CsvReader to the end: the problem it stopped on and where.
Expected csvOutcome(const QString &text)
{
    CsvReader reader(text);
    CsvRecord record;
    while (reader.next(record)) {
    }
    return {reader.problem(), reader.error() ? reader.error()->line : 0};
}

TEST(CsvLimits, EachLimitStopsReadingOnTheLineThatBreaksIt)
{
    const QString ok = u"a;b;c\r\n"_s;
    const struct
    {
        const char *name;
        QString text;
        CsvProblem problem;
        int line;
    } cases[] = {
        {"ManyShortFields", ok + QString(u";"_s).repeated(600) + u"\r\n"_s,
         CsvProblem::TooManyFields, 2},
        {"LongPlainValue", ok + ok + QString(5000, u'x'), CsvProblem::FieldTooLong, 3},
        {"LongDoubleQuotedValue", ok + u"\""_s + QString(5000, u'x') + u"\";b\r\n"_s,
         CsvProblem::FieldTooLong, 2},
        {"QuoteLeftOpenOnAHugeTail", ok + u"a;\""_s + QString(u"x\r\n"_s).repeated(3000),
         CsvProblem::FieldTooLong, 2},
        {"LongRecordOfLongValues", ok + QString(QString(4000, u'x') + u";"_s).repeated(20),
         CsvProblem::RecordTooLong, 2},
        {"ApostrophesAtEveryFieldOfAHugeLine", ok + QString(u"'a;"_s).repeated(400),
         CsvProblem::None, 0},
        {"WithinEveryLimit", ok + QString(u"x;"_s).repeated(300) + u"\r\n"_s, CsvProblem::None, 0},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        const Expected outcome = csvOutcome(c.text);
        EXPECT_EQ(outcome.problem, c.problem);
        EXPECT_EQ(outcome.line, c.line);
    }
}

// The first row of the generated export with `value` in place of its last name.
QByteArray withLastName(const QString &value)
{
    return withCell(smallRoster(), 0, u"Nom de famille"_s, value);
}

QByteArray withExtraFields(int fields)
{
    const GeneratedRoster roster = smallRoster();
    QByteArray bytes = roster.bytes;
    qsizetype end = bytes.indexOf('\n', bytes.indexOf(roster.rows.at(1).candidateNumber.toUtf8()));
    if (bytes.at(end - 1) == '\r')
        --end;
    return bytes.insert(end, QByteArray(";x").repeated(fields));
}

TEST(CycladesLimits, HostileRowsAreRefusedNamingFileAndLine)
{
    const GeneratedRoster roster = smallRoster();
    const struct
    {
        const char *name;
        QByteArray bytes;
        int line;
        const char *mentions;
    } cases[] = {
        {"TwentyMegabyteName", withLastName(QString(20 << 20, u'A')), roster.rows.at(0).sourceLine,
         "valeur trop longue"},
        {"ThousandFieldRow", withExtraFields(1000), roster.rows.at(1).sourceLine,
         "trop de colonnes"},
        {"TwentyMegabyteLineOfSeparators", QByteArray(20 << 20, ';'), 1, "trop de colonnes"},
        {"NoHeaderInTheFirstHundredLines", QByteArray("a;b\r\n").repeated(200) + roster.bytes, 0,
         "en-tête introuvable"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        const Result<RosterExport> result = readCycladesExport(c.bytes, u"liste.csv"_s);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().code, ErrorCode::Format);
        EXPECT_EQ(result.error().file, u"liste.csv"_s);
        EXPECT_EQ(result.error().line, c.line);
        EXPECT_TRUE(result.error().message.contains(QString::fromUtf8(c.mentions)))
            << result.error().message.toStdString();
    }
}

// Peak resident memory growth, in MB, of reading `path` in a forked child (so that the figure
// is this read's alone, not the test process's history).
int peakGrowthMbReading(const QString &path)
{
    const auto highWaterKb = [] {
        QFile status(u"/proc/self/status"_s);
        if (!status.open(QIODevice::ReadOnly))
            return qint64(-1);
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toLongLong();
        return qint64(-1);
    };
    const pid_t child = ::fork();
    if (child == 0) {
        const qint64 before = highWaterKb();
        const Result<RosterExport> result = readCycladesFile(path);
        const qint64 after = highWaterKb();
        ::_exit(result.ok() || before < 0 ? 255
                                          : int(std::min<qint64>(254, (after - before) >> 10)));
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 255;
}

// One 20 MB line of separators used to need 658 MB before being refused; now the file's bytes
// and its decoded text (two bytes a character) are about all it costs.
TEST(CycladesLimits, RefusingAHugeLineCostsLittleMoreThanItsText)
{
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer's allocator changes what resident memory means";
#endif
    QTemporaryDir dir;
    const QString path = dir.filePath(u"liste.csv"_s);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(20 << 20, ';'));
    file.close();
    const int growth = peakGrowthMbReading(path);
    RecordProperty("peak_growth_mb", growth);
    EXPECT_LT(growth, 80) << "MB for a 20 MB file (255: the read did not fail)";
}

TEST(CycladesLimits, OversizedFileIsRefusedBeforeBeingRead)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"enorme.csv"_s);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    ASSERT_TRUE(file.resize(300LL << 20)); // sparse: no disk used
    file.close();
    const Result<RosterExport> result = readCycladesFile(path);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().file, u"enorme.csv"_s);
    EXPECT_TRUE(result.error().message.contains(u"trop volumineux"_s));
}

} // namespace
} // namespace pointage
