// Helpers shared by the roster tests: compare parsed rows with the generator's intent, and edit
// one cell of a generated export to make a bad row out of a good one.
#pragma once

#include "RosterGenerator.h"
#include "pointage/RosterTypes.h"

#include <QStringList>
#include <gtest/gtest.h>
#include <ostream>

// Readable failure messages for Qt values (found by argument-dependent lookup).
inline void PrintTo(const QString &value, std::ostream *out)
{
    *out << '"' << value.toStdString() << '"';
}
inline void PrintTo(const QDate &value, std::ostream *out)
{
    *out << value.toString(Qt::ISODate).toStdString();
}

namespace pointage::testkit {

inline void expectSameRow(const RosterRow &actual, const RosterRow &expected)
{
    SCOPED_TRACE(QStringLiteral("ligne %1, candidat %2")
                     .arg(expected.sourceLine)
                     .arg(expected.candidateNumber)
                     .toStdString());
    EXPECT_EQ(actual.candidateNumber, expected.candidateNumber);
    EXPECT_EQ(actual.inscriptionNumber, expected.inscriptionNumber);
    EXPECT_EQ(actual.version, expected.version);
    EXPECT_EQ(actual.lastName, expected.lastName);
    EXPECT_EQ(actual.usageName, expected.usageName);
    EXPECT_EQ(actual.firstNames, expected.firstNames);
    EXPECT_EQ(actual.birthDate, expected.birthDate);
    EXPECT_EQ(actual.division, expected.division);
    EXPECT_EQ(actual.ine, expected.ine);
    EXPECT_EQ(actual.categoryLabel, expected.categoryLabel);
    EXPECT_EQ(actual.categoryCode, expected.categoryCode);
    EXPECT_EQ(actual.specialtyCode, expected.specialtyCode);
    EXPECT_EQ(actual.specialtyLabel, expected.specialtyLabel);
    EXPECT_EQ(actual.state, expected.state);
    EXPECT_EQ(actual.uai, expected.uai);
    EXPECT_EQ(actual.establishmentName, expected.establishmentName);
    EXPECT_EQ(actual.extra, expected.extra);
    EXPECT_EQ(actual.sourceLine, expected.sourceLine);
}

inline void expectSameRows(const QList<RosterRow> &actual, const QList<RosterRow> &expected)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i)
        expectSameRow(actual.at(i), expected.at(i));
}

// Replaces the cell under `header` (its first occurrence) in the line of generated row
// `rowIndex`. Only for exports generated without quoting, in UTF-8.
inline QByteArray withCell(const GeneratedRoster &roster, int rowIndex, const QString &header,
                           const QString &value)
{
    const QString newline =
        roster.bytes.contains("\r\n") ? QStringLiteral("\r\n") : QStringLiteral("\n");
    QStringList lines = QString::fromUtf8(roster.bytes).split(newline);
    const qsizetype column = lines.at(roster.headerLine - 1).split(u';').indexOf(header);
    EXPECT_GE(column, 0) << header.toStdString();
    const qsizetype lineIndex = roster.rows.at(rowIndex).sourceLine - 1;
    QStringList cells = lines.at(lineIndex).split(u';');
    cells[column] = value;
    lines[lineIndex] = cells.join(u';');
    return lines.join(newline).toUtf8();
}

} // namespace pointage::testkit
