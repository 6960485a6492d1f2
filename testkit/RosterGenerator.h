// Generates realistic, deterministic Cyclades "Listes simples" exports (preamble, the real header
// with its repeated column, French names with accents and apostrophes, " -" empties, quoting,
// three encodings) together with the RosterRows a correct reader must return from them, so
// tests compare the parse with the generator's intent. 100,000 rows take well under a second.
// Thread-safety: pure functions on values; safe from any thread.
#pragma once

#include "pointage/RosterTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace pointage::testkit {

// "0130001" -> "0130001" + its checksum letter, a UAI that isValidUai() accepts.
QString uaiWithChecksum(const QString &sevenDigits);

enum class TextEncoding { Utf8, Utf8WithBom, Windows1252 };

enum class RosterScope {
    Establishment,              // UAI and name in the preamble, as a school's own export
    AcademyUaiColumn,           // académie-wide: a UAI column (header: uaiColumnHeader)
    AcademyEstablishmentColumn, // académie-wide: an "Etablissement" column "NAME (UAI)"
};

struct RosterGeneratorOptions
{
    int rowCount = 20;
    quint64 seed = 1;
    RosterScope scope = RosterScope::Establishment;
    QString uai = uaiWithChecksum(QStringLiteral("0130001"));
    QString establishmentName = QStringLiteral("LYCEE PROFESSIONNEL DU SACRÉ-CŒUR");
    int establishmentCount = 4; // académie-wide: rows spread over this many establishments
    QString uaiColumnHeader = QStringLiteral("UAI");
    TextEncoding encoding = TextEncoding::Utf8;
    bool crlf = true;
    QString session = QStringLiteral("Session 2027");
    QString diplomaFamily = QStringLiteral("CERTIFICAT D'APTITUDE PROFESSIONNEL"); // "" = none
    QDateTime editedAt = QDateTime(QDate(2027, 12, 5), QTime(14, 32));
    QString criteria;           // written after "Critères de recherche : "; "" = no criteria line
    int tenDigitEvery = 0;      // every Nth row loses the leading zero of its number (0 = never)
    bool quoting = false;       // 'single' and "double" quoted values, some spanning two lines
    QStringList extraColumns;   // unknown columns appended to the header
    QStringList omittedColumns; // standard header names left out (both "Division de classe")
};

struct GeneratedRoster
{
    QByteArray bytes;
    QList<RosterRow> rows; // what a correct reader returns, in file order
    int headerLine = 0;    // 1-based
};

GeneratedRoster generateRoster(const RosterGeneratorOptions &options);

} // namespace pointage::testkit
