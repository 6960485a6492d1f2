// Maps the header row of a Cyclades export to the fields Pointage knows, by name: tolerant of
// case, accents and the N°/No/Nº spellings, of columns in any order, repeated, missing or unknown.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace pointage {

enum class CycladesColumn {
    CandidateNumber,
    InscriptionNumber,
    LastName,
    UsageName,
    FirstNames,
    BirthDate,
    Division,
    Ine,
    Category,
    SpecialtyCode,
    SpecialtyLabel,
    State,
    Uai,
    Establishment, // "NAME (UAI)" or a bare name, in académie-wide extractions
    Extra,         // unknown to Pointage: kept in RosterRow::extra under its header name
    Ignored,       // empty header cell
};
inline constexpr int cycladesColumnCount = int(CycladesColumn::Ignored) + 1;

// "N° Candidat", "No candidat", "NUMERO CANDIDAT" -> "n candidat"; "Prénom(s)" -> "prenom s".
QString headerKey(QStringView name);

struct CycladesColumns
{
    QList<CycladesColumn> kinds; // one per header cell
    QStringList names;           // header cells as written, trimmed

    bool has(CycladesColumn kind) const { return kinds.contains(kind); }
    // The header names of the required columns that are absent, in French, for the error.
    QStringList missingRequired() const;
};

CycladesColumns mapCycladesColumns(const QStringList &header);

// True when one cell of `fields` is the "N° Candidat" header.
bool isCycladesHeader(const QStringList &fields);

// An académie-wide extraction comes without the "Listes simples" preamble; it is recognised by
// its columns: the registration columns Cyclades always writes (N° Candidat, N° Inscription,
// Nom de famille, Prénom(s), Date de Naissance, Code Spécialité) and the establishment (a UAI or
// establishment column). A list that merely has names and numbers (Pointage's own CSV reports,
// a spreadsheet) is not one.
bool isAcademieExtractionHeader(const CycladesColumns &columns);

} // namespace pointage
