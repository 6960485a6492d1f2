// Evaluates a RuleSet for one candidate.
#include "pointage/RequirementRules.h"

#include "RuleSet.h"

namespace pointage {

namespace {

// Cyclades writes an empty value as " -".
bool isEmptyValue(const QString &value)
{
    const QString trimmed = value.trimmed();
    return trimmed.isEmpty() || trimmed == QLatin1String("-");
}

// Export headers are typed by people: "Dispenses" and "DISPENSES" are the same column.
const QString *columnValue(const RosterRow &row, const QString &column)
{
    const auto exact = row.extra.constFind(column);
    if (exact != row.extra.cend())
        return &exact.value();
    for (auto it = row.extra.cbegin(); it != row.extra.cend(); ++it) {
        if (it.key().compare(column, Qt::CaseInsensitive) == 0)
            return &it.value();
    }
    return nullptr;
}

QString fieldValue(const RosterRow &row, const Condition &condition)
{
    switch (condition.field) {
    case CandidateField::CategoryLabel:
        return row.categoryLabel;
    case CandidateField::CategoryCode:
        return row.categoryCode;
    case CandidateField::SpecialtyLabel:
        return row.specialtyLabel;
    case CandidateField::SpecialtyCode:
        return row.specialtyCode;
    case CandidateField::State:
        return row.state;
    case CandidateField::Division:
        return row.division;
    case CandidateField::Uai:
        return row.uai;
    case CandidateField::Column:
        break;
    }
    const QString *value = columnValue(row, condition.column);
    return value ? *value : QString();
}

int ageOn(QDate birth, QDate day)
{
    int age = day.year() - birth.year();
    if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day()))
        --age;
    return age;
}

bool holds(const Condition &condition, const RosterRow &row, QDate ageReference)
{
    using Kind = Condition::Kind;
    switch (condition.kind) {
    case Kind::AllOf:
        return std::all_of(condition.children.cbegin(), condition.children.cend(),
                           [&](const Condition &c) { return holds(c, row, ageReference); });
    case Kind::AnyOf:
        return std::any_of(condition.children.cbegin(), condition.children.cend(),
                           [&](const Condition &c) { return holds(c, row, ageReference); });
    case Kind::Not:
        return !holds(condition.children.constFirst(), row, ageReference);
    case Kind::Age: {
        // Without a birth date the age is unknown: do not claim a piece on a guess.
        if (!row.birthDate.isValid())
            return false;
        const int age = ageOn(row.birthDate, ageReference);
        return (condition.minAge < 0 || age >= condition.minAge) &&
               (condition.maxAge < 0 || age <= condition.maxAge);
    }
    default:
        break;
    }
    const QString value = fieldValue(row, condition).trimmed();
    switch (condition.kind) {
    case Kind::Equals:
    case Kind::In:
        return std::any_of(
            condition.values.cbegin(), condition.values.cend(),
            [&](const QString &v) { return v.trimmed().compare(value, Qt::CaseInsensitive) == 0; });
    case Kind::NotEmpty:
        return !isEmptyValue(value);
    case Kind::Contains:
        return value.contains(condition.values.constFirst(), Qt::CaseInsensitive);
    case Kind::Matches:
        return condition.pattern.match(value).hasMatch();
    default:
        return false;
    }
}

} // namespace

QString comparablePieceName(const QString &text)
{
    QString key;
    key.reserve(text.size());
    for (QChar c : text) {
        if (c.isSpace())
            continue;
        key.append(c == QChar(0x2019) ? QLatin1Char('\'') : c.toCaseFolded());
    }
    return key;
}

namespace {

// Reads a per-candidate list such as "ID, Copie du diplôme / RELEVE". Labels may contain "/"
// themselves ("Attestation du CFA / contrat d'apprentissage"), so the longest run of pieces
// that names a known piece wins; a run naming nothing known becomes a piece of its own.
QList<PieceType> listedPieces(const RuleSet &set, const QString &list)
{
    static const QRegularExpression separators(QStringLiteral("[,/;]"));
    QStringList parts = list.split(separators);
    for (QString &part : parts)
        part = part.trimmed();

    QList<int> known;
    QList<PieceType> unknown;
    for (int start = 0; start < parts.size();) {
        int end = parts.size();
        for (; end > start; --end) {
            const QString name =
                comparablePieceName(parts.mid(start, end - start).join(QLatin1Char('/')));
            const auto found = set.pieceByName.constFind(name);
            if (found != set.pieceByName.cend()) {
                known.append(found.value());
                break;
            }
        }
        if (end == start) {
            if (!isEmptyValue(parts.at(start)))
                unknown.append(PieceType{parts.at(start), parts.at(start)});
            end = start + 1;
        }
        start = end;
    }
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    QList<PieceType> pieces;
    for (int index : known)
        pieces.append(set.pieces.at(index));
    for (const PieceType &piece : unknown) {
        if (!std::any_of(pieces.cbegin(), pieces.cend(),
                         [&](const PieceType &p) { return p.code == piece.code; }))
            pieces.append(piece);
    }
    return pieces;
}

} // namespace

RequirementRules::RequirementRules() : m_rules(std::make_shared<const RuleSet>()) {}

RequirementRules::RequirementRules(std::shared_ptr<const RuleSet> rules) : m_rules(std::move(rules))
{}

QList<PieceType> RequirementRules::pieceTypes() const
{
    return m_rules->pieces;
}

QList<PieceSignature> RequirementRules::pieceSignatures() const
{
    return m_rules->signatures;
}

QString RequirementRules::recognitionHash() const
{
    return signaturesHash(m_rules->signatures);
}

PieceType RequirementRules::pieceType(const QString &code) const
{
    const auto found = m_rules->pieceIndex.constFind(code);
    if (found == m_rules->pieceIndex.cend())
        return PieceType{code, code};
    return m_rules->pieces.at(found.value());
}

QList<PieceType> RequirementRules::owedPieces(const RosterRow &candidate, QDate ageReference) const
{
    for (const QString &column : m_rules->expectedPiecesColumns) {
        if (const QString *list = columnValue(candidate, column))
            return listedPieces(*m_rules, *list);
    }
    QList<bool> owed(m_rules->pieces.size(), false);
    for (const Rule &rule : m_rules->rules) {
        if (!holds(rule.when, candidate, ageReference))
            continue;
        for (const QString &code : rule.pieceCodes)
            owed[m_rules->pieceIndex.value(code)] = true;
    }
    QList<PieceType> pieces;
    for (int i = 0; i < owed.size(); ++i) {
        if (owed.at(i))
            pieces.append(m_rules->pieces.at(i));
    }
    return pieces;
}

} // namespace pointage
