#include "PdfValue.h"

#include <cctype>

namespace pointage {

namespace {

constexpr int kMaxDepth = 32;

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

} // namespace

const PdfValue *PdfValue::value(QByteArrayView key) const
{
    for (const auto &[name, entry] : entries)
        if (name == key)
            return &entry;
    return nullptr;
}

bool PdfParser::skipSpace()
{
    while (m_pos < m_data.size()) {
        const char c = m_data[m_pos];
        if (c == '%') {
            while (m_pos < m_data.size() && m_data[m_pos] != '\n' && m_data[m_pos] != '\r')
                ++m_pos;
        } else if (isSpace(c)) {
            ++m_pos;
        } else {
            return true;
        }
    }
    return false;
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
    return m_data.sliced(start, m_pos - start).toByteArray();
}

std::optional<PdfValue> PdfParser::parseValue(int depth)
{
    if (depth > kMaxDepth || !skipSpace())
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
        if (generation && skipSpace() && m_data[m_pos] == 'R' &&
            (m_pos + 1 == m_data.size() || !isRegular(m_data[m_pos + 1]))) {
            ++m_pos;
            value.type = PdfValue::Type::Reference;
            value.objectNumber = int(*first);
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

std::optional<PdfValue> PdfParser::parseHexString()
{
    const qsizetype end = m_data.sliced(m_pos).indexOf('>');
    if (end < 0)
        return std::nullopt;
    PdfValue value;
    value.type = PdfValue::Type::String;
    value.text = QByteArray::fromHex(m_data.sliced(m_pos + 1, end - 1).toByteArray());
    m_pos += end + 1;
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
        dictionary.entries.emplace_back(key->text, std::move(*entry));
    }
    return std::nullopt;
}

} // namespace pointage
