// Splits delimited text (';' by default) into records of fields, with the quoting Cyclades and
// spreadsheets write: "double quotes" (with "" for a quote, separators and line breaks inside)
// and, optionally, 'single quotes' around a whole value. Used for Cyclades exports and to read
// back the CSV reports.
// Thread-safety: a CsvReader is used by one thread; separate readers are independent.
#pragma once

#include "pointage/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace pointage {

struct CsvDialect
{
    QChar separator = QLatin1Char(';');
    // A value that starts AND ends with an apostrophe on the same line ('TEPC', 'A; B') is
    // single-quoted; an apostrophe anywhere else is text (D'ALMEIDA, N'DIAYE). Single-quoted
    // values may hold separators and '' but not line breaks: only double quotes span lines,
    // so a stray apostrophe can never swallow the rest of a file.
    bool singleQuotes = true;
};

// What one record may hold. A Cyclades row has a few dozen columns of short values; a file
// beyond these is not an export and is refused at the first record that breaks them, before
// it can cost memory (one 20 MB line of ';' once needed 658 MB to be refused).
struct CsvLimits
{
    qsizetype maxRecordChars = 64 * 1024; // a whole record, line breaks in quotes included
    qsizetype maxFieldChars = 4 * 1024;
    qsizetype maxFields = 512;
};

// Why reading stopped short of the end.
enum class CsvProblem { None, UnclosedQuote, RecordTooLong, FieldTooLong, TooManyFields };

struct CsvRecord
{
    QStringList fields;
    int line = 0;           // 1-based line where the record starts
    bool terminated = true; // false when the text ends without a line break after it
};

class CsvReader
{
public:
    // `text` must outlive the reader. Line breaks may be CRLF, LF or CR; inside a quoted value
    // they are all returned as LF.
    explicit CsvReader(QStringView text, CsvDialect dialect = {}, CsvLimits limits = {});

    // Reads the next record into `record`. Returns false at the end of the text, when the text
    // ends inside a double-quoted value, or when a record breaks the limits — then error()
    // says why (French) and on which line, and problem() which case it is.
    bool next(CsvRecord &record);
    const std::optional<Error> &error() const { return m_error; }
    CsvProblem problem() const { return m_problem; }

private:
    std::optional<QString> readDoubleQuoted();
    std::optional<QString> readSingleQuoted();
    bool isFieldEnd(qsizetype pos) const;
    // False (and error() set) when the field that ends at m_pos breaks a limit.
    bool withinLimits(const CsvRecord &record, qsizetype recordStart, qsizetype fieldStart);
    bool fail(CsvProblem problem, int line, const QString &message);

    QStringView m_text;
    CsvDialect m_dialect;
    CsvLimits m_limits;
    CsvProblem m_problem = CsvProblem::None;
    qsizetype m_scanEnd = 0; // how far the current record may reach
    qsizetype m_pos = 0;
    int m_line = 1;
    std::optional<Error> m_error;
};

// Reads every record of `text`; fails on a double quote left open at the end or a record
// beyond `limits`.
Result<QList<CsvRecord>> readCsv(QStringView text, CsvDialect dialect = {}, CsvLimits limits = {});

} // namespace pointage
