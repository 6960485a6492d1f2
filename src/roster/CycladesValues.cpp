#include "CycladesValues.h"

#include <algorithm>

namespace pointage {

namespace {

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

// Reads up to `maxDigits` ASCII digits at `pos`; -1 when there is none.
int readNumber(QStringView text, qsizetype &pos, int maxDigits)
{
    int value = 0;
    int digits = 0;
    while (pos < text.size() && digits < maxDigits && isAsciiDigit(text[pos])) {
        value = value * 10 + (text[pos].unicode() - '0');
        ++pos;
        ++digits;
    }
    return digits == 0 ? -1 : value;
}

} // namespace

bool isEmptyCell(QStringView raw)
{
    const QStringView value = raw.trimmed();
    return value.isEmpty() || (value.size() == 1 && value[0] == QLatin1Char('-'));
}

QString cellValue(const QString &raw)
{
    return isEmptyCell(raw) ? QString() : raw.trimmed();
}

bool isDigits(QStringView value)
{
    if (value.isEmpty())
        return false;
    return std::all_of(value.begin(), value.end(), isAsciiDigit);
}

std::optional<Inscription> parseInscription(QStringView value)
{
    qsizetype digitsEnd = 0;
    while (digitsEnd < value.size() && isAsciiDigit(value[digitsEnd]))
        ++digitsEnd;
    if (digitsEnd == 0)
        return std::nullopt;
    Inscription inscription{value.first(digitsEnd).toString(), 0};
    const QStringView rest = value.sliced(digitsEnd).trimmed();
    if (rest.isEmpty())
        return inscription;
    static constexpr QLatin1StringView versionWord("version");
    if (!rest.startsWith(versionWord, Qt::CaseInsensitive))
        return std::nullopt;
    const QStringView version = rest.sliced(versionWord.size()).trimmed();
    if (!isDigits(version) || version.size() > 4)
        return std::nullopt;
    inscription.version = version.toInt();
    return inscription;
}

LabelAndCode splitLabelAndCode(QStringView value)
{
    const QStringView trimmed = value.trimmed();
    const qsizetype open = trimmed.lastIndexOf(QLatin1Char('('));
    if (!trimmed.endsWith(QLatin1Char(')')) || open < 0)
        return {trimmed.toString(), {}};
    const QStringView code = trimmed.sliced(open + 1, trimmed.size() - open - 2).trimmed();
    return {trimmed.first(open).trimmed().toString(), code.toString()};
}

QDate parseFrenchDate(QStringView value)
{
    qsizetype pos = 0;
    const int day = readNumber(value, pos, 2);
    if (day < 0 || pos >= value.size() || value[pos++] != QLatin1Char('/'))
        return {};
    const int month = readNumber(value, pos, 2);
    if (month < 0 || pos >= value.size() || value[pos++] != QLatin1Char('/'))
        return {};
    const qsizetype yearStart = pos;
    const int year = readNumber(value, pos, 4);
    if (pos - yearStart != 4 || pos != value.size())
        return {};
    return QDate(year, month, day);
}

} // namespace pointage
