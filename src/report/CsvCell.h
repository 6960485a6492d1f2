// One cell of a CSV written for people who will open it in a spreadsheet: neutralised against
// formula injection (a leading = + - @ tab or CR gets a ' in front, so Excel shows the text
// instead of running it) and quoted when it holds the separator, a quote or a line break.
// Thread-safety: pure function.
#pragma once

#include <QString>

namespace pointage {

QString spreadsheetSafeCell(const QString &value, QChar separator = u';');

// A code made of digits that must stay text (a candidate number keeps its leading zero): written
// ="02270001001", which Excel and LibreOffice show as the text 02270001001. Anything that is not
// only digits goes through spreadsheetSafeCell().
QString spreadsheetTextCode(const QString &digits, QChar separator = u';');

} // namespace pointage
