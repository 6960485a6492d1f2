// One cell of a CSV written for people who will open it in a spreadsheet: neutralised against
// formula injection (a leading = + - @ tab or CR gets a ' in front, so Excel shows the text
// instead of running it) and quoted when it holds the separator, a quote or a line break.
// Thread-safety: pure function.
#pragma once

#include <QString>

namespace pointage {

QString spreadsheetSafeCell(const QString &value, QChar separator = u';');

} // namespace pointage
