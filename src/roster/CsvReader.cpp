#include "pointage/CsvReader.h"

namespace pointage {

namespace {
constexpr QChar doubleQuote = QLatin1Char('"');
constexpr QChar singleQuote = QLatin1Char('\'');
constexpr QChar carriageReturn = QLatin1Char('\r');
constexpr QChar lineFeed = QLatin1Char('\n');
} // namespace

CsvReader::CsvReader(QStringView text, CsvDialect dialect) : m_text(text), m_dialect(dialect) {}

bool CsvReader::isFieldEnd(qsizetype pos) const
{
    if (pos >= m_text.size())
        return true;
    const QChar c = m_text[pos];
    return c == m_dialect.separator || c == lineFeed || c == carriageReturn;
}

bool CsvReader::next(CsvRecord &record)
{
    if (m_error || m_pos >= m_text.size())
        return false;
    record.fields.clear();
    record.line = m_line;
    const qsizetype size = m_text.size();
    for (;;) {
        if (m_pos < size && m_text[m_pos] == doubleQuote) {
            const int openedAt = m_line;
            std::optional<QString> value = readDoubleQuoted();
            if (!value) {
                m_error =
                    makeError(ErrorCode::Format,
                              QStringLiteral("guillemet ouvert et jamais refermé"), {}, openedAt);
                return false;
            }
            record.fields.append(std::move(*value));
        } else {
            std::optional<QString> quoted;
            if (m_dialect.singleQuotes && m_pos < size && m_text[m_pos] == singleQuote)
                quoted = readSingleQuoted();
            if (quoted) {
                record.fields.append(std::move(*quoted));
            } else {
                const qsizetype start = m_pos;
                while (!isFieldEnd(m_pos))
                    ++m_pos;
                record.fields.append(m_text.sliced(start, m_pos - start).toString());
            }
        }

        if (m_pos >= size) {
            record.terminated = false;
            return true;
        }
        const QChar c = m_text[m_pos++];
        if (c == m_dialect.separator)
            continue;
        if (c == carriageReturn && m_pos < size && m_text[m_pos] == lineFeed)
            ++m_pos;
        ++m_line;
        record.terminated = true;
        return true;
    }
}

// Starts on the opening quote and leaves m_pos after the value; nullopt when the quote is never
// closed. Text after the closing quote, up to the next separator, is kept as spreadsheets do.
std::optional<QString> CsvReader::readDoubleQuoted()
{
    QString value;
    const qsizetype size = m_text.size();
    qsizetype chunk = ++m_pos;
    for (;;) {
        if (m_pos >= size)
            return std::nullopt;
        const QChar c = m_text[m_pos];
        if (c == doubleQuote) {
            value += m_text.sliced(chunk, m_pos - chunk);
            if (m_pos + 1 < size && m_text[m_pos + 1] == doubleQuote) {
                value += doubleQuote;
                m_pos += 2;
                chunk = m_pos;
                continue;
            }
            ++m_pos;
            break;
        }
        if (c == carriageReturn || c == lineFeed) {
            value += m_text.sliced(chunk, m_pos - chunk);
            value += lineFeed;
            ++m_pos;
            if (c == carriageReturn && m_pos < size && m_text[m_pos] == lineFeed)
                ++m_pos;
            ++m_line;
            chunk = m_pos;
            continue;
        }
        ++m_pos;
    }
    const qsizetype rest = m_pos;
    while (!isFieldEnd(m_pos))
        ++m_pos;
    value += m_text.sliced(rest, m_pos - rest);
    return value;
}

// Starts on an apostrophe. The value is single-quoted only if an apostrophe followed by the end
// of the field closes it on the same line; otherwise m_pos is left unchanged and the caller
// reads the field as plain text.
std::optional<QString> CsvReader::readSingleQuoted()
{
    QString value;
    const qsizetype size = m_text.size();
    qsizetype pos = m_pos + 1;
    qsizetype chunk = pos;
    while (pos < size) {
        const QChar c = m_text[pos];
        if (c == lineFeed || c == carriageReturn)
            return std::nullopt;
        if (c != singleQuote) {
            ++pos;
            continue;
        }
        if (isFieldEnd(pos + 1)) {
            value += m_text.sliced(chunk, pos - chunk);
            m_pos = pos + 1;
            return value;
        }
        const bool doubled = pos + 1 < size && m_text[pos + 1] == singleQuote;
        value += m_text.sliced(chunk, pos - chunk + 1);
        pos += doubled ? 2 : 1;
        chunk = pos;
    }
    return std::nullopt;
}

Result<QList<CsvRecord>> readCsv(QStringView text, CsvDialect dialect)
{
    CsvReader reader(text, dialect);
    QList<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record))
        records.append(record);
    if (reader.error())
        return *reader.error();
    return records;
}

} // namespace pointage
