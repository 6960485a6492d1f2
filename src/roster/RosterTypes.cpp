#include "pointage/RosterTypes.h"

namespace pointage {

QString RosterExport::scopeKey() const
{
    const QString where = uai.isEmpty() ? QStringLiteral("*") : uai;
    return where + QLatin1Char('|') + criteria;
}

bool isValidUai(const QString &uai)
{
    if (uai.size() != 8)
        return false;
    for (int i = 0; i < 7; ++i) {
        if (!uai.at(i).isDigit())
            return false;
    }
    static const QString letters = QStringLiteral("ABCDEFGHJKLMNPRSTUVWXYZ");
    const int first7 = uai.left(7).toInt();
    return uai.at(7).toUpper() == letters.at(first7 % 23);
}

QString normaliseCandidateNumber(const QString &raw)
{
    const QString s = raw.trimmed();
    if (s.size() < 10 || s.size() > 11)
        return {};
    for (QChar c : s) {
        if (!c.isDigit())
            return {};
    }
    return s.size() == 10 ? QLatin1Char('0') + s : s;
}

} // namespace pointage
