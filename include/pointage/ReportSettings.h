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
    QString logoFile;         // image drawn above the letterhead (absolute path), optional
    // The "bloc-marque" of French administrative letters, each line printed when set.
    QString caseOfficer; // "Affaire suivie par"
    QString phone;
    QString email;
    QString reference;                           // "N/Réf."
    QString contact;                             // e-mail or phone for schools' questions
    QString examination = QStringLiteral("CAP"); // named in the subject
    // After the deadline a relance gives a new date: the day of the letter + this many days.
    int relanceDelayDays = 8;
    QString city = QStringLiteral("Aix-en-Provence"); // "Fait à …, le …"
    QString signatoryName;
    QString signatoryTitle = QStringLiteral("Pour le recteur et par délégation");
    bool acknowledgeComplete = true; // schools with nothing missing get a short acknowledgement
};

// What a manager should fill in before letters go out (French, one line each): the signatory,
// someone schools can reach, a logo that cannot be read. Empty when the letter is complete.
QStringList letterheadGaps(const ReportSettings &settings);

} // namespace pointage
