// Private to the ledger: a roster row's stored form (compact JSON, so unknown export columns
// survive untouched) and its fingerprint (what a re-import compares to spot a change).
// Thread-safety: pure functions.
#pragma once

#include "pointage/RosterTypes.h"

#include <QByteArray>

namespace pointage {

QByteArray rosterRowToJson(const RosterRow &row);
RosterRow rosterRowFromJson(const QByteArray &json);
// Ignores where the row sat in its file: moving a line is not a change of registration.
QString rosterRowFingerprint(const RosterRow &row);

} // namespace pointage
