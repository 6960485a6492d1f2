#include "CsvCell.h"

#include <algorithm>

namespace pointage {

QString spreadsheetSafeCell(const QString &value, QChar separator)
{
    QString cell = value;
    if (!cell.isEmpty()) {
        const QChar first = cell.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
            first == u'\r')
            cell.prepend(u'\'');
    }
    const bool needsQuotes = cell.contains(separator) || cell.contains(u'"') ||
                             cell.contains(u'\n') || cell.contains(u'\r');
    if (!needsQuotes)
        return cell;
    cell.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + cell + u'"';
}

QString spreadsheetTextCode(const QString &digits, QChar separator)
{
    const bool onlyDigits = !digits.isEmpty() && std::all_of(digits.cbegin(), digits.cend(),
                                                             [](QChar c) { return c.isDigit(); });
    if (!onlyDigits)
        return spreadsheetSafeCell(digits, separator);
    // The quotes are doubled inside the quoted CSV field.
    return QStringLiteral("\"=\"\"%1\"\"\"").arg(digits);
}

} // namespace pointage
