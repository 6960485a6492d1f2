// The fuzz targets: one plain function per reader that takes untrusted bytes. libFuzzer drives
// them from tests/fuzz/entry/ (clang, scripts/fuzz.sh); the regular suite replays the committed
// seeds and every input that once crashed or hung them (regressions/<target>/), built with g++.
// Each must return without crashing, leaking or hanging on any input.
// Thread-safety: one call at a time per thread; they share no state.
#pragma once

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>

namespace pointage::fuzz {

struct Target
{
    const char *name; // folder name under corpus/ and regressions/
    void (*run)(const QByteArray &input);
};

void pdfIndex(const QByteArray &input);        // PdfFile::index and the page tree
void plainScanPage(const QByteArray &input);   // the fast path: find and decode plain scans
void cyclades(const QByteArray &input);        // readCycladesExport (text decoding, CSV, rows)
void textDecoding(const QByteArray &input);    // decodeText and CsvReader in both dialects
void configRules(const QByteArray &input);     // SessionConfig and RequirementRules JSON
void barcodePatterns(const QByteArray &input); // payloads against default and given patterns

// Every target, for the replay test and the entry points.
const Target *targets();
int targetCount();

// libFuzzer's entry, shared by every fuzz executable: `name` picks the target.
int runTarget(const char *name, const uint8_t *data, size_t size);

} // namespace pointage::fuzz
