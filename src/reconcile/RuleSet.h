// The parsed form of a rules file, shared by the parser (RequirementRulesParser.cpp) and the
// evaluator (RequirementRules.cpp).
#pragma once

#include "pointage/PieceRecognition.h"
#include "pointage/StatusTypes.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace pointage {

// Where a condition reads its value: a roster field, or any other export column by name.
enum class CandidateField {
    CategoryLabel,
    CategoryCode,
    SpecialtyLabel,
    SpecialtyCode,
    State,
    Division,
    Uai,
    Column,
};

struct Condition
{
    enum class Kind { AllOf, AnyOf, Not, Equals, In, NotEmpty, Contains, Matches, Age };

    Kind kind = Kind::AllOf;
    CandidateField field = CandidateField::Column;
    QString column;             // CandidateField::Column: the export's header
    QStringList values;         // Equals (one), In, Contains (one); compared case-insensitively
    QRegularExpression pattern; // Matches
    int minAge = -1;            // Age; -1 = no bound
    int maxAge = -1;
    QList<Condition> children; // AllOf, AnyOf, Not (one)
};

struct Rule
{
    QStringList pieceCodes;
    Condition when; // an empty AllOf: always owed
};

struct RuleSet
{
    QList<PieceType> pieces;
    QHash<QString, int> pieceIndex;  // code -> position in `pieces`
    QHash<QString, int> pieceByName; // comparablePieceName(code or label) -> position
    QList<Rule> rules;
    QStringList expectedPiecesColumns;
    QList<PieceSignature> signatures; // pieces with a "recognise" entry, in the file's order
};

// Spacing, case and apostrophe style do not matter when a piece is named in an export column.
QString comparablePieceName(const QString &text);

} // namespace pointage
