// File names for the per-school reports, safe on any Windows share the DIEC copies them to:
// ASCII only (accents folded), no path separator nor any of <>:"/\|?*, no control character,
// no trailing dot or space, no reserved device name, bounded length.
// Thread-safety: pure functions.
#pragma once

#include <QString>

namespace pointage {

// "Lycée professionnel Le Châtelier" -> "LYCEE_PROFESSIONNEL_LE_CHATELIER". Letters and digits
// are kept (upper-cased, accents folded), every other run of characters becomes one '_'.
// Returns at most `maxLength` characters; empty when nothing usable is left.
QString asciiFileComponent(const QString &text, int maxLength);

// "0131234X_LYCEE_PROFESSIONNEL_LE_CHATELIER": the UAI first (so files sort and stay unique
// per school), then the folded name, the whole stem at most `maxLength` characters.
QString schoolFileStem(const QString &uai, const QString &name, int maxLength = 80);

} // namespace pointage
