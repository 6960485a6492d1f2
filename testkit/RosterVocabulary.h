// Word lists the roster generator draws from: French family names and first names (accents,
// apostrophes, hyphens, a ligature — all representable in Windows-1252), candidate categories,
// CAP specialties and establishments. Specialty and category codes are plausible, not official.
#pragma once

#include <QList>
#include <QString>

namespace pointage::testkit {

struct CodedLabel
{
    QString code;
    QString label;
};

const QList<QString> &familyNames();
const QList<QString> &firstNames();
const QList<CodedLabel> &candidateCategories(); // index 0..2 are school pupils
const QList<CodedLabel> &capSpecialties();
const QList<QString> &establishmentNames();

} // namespace pointage::testkit
