#include "pointage/CandidateSearch.h"

#include <QStringList>

namespace pointage {

QString foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        folded.append(c.toUpper());
    }
    return folded;
}

QList<qsizetype> searchCandidates(const AcademieStatus &status, const QString &query, int limit)
{
    const QString q = foldForSearch(query.simplified());
    QList<qsizetype> exact;
    QList<qsizetype> other;
    if (q.size() < 2 || limit <= 0)
        return exact;
    QString digits = q;
    digits.remove(QLatin1Char(' '));
    const bool numeric = !digits.isEmpty() && std::all_of(digits.cbegin(), digits.cend(),
                                                          [](QChar c) { return c.isDigit(); });
    const QString number = normaliseCandidateNumber(digits);
    const QStringList words = q.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < status.candidateStatus.size(); ++i) {
        const RosterRow &row = status.candidateStatus[i].candidate;
        if (numeric) {
            if (row.candidateNumber == number)
                exact.append(i);
            else if (row.candidateNumber.startsWith(digits) ||
                     row.candidateNumber.mid(1).startsWith(digits))
                other.append(i);
            continue;
        }
        if (!row.ine.isEmpty() && foldForSearch(row.ine) == digits) {
            exact.append(i);
            continue;
        }
        const QString names = foldForSearch(row.lastName + QLatin1Char(' ') + row.usageName +
                                            QLatin1Char(' ') + row.firstNames);
        const bool all = std::all_of(words.cbegin(), words.cend(),
                                     [&](const QString &w) { return names.contains(w); });
        if (all)
            other.append(i);
    }
    exact.append(other);
    if (exact.size() > limit)
        exact.resize(limit);
    return exact;
}

} // namespace pointage
