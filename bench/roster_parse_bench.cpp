// Parsing speed of the Cyclades reader alone (no database) on generated 100,000-row exports:
// plain UTF-8, Windows-1252 with quoting and extra columns, and the tokenizer on its own.
#include "RosterGenerator.h"
#include "pointage/CsvReader.h"
#include "pointage/CycladesReader.h"
#include "pointage/TextDecoding.h"

#include <benchmark/benchmark.h>

namespace {

using namespace pointage;

QByteArray generatedExport(bool excelResaved)
{
    testkit::RosterGeneratorOptions options;
    options.rowCount = 100000;
    if (excelResaved) {
        options.encoding = testkit::TextEncoding::Windows1252;
        options.quoting = true;
        options.tenDigitEvery = 7;
        options.extraColumns = {QStringLiteral("Aménagements"), QStringLiteral("Observations")};
    }
    return testkit::generateRoster(options).bytes;
}

void reportRates(benchmark::State &state, qsizetype rows, qsizetype bytes)
{
    state.counters["rows/s"] =
        benchmark::Counter(double(rows) * double(state.iterations()), benchmark::Counter::kIsRate);
    state.SetBytesProcessed(int64_t(bytes) * state.iterations());
}

void BM_ReadCycladesExport(benchmark::State &state)
{
    const QByteArray bytes = generatedExport(state.range(0) != 0);
    qsizetype rows = 0;
    for (auto _ : state) {
        const Result<RosterExport> parsed = readCycladesExport(bytes, QStringLiteral("bench.csv"));
        if (!parsed.ok() || parsed->rows.size() != 100000) {
            state.SkipWithError("the generated export did not parse");
            return;
        }
        rows = parsed->rows.size();
        benchmark::DoNotOptimize(parsed->rows.constData());
    }
    reportRates(state, rows, bytes.size());
}
BENCHMARK(BM_ReadCycladesExport)
    ->ArgName("excelResaved")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_TokenizeOnly(benchmark::State &state)
{
    const QString text = decodeText(generatedExport(false)).value().text;
    qsizetype records = 0;
    for (auto _ : state) {
        CsvReader reader(text);
        CsvRecord record;
        records = 0;
        while (reader.next(record))
            ++records;
        benchmark::DoNotOptimize(records);
    }
    reportRates(state, records, text.size() * qsizetype(sizeof(QChar)));
}
BENCHMARK(BM_TokenizeOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_GenerateExport(benchmark::State &state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(generatedExport(false).size());
    state.counters["rows/s"] =
        benchmark::Counter(100000.0 * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_GenerateExport)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
