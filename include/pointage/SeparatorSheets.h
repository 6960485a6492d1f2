// Separator sheets ("intercalaires"): one A4 page per piece type with a large Code 128
// "PJ-<CODE>" and the French label in big letters, for clerks to slip in front of each
// supporting document so the scanner pipeline knows which piece follows.
// Thread-safety: reentrant; needs a QGuiApplication to exist (fonts).
#pragma once

#include "pointage/ReportSettings.h"
#include "pointage/Result.h"
#include "pointage/StatusTypes.h"

#include <QByteArray>

namespace pointage {

QString separatorPayload(const PieceType &piece); // "PJ-DIPLOME"

// One page per piece type, in the given order. Fails when a code cannot be encoded.
Result<QByteArray> separatorSheetsPdf(const QList<PieceType> &pieces,
                                      const ReportSettings &settings);

} // namespace pointage
