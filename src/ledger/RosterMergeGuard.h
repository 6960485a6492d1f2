// Private to the ledger: whether a roster merge must be accepted by a person before it is
// written (see ImportPolicy), and the French message that says what it would do. Pure.
// Thread-safety: pure functions.
#pragma once

#include "pointage/ImportPolicy.h"

#include <QString>
#include <QStringList>

namespace pointage {

struct RosterMergeEffect
{
    int scopeSize = 0;   // candidates the previous export of the same scope listed
    int rowsListed = 0;  // candidates this export lists
    int absent = 0;      // withdrawn because absent from this export
    int moved = 0;       // listed under another school than the one the ledger knows
    QStringList movedTo; // "0131234W → 0133456L", one per moved candidate
};

bool needsConfirmation(const RosterMergeEffect &effect, const ImportPolicy &policy);
QString confirmationMessage(const RosterMergeEffect &effect, const ImportPolicy &policy);

} // namespace pointage
