#include "PdfValue.h"

#include <cctype>
#include <climits>
#include <cmath>

namespace pointage {

namespace {

constexpr int kMaxDepth = 32;
// Values in one parse: a flat page tree of the largest batch we accept (100,000 pages) fits;
// a hostile file cannot make one parse build gigabytes of values.
constexpr int kMaxNodes = 1 << 18;
// Doubles hold every whole number up to 2^53 exactly; nothing a PDF counts goes beyond.
constexpr double kExactWhole = 9007199254740992.0;

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool isDelimiter(char c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
           c == '}' || c == '/' || c == '%';
}

bool isRegular(char c)
{
    return !isSpace(c) && !isDelimiter(c);
}

bool isHexDigit(char c)
{
    return std::isxdigit(uchar(c)) != 0;
}

} // namespace

qint64 &pdfBytesExamined()
{
    thread_local qint64 examined = 0;
    return examined;
}

std::optional<qint64> PdfValue::integer(qint64 min, qint64 max) const
{
    if (type != Type::Number || !std::isfinite(number) || std::abs(number) > kExactWhole ||
        number != std::trunc(number))
        return std::nullopt;
    const auto whole = qint64(number); // exact: |number| <= 2^53
    if (whole < min || whole > max)
        return std::nullopt;
    return whole;
}

const PdfValue *PdfValue::value(QByteArrayView key) const
{
    for (const auto &[name, entry] : entries)
        if (name == key)
            return &entry;
    return nullptr;
}

bool PdfParser::skipSpace()
{
    const qsizetype start = m_pos;
    const auto counted = [&](bool more) {
        pdfBytesExamined() += m_pos - start + 1;
        return more;
    };
    while (m_pos < m_data.size()) {
        const char c = m_data[m_pos];
        if (c == '%') {
            while (m_pos < m_data.size() && m_data[m_pos] != '\n' && m_data[m_pos] != '\r')
                ++m_pos;
        } else if (isSpace(c)) {
            ++m_pos;
        } else {
            return counted(true);
        }
    }
    return counted(false);
}

bool PdfParser::atDelimiterOrDigit() const
{
    if (m_pos >= m_data.size())
        return false;
    const char c = m_data[m_pos];
    return isDelimiter(c) || std::isdigit(uchar(c)) || c == '-' || c == '+' || c == '.';
}

QByteArray PdfParser::keyword()
{
    if (!skipSpace())
        return {};
    const qsizetype start = m_pos;
    while (m_pos < m_data.size() && isRegular(m_data[m_pos]))
        ++m_pos;
    pdfBytesExamined() += m_pos - start;
    return m_data.sliced(start, m_pos - start).toByteArray();
}

std::optional<PdfValue> PdfParser::parseValue(int depth)
{
    if (depth > kMaxDepth || ++m_nodes > kMaxNodes || !skipSpace())
        return std::nullopt;
    const char c = m_data[m_pos];
    if (c == '/')
        return parseName();
    if (c == '(')
        return parseLiteralString();
    if (c == '[')
        return parseArray(depth);
    if (c == '<') {
        if (m_pos + 1 < m_data.size() && m_data[m_pos + 1] == '<')
            return parseDictionary(depth);
        return parseHexString();
    }
    if (std::isdigit(uchar(c)) || c == '-' || c == '+' || c == '.')
        return parseNumberOrReference();
    const QByteArray word = keyword();
    PdfValue value;
    if (word == "true" || word == "false") {
        value.type = PdfValue::Type::Boolean;
        value.number = word == "true";
        return value;
    }
    if (word == "null")
        return value;
    return std::nullopt;
}

std::optional<double> PdfParser::parseNumber()
{
    const qsizetype start = m_pos;
    if (m_pos < m_data.size() && (m_data[m_pos] == '-' || m_data[m_pos] == '+'))
        ++m_pos;
    while (m_pos < m_data.size() && (std::isdigit(uchar(m_data[m_pos])) || m_data[m_pos] == '.'))
        ++m_pos;
    pdfBytesExamined() += m_pos - start;
    bool ok = false;
    const double number = m_data.sliced(start, m_pos - start).toByteArray().toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return number;
}

std::optional<PdfValue> PdfParser::parseNumberOrReference()
{
    const std::optional<double> first = parseNumber();
    if (!first)
        return std::nullopt;
    PdfValue value;
    value.type = PdfValue::Type::Number;
    value.number = *first;
    // "12 0 R" — look ahead without committing.
    const qsizetype afterFirst = m_pos;
    if (skipSpace() && std::isdigit(uchar(m_data[m_pos]))) {
        const std::optional<double> generation = parseNumber();
        const std::optional<qint64> number = value.integer(0, INT_MAX);
        if (number && generation && skipSpace() && m_data[m_pos] == 'R' &&
            (m_pos + 1 == m_data.size() || !isRegular(m_data[m_pos + 1]))) {
            ++m_pos;
            value.type = PdfValue::Type::Reference;
            value.objectNumber = int(*number);
            return value;
        }
    }
    m_pos = afterFirst;
    return value;
}

std::optional<PdfValue> PdfParser::parseName()
{
    ++m_pos; // '/'
    const qsizetype start = m_pos;
    while (m_pos < m_data.size() && isRegular(m_data[m_pos]))
        ++m_pos;
    pdfBytesExamined() += m_pos - start + 1;
    PdfValue value;
    value.type = PdfValue::Type::Name;
    value.text = m_data.sliced(start, m_pos - start).toByteArray();
    return value;
}

std::optional<PdfValue> PdfParser::parseLiteralString()
{
    ++m_pos; // '('
    int nesting = 1;
    PdfValue value;
    value.type = PdfValue::Type::String;
    while (m_pos < m_data.size()) {
        ++pdfBytesExamined();
        const char c = m_data[m_pos++];
        if (c == '\\') {
            if (m_pos < m_data.size())
                value.text += m_data[m_pos++];
            continue;
        }
        if (c == '(')
            ++nesting;
        if (c == ')' && --nesting == 0)
            return value;
        value.text += c;
    }
    return std::nullopt;
}

// Stops at the first byte that cannot belong to a hex string, and leaves the position there:
// searching ahead for the closing '>' would rescan the rest of the file from every stray '<'
// (quadratic on junk).
std::optional<PdfValue> PdfParser::parseHexString()
{
    const qsizetype start = ++m_pos; // '<'
    while (m_pos < m_data.size() && (isHexDigit(m_data[m_pos]) || isSpace(m_data[m_pos])))
        ++m_pos;
    pdfBytesExamined() += m_pos - start + 1;
    if (m_pos >= m_data.size() || m_data[m_pos] != '>')
        return std::nullopt;
    PdfValue value;
    value.type = PdfValue::Type::String;
    value.text = QByteArray::fromHex(m_data.sliced(start, m_pos - start).toByteArray());
    ++m_pos;
    return value;
}

std::optional<PdfValue> PdfParser::parseArray(int depth)
{
    ++m_pos; // '['
    PdfValue array;
    array.type = PdfValue::Type::Array;
    while (skipSpace()) {
        if (m_data[m_pos] == ']') {
            ++m_pos;
            return array;
        }
        std::optional<PdfValue> item = parseValue(depth + 1);
        if (!item)
            return std::nullopt;
        array.items.push_back(std::move(*item));
    }
    return std::nullopt;
}

std::optional<PdfValue> PdfParser::parseDictionary(int depth)
{
    m_pos += 2; // "<<"
    PdfValue dictionary;
    dictionary.type = PdfValue::Type::Dictionary;
    while (skipSpace()) {
        if (m_data[m_pos] == '>') {
            if (m_pos + 1 >= m_data.size() || m_data[m_pos + 1] != '>')
                return std::nullopt;
            m_pos += 2;
            return dictionary;
        }
        if (m_data[m_pos] != '/')
            return std::nullopt;
        const std::optional<PdfValue> key = parseName();
        std::optional<PdfValue> entry = parseValue(depth + 1);
        if (!key || !entry)
            return std::nullopt;
        dictionary.entries.push_back({key->text, std::move(*entry)});
    }
    return std::nullopt;
}

} // namespace pointage
