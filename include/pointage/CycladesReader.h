// Reads Cyclades "Listes simples" CSV exports into roster rows: preamble (session, establishment,
// criteria), header row found by "N° Candidat", columns mapped by name, one RosterRow per
// candidate. Pure parsing: no database; readCycladesFile only reads the file it is given.
// Thread-safety: pure functions, callable from any thread.
//
// What is refused and what is kept:
// - The whole file is refused (an Error) when it cannot be trusted as a complete list: empty,
//   binary or UTF-16, no "N° Candidat" header row, a required column missing (N° Candidat,
//   Nom de famille, Prénom(s)), or truncated (a double quote never closed, or a last line cut
//   short without a line break). Importing part of a list would mark the rest as withdrawn.
// - A bad row is rejected alone (Error diagnostic naming file and line; the other rows are
//   kept) when it cannot be attributed: missing or malformed candidate number, a number already
//   seen earlier in the file (the later row goes, the message names the earlier line), no last
//   name, or — when rows carry their own UAI/establishment column — a missing or invalid UAI.
// - An unreadable optional value (inscription number, birth date, INE, specialty code) is left
//   empty with a Warning and the row is kept. A preamble UAI with a wrong checksum is kept
//   with a Warning; a file with no establishment at all gets one Warning.
#pragma once

#include "pointage/Result.h"
#include "pointage/RosterTypes.h"

#include <QByteArray>
#include <QString>

namespace pointage {

// `fileName` names the file in every message; it is not opened. `bytes` is taken by value so
// that a caller handing over its only copy lets it go once decoded.
Result<RosterExport> readCycladesExport(QByteArray bytes, const QString &fileName);

// Reads `path` then parses it; FileNotFound / FileUnreadable errors name the file.
Result<RosterExport> readCycladesFile(const QString &path);

} // namespace pointage
