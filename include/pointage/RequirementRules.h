// Which supporting documents ("pièces justificatives") a candidate owes, from a rules file
// (shipped default: config/rules.json): piece types, and conditions on the candidate's columns
// and age. When the export carries a column listing each candidate's expected pieces, that
// column decides. The signed confirmation itself is always owed and is not a piece type here.
// Thread-safety: immutable once loaded; owedPieces() may run on several threads.
#pragma once

#include "pointage/PieceRecognition.h"
#include "pointage/Result.h"
#include "pointage/RosterTypes.h"
#include "pointage/StatusTypes.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <memory>

namespace pointage {

struct RuleSet;

class RequirementRules
{
public:
    RequirementRules(); // no piece types, nothing owed

    // Errors are French and name the file, the line and the key: malformed JSON, an unknown
    // key, an unknown operator, an invalid regular expression, a rule citing an undefined piece.
    static Result<RequirementRules> load(const QString &path);
    static Result<RequirementRules> parse(const QByteArray &json, const QString &fileName);

    QList<PieceType> pieceTypes() const;            // in the file's order
    PieceType pieceType(const QString &code) const; // label falls back to the code when unknown

    // `ageReference` is the day ages are measured on (31 December of the session year).
    // Pieces come in the file's order; each at most once.
    QList<PieceType> owedPieces(const RosterRow &candidate, QDate ageReference) const;

    // What tells each piece on a scanned page (PieceRecognition.h), and their hash.
    QList<PieceSignature> pieceSignatures() const;
    QString recognitionHash() const;

private:
    explicit RequirementRules(std::shared_ptr<const RuleSet> rules);

    std::shared_ptr<const RuleSet> m_rules;
};

} // namespace pointage
