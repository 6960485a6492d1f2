#include "pointage/DateText.h"

#include <QRegularExpression>

namespace pointage {

QDate parseDate(const QString &text)
{
    static const QRegularExpression french(QStringLiteral("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$"));
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    const QString value = text.trimmed();
    if (const auto m = french.match(value); m.hasMatch())
        return QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    if (const auto m = iso.match(value); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return {};
}

Result<QDate> parseDateArgument(const QString &text)
{
    const QDate date = parseDate(text);
    if (date.isValid())
        return date;
    return makeError(ErrorCode::Format,
                     QStringLiteral("date invalide « %1 » : écrivez-la JJ/MM/AAAA (09/12/2026) "
                                    "ou AAAA-MM-JJ (2026-12-09).")
                         .arg(text));
}

} // namespace pointage
