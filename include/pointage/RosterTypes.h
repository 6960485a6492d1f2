// The registration data read from a Cyclades "Listes simples" export: one RosterRow per
// candidate, plus what the preamble says about the export's scope. Pure values shared by the
// roster reader, the ledger and the reconciliation.
// Thread-safety: plain values.
#pragma once

#include "pointage/Diagnostic.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace pointage {

struct RosterRow
{
    QString candidateNumber;   // always 11 digits (a lost leading zero is restored)
    QString inscriptionNumber; // "NNN" part of "NNN Version V"; may be empty
    int version = 0;           // "V" part; 0 when the export has no inscription column
    QString lastName;          // "Nom de famille", exactly as written
    QString usageName;         // "Nom d'usage", empty when " -"
    QString firstNames;        // "Prénom(s)"
    QDate birthDate;
    QString division; // "Division de classe" (first non-empty occurrence)
    QString ine;
    QString categoryLabel; // "SCOLAIRE CAP EN 2 ANS"
    QString categoryCode;  // "122"
    QString specialtyCode; // 5-digit Cyclades code
    QString specialtyLabel;
    QString state; // "Etat", e.g. "Inscrit"
    QString uai;   // establishment, from the preamble or a UAI column
    QString establishmentName;
    QMap<QString, QString> extra; // unknown columns by header name, kept for the rules
    int sourceLine = 0;           // 1-based line of the row in its file
};

// One parsed export file. `rows` holds the valid rows only; rejected rows are in `diagnostics`.
struct RosterExport
{
    QString fileName;
    QString session;           // "2027" or "Session 2027"
    QString diplomaFamily;     // e.g. "BACCALAURÉAT PROFESSIONNEL", may be empty
    QString establishmentName; // from the preamble; empty for académie-wide extractions
    QString uai;               // from the preamble; empty when rows carry their own UAI
    QDateTime editedAt;        // "Edité le dd/mm/yyyy hh:mm"
    QString criteria;          // "Critères de recherche" line, normalised; "" = unfiltered
    QString encoding;          // "UTF-8" or "Windows-1252"
    int rowsRead = 0;          // data rows seen, valid or not
    QList<RosterRow> rows;
    Diagnostics diagnostics;

    // Identity of what this export covers: same establishment + same search criteria.
    // Withdrawals are only inferred between two exports of the same scope.
    QString scopeKey() const;
};

// True when `uai` is 7 digits + the checksum letter "ABCDEFGHJKLMNPRSTUVWXYZ"[first7 % 23].
bool isValidUai(const QString &uai);

// "1234567890" -> "01234567890"; returns empty when the value is not 10–11 digits.
QString normaliseCandidateNumber(const QString &raw);

} // namespace pointage
