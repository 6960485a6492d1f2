// Likely owners offered for an exception page, so that fixing it is one click: roster numbers
// one digit away from a number read, the candidate of a stale confirmation, or the candidate
// whose dossier the page sits in.
#pragma once

#include "PageMatching.h"

#include <QStringList>

namespace pointage {

// Roster numbers that differ from `number` in exactly one digit, in ascending order.
QStringList oneDigitAway(const QString &number, const RosterIndex &roster);

// `head` is the page that opened the dossier `outcome` sits in (null when none or itself);
// `readCandidates` are the numbers read on a page whose codes disagree.
QStringList suggestionsFor(const PageOutcome &outcome, const PageOutcome *head,
                           const QStringList &readCandidates, const RosterIndex &roster);

} // namespace pointage
