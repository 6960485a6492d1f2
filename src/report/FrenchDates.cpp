#include "FrenchDates.h"

#include <QLocale>
#include <QRegularExpression>

namespace pointage {

QString frenchLongDate(const QDate &date)
{
    if (!date.isValid())
        return QStringLiteral("date inconnue");
    const QLocale french(QLocale::French, QLocale::France);
    const QString day = date.day() == 1 ? QStringLiteral("1er") : QString::number(date.day());
    return day + u' ' + french.toString(date, QStringLiteral("MMMM yyyy"));
}

QString frenchShortDate(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString sessionYear(const QString &session)
{
    static const QRegularExpression prefix(QStringLiteral("^\\s*session\\s*"),
                                           QRegularExpression::CaseInsensitiveOption);
    return QString(session).remove(prefix).trimmed();
}

} // namespace pointage
