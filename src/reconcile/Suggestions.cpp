#include "Suggestions.h"

namespace pointage {

QStringList oneDigitAway(const QString &number, const RosterIndex &roster)
{
    QStringList found;
    QString variant = number;
    for (int position = 0; position < number.size(); ++position) {
        const QChar original = number.at(position);
        if (!original.isDigit())
            return {};
        for (char digit = '0'; digit <= '9'; ++digit) {
            if (digit == original.toLatin1())
                continue;
            variant[position] = QLatin1Char(digit);
            if (roster.contains(variant))
                found.append(variant);
        }
        variant[position] = original;
    }
    found.sort();
    return found;
}

QStringList suggestionsFor(const PageOutcome &outcome, const PageOutcome *head,
                           const QStringList &readCandidates, const RosterIndex &roster)
{
    switch (outcome.reason) {
    case ExceptionReason::UnknownCandidate:
        return oneDigitAway(outcome.candidateNumber, roster);
    case ExceptionReason::StaleVersion:
        return {outcome.candidateNumber};
    case ExceptionReason::ConflictingCodes: {
        QStringList suggestions;
        for (const QString &number : readCandidates) {
            QStringList near = oneDigitAway(number, roster);
            if (roster.contains(number))
                near.prepend(number);
            for (const QString &candidate : std::as_const(near)) {
                if (!suggestions.contains(candidate))
                    suggestions.append(candidate);
            }
        }
        return suggestions;
    }
    case ExceptionReason::Duplicate:
    case ExceptionReason::WithdrawnCandidate:
        return {}; // the number is right; the page itself is the question
    default:
        break;
    }
    if (!head)
        return {};
    if (!head->suggestions.isEmpty())
        return head->suggestions;
    if (roster.contains(head->candidateNumber))
        return {head->candidateNumber};
    return {};
}

} // namespace pointage
