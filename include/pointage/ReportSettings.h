// How letters to schools are addressed and signed: the rectorat's letterhead and signature
// block, read from the session configuration. Consumed by the report writers.
// Thread-safety: plain values.
#pragma once

#include <QString>
#include <QStringList>

namespace pointage {

struct ReportSettings
{
    QString academie = QStringLiteral("Académie d'Aix-Marseille");
    QString service = QStringLiteral("Division des examens et concours (DIEC)");
    QStringList addressLines; // rectorat postal address, one line each
    QString contact;          // e-mail or phone for schools' questions
    QString city = QStringLiteral("Aix-en-Provence"); // "Fait à …, le …"
    QString signatoryName;
    QString signatoryTitle = QStringLiteral("Pour le recteur et par délégation");
    bool acknowledgeComplete = true; // schools with nothing missing get a short acknowledgement
};

} // namespace pointage
