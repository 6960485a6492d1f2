#include "pointage/CsvReader.h"

#include <QLocale>
#include <algorithm>

namespace pointage {

namespace {
constexpr QChar doubleQuote = QLatin1Char('"');
constexpr QChar singleQuote = QLatin1Char('\'');
constexpr QChar carriageReturn = QLatin1Char('\r');
constexpr QChar lineFeed = QLatin1Char('\n');

QString count(qsizetype n)
{
    return QLocale(QLocale::French).toString(qint64(n));
}
} // namespace

CsvReader::CsvReader(QStringView text, CsvDialect dialect, CsvLimits limits)
    : m_text(text), m_dialect(dialect), m_limits(limits)
{}

bool CsvReader::isFieldEnd(qsizetype pos) const
{
    if (pos >= m_text.size())
        return true;
    const QChar c = m_text[pos];
    return c == m_dialect.separator || c == lineFeed || c == carriageReturn;
}

bool CsvReader::fail(CsvProblem problem, int line, const QString &message)
{
    m_problem = problem;
    m_error = makeError(ErrorCode::Format, message, {}, line);
    return false;
}

bool CsvReader::withinLimits(const CsvRecord &record, qsizetype recordStart, qsizetype fieldStart)
{
    const QString notAnExport =
        QStringLiteral(" : ce n'est pas une ligne d'export ; vérifiez que "
                       "le fichier est bien une liste exportée de Cyclades");
    if (m_pos - fieldStart > m_limits.maxFieldChars)
        return fail(CsvProblem::FieldTooLong, record.line,
                    QStringLiteral("valeur trop longue (colonne %1 : plus de %2 caractères)")
                            .arg(record.fields.size() + 1)
                            .arg(count(m_limits.maxFieldChars)) +
                        notAnExport);
    if (m_pos - recordStart > m_limits.maxRecordChars)
        return fail(CsvProblem::RecordTooLong, record.line,
                    QStringLiteral("ligne trop longue (plus de %1 caractères)")
                            .arg(count(m_limits.maxRecordChars)) +
                        notAnExport);
    if (record.fields.size() >= m_limits.maxFields)
        return fail(CsvProblem::TooManyFields, record.line,
                    QStringLiteral("trop de colonnes (plus de %1)").arg(count(m_limits.maxFields)) +
                        notAnExport);
    return true;
}

bool CsvReader::next(CsvRecord &record)
{
    if (m_error || m_pos >= m_text.size())
        return false;
    record.fields.clear();
    record.line = m_line;
    const qsizetype size = m_text.size();
    const qsizetype recordStart = m_pos;
    // Scans never look further than one record may reach: a stray apostrophe at the start of
    // each field of a huge line must not rescan the rest of the line each time.
    m_scanEnd = std::min(size, recordStart + m_limits.maxRecordChars + 1);
    for (;;) {
        const qsizetype fieldStart = m_pos;
        if (m_pos < size && m_text[m_pos] == doubleQuote) {
            const int openedAt = m_line;
            std::optional<QString> value = readDoubleQuoted();
            if (!value && m_problem == CsvProblem::None)
                return fail(CsvProblem::UnclosedQuote, openedAt,
                            QStringLiteral("guillemet ouvert et jamais refermé"));
            if (!value || !withinLimits(record, recordStart, fieldStart))
                return false;
            record.fields.append(std::move(*value));
        } else {
            std::optional<QString> quoted;
            if (m_dialect.singleQuotes && m_pos < size && m_text[m_pos] == singleQuote)
                quoted = readSingleQuoted();
            if (!quoted) {
                while (!isFieldEnd(m_pos))
                    ++m_pos;
            }
            if (!withinLimits(record, recordStart, fieldStart))
                return false;
            record.fields.append(quoted ? std::move(*quoted)
                                        : m_text.sliced(fieldStart, m_pos - fieldStart).toString());
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
// closed, or (problem() set) when the value grows past the field limit. Text after the closing
// quote, up to the next separator, is kept as spreadsheets do.
std::optional<QString> CsvReader::readDoubleQuoted()
{
    QString value;
    const qsizetype size = m_text.size();
    const qsizetype opening = m_pos;
    const int openedAt = m_line;
    qsizetype chunk = ++m_pos;
    for (;;) {
        if (m_pos - opening > m_limits.maxFieldChars) {
            fail(CsvProblem::FieldTooLong, openedAt,
                 QStringLiteral("valeur entre guillemets trop longue (plus de %1 caractères) : "
                                "un guillemet est peut-être resté ouvert")
                     .arg(count(m_limits.maxFieldChars)));
            return std::nullopt;
        }
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
    while (!isFieldEnd(m_pos) && m_pos - opening <= m_limits.maxFieldChars)
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
    qsizetype pos = m_pos + 1;
    qsizetype chunk = pos;
    while (pos < m_scanEnd) {
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
        const bool doubled = pos + 1 < m_text.size() && m_text[pos + 1] == singleQuote;
        value += m_text.sliced(chunk, pos - chunk + 1);
        pos += doubled ? 2 : 1;
        chunk = pos;
    }
    return std::nullopt;
}

Result<QList<CsvRecord>> readCsv(QStringView text, CsvDialect dialect, CsvLimits limits)
{
    CsvReader reader(text, dialect, limits);
    QList<CsvRecord> records;
    CsvRecord record;
    while (reader.next(record))
        records.append(record);
    if (reader.error())
        return *reader.error();
    return records;
}

} // namespace pointage
