#include "CsvCell.h"

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

} // namespace pointage
