// The handful of PDF syntax the fast path needs: values (numbers, names, strings, arrays,
// dictionaries, references) parsed from raw file bytes. Not a PDF library: anything unusual
// makes the caller fall back to Poppler, which stays the reference renderer.
// Thread-safety: plain values; a PdfParser is used by one thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>
#include <utility>
#include <vector>

namespace pointage {

struct PdfEntry;

struct PdfValue
{
    enum class Type { Null, Boolean, Number, Name, String, Array, Dictionary, Reference };

    Type type = Type::Null;
    double number = 0;             // Number, Boolean (0/1)
    QByteArray text;               // Name (without '/'), String
    std::vector<PdfValue> items;   // Array
    std::vector<PdfEntry> entries; // Dictionary
    int objectNumber = 0;          // Reference

    bool isName(QByteArrayView name) const { return type == Type::Name && text == name; }
    // The number as a whole value in [min, max], or std::nullopt: file values are checked
    // before any conversion (a double out of an integer's range is undefined behaviour).
    std::optional<qint64> integer(qint64 min, qint64 max) const;
    bool isNumber() const { return type == Type::Number; }
    bool isDictionary() const { return type == Type::Dictionary; }
    // Dictionary entry, or nullptr when absent or not a dictionary.
    const PdfValue *value(QByteArrayView key) const;
};

// One dictionary entry. A struct rather than std::pair: a pair of a still-incomplete PdfValue
// is ill-formed (clang refuses it; the fuzz build uses clang).
struct PdfEntry
{
    QByteArray first; // key, without '/'
    PdfValue second;
};

// Bytes examined by PdfParser and PdfFile on the calling thread since it started (or since a
// test reset it). Tests use it to prove indexing stays linear on hostile input: operation
// counts, unlike wall time, do not depend on the machine's load.
qint64 &pdfBytesExamined();

// Parses one value at a time from `data` starting at an offset. Never reads past the end;
// malformed input yields std::nullopt.
class PdfParser
{
public:
    explicit PdfParser(QByteArrayView data, qsizetype offset = 0) : m_data(data), m_pos(offset) {}

    std::optional<PdfValue> parseValue(int depth = 0);
    // The next bare word (operator or keyword such as "obj", "stream", "cm"), or empty.
    QByteArray keyword();
    // Skips whitespace and comments; true if more bytes follow.
    bool skipSpace();
    qsizetype position() const { return m_pos; }
    bool atDelimiterOrDigit() const;

private:
    std::optional<PdfValue> parseNumberOrReference();
    std::optional<PdfValue> parseName();
    std::optional<PdfValue> parseLiteralString();
    std::optional<PdfValue> parseHexString();
    std::optional<PdfValue> parseArray(int depth);
    std::optional<PdfValue> parseDictionary(int depth);
    std::optional<double> parseNumber();

    QByteArrayView m_data;
    qsizetype m_pos;
    int m_nodes = 0; // values parsed so far, bounded
};

} // namespace pointage
