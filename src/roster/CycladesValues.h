// The values inside a Cyclades export's cells: " -" for empty, "NNN Version V", "LABEL (CODE)",
// dd/MM/yyyy dates. Hand-written scanners rather than regular expressions: they run once per
// cell on 100,000-row files.
#pragma once

#include <QDate>
#include <QString>
#include <QStringView>
#include <optional>

namespace pointage {

// True for a blank cell or "-", how Cyclades writes an empty value.
bool isEmptyCell(QStringView raw);

// Trimmed cell, empty for isEmptyCell(); shares `raw`'s data when there is nothing to trim.
QString cellValue(const QString &raw);

struct Inscription
{
    QString number;
    int version = 0; // 0 when the value has no "Version V" part
};

// "482 Version 3" -> {"482", 3}; "482" -> {"482", 0}; nullopt for anything else.
std::optional<Inscription> parseInscription(QStringView value);

struct LabelAndCode
{
    QString label;
    QString code; // empty when the value does not end with "(CODE)"
};

// "SCOLAIRE CAP EN 2 ANS (122)" -> {"SCOLAIRE CAP EN 2 ANS", "122"}; "LYCEE X  (0131234A)" too.
LabelAndCode splitLabelAndCode(QStringView value);

// "05/03/2009" (or "5/3/2009") -> 2009-03-05; an invalid QDate for anything else.
QDate parseFrenchDate(QStringView value);

// True when `value` is non-empty and made of ASCII digits only.
bool isDigits(QStringView value);

} // namespace pointage
