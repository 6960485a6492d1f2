// Per-row and per-page findings collected while a batch goes on (a rejected CSV row, an
// unreadable page…). Messages are French and name files, lines and pages — never people.
// Thread-safety: plain values.
#pragma once

#include <QList>
#include <QString>

namespace pointage {

struct Diagnostic
{
    enum class Severity { Info, Warning, Error };

    Severity severity = Severity::Error;
    QString file;
    int line = 0; // 1-based, 0 when not applicable
    int page = 0; // 1-based, 0 when not applicable
    QString message;

    QString located() const; // "fichier, ligne 12 : message"
};

using Diagnostics = QList<Diagnostic>;

} // namespace pointage
