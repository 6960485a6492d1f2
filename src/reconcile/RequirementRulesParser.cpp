// Reads a rules file into a RuleSet. Strict on purpose: a misspelt key or operator would
// otherwise silently drop a requirement, and nobody would notice the missing relance.
#include "JsonFile.h"
#include "RuleSet.h"
#include "pointage/RequirementRules.h"

#include <QFileInfo>
#include <QJsonArray>

namespace pointage {

namespace {

const QString kWhat = QStringLiteral("de règles");

// The roster fields a rule may name, by their own key and by the Cyclades column header.
CandidateField fieldNamed(const QString &name)
{
    static const QHash<QString, CandidateField> fields = {
        {QStringLiteral("category"), CandidateField::CategoryLabel},
        {QStringLiteral("Catégorie Candidat"), CandidateField::CategoryLabel},
        {QStringLiteral("categoryCode"), CandidateField::CategoryCode},
        {QStringLiteral("specialty"), CandidateField::SpecialtyLabel},
        {QStringLiteral("Spécialité"), CandidateField::SpecialtyLabel},
        {QStringLiteral("specialtyCode"), CandidateField::SpecialtyCode},
        {QStringLiteral("Code Spécialité"), CandidateField::SpecialtyCode},
        {QStringLiteral("state"), CandidateField::State},
        {QStringLiteral("Etat"), CandidateField::State},
        {QStringLiteral("division"), CandidateField::Division},
        {QStringLiteral("Division de classe"), CandidateField::Division},
        {QStringLiteral("uai"), CandidateField::Uai},
    };
    return fields.value(name, CandidateField::Column);
}

class RulesParser
{
public:
    explicit RulesParser(const JsonFile &file) : m_file(file) {}

    Result<RuleSet> parse() const
    {
        const QJsonObject &root = m_file.root();
        if (auto s = m_file.checkKeys(root, {},
                                      {QStringLiteral("description"), QStringLiteral("pieces"),
                                       QStringLiteral("rules"),
                                       QStringLiteral("expectedPiecesColumns")});
            !s)
            return s.error();
        RuleSet set;
        if (auto s = parsePieces(root.value(QStringLiteral("pieces")), set); !s)
            return s.error();
        const QString columns = QStringLiteral("expectedPiecesColumns");
        if (root.contains(columns)) {
            auto list = m_file.stringList(root.value(columns), columns);
            if (!list)
                return list.error();
            set.expectedPiecesColumns = list.value();
        }
        if (auto s = parseRules(root.value(QStringLiteral("rules")), set); !s)
            return s.error();
        return set;
    }

private:
    Status parsePieces(const QJsonValue &value, RuleSet &set) const
    {
        const QString path = QStringLiteral("pieces");
        if (!value.isArray())
            return m_file.errorAt(path, QStringLiteral("la liste des types de pièces est "
                                                       "absente ou n'est pas une liste [ … ]."));
        static const QRegularExpression codeShape(QStringLiteral("^[A-Z0-9_]{2,24}$"));
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QString at = JsonFile::join(path, i);
            const QJsonObject piece = array.at(i).toObject();
            if (auto s = m_file.checkKeys(piece, at,
                                          {QStringLiteral("code"), QStringLiteral("label"),
                                           QStringLiteral("description")});
                !s)
                return s;
            auto code = m_file.string(piece.value(QStringLiteral("code")),
                                      JsonFile::join(at, QStringLiteral("code")));
            if (!code)
                return code.error();
            auto label = m_file.string(piece.value(QStringLiteral("label")),
                                       JsonFile::join(at, QStringLiteral("label")));
            if (!label)
                return label.error();
            if (!codeShape.match(code.value()).hasMatch()) {
                return m_file.errorAt(JsonFile::join(at, QStringLiteral("code")),
                                      QStringLiteral("le code « %1 » doit faire 2 à 24 "
                                                     "caractères parmi A–Z, 0–9 et _ (il est "
                                                     "imprimé sur les intercalaires).")
                                          .arg(code.value()));
            }
            if (set.pieceIndex.contains(code.value())) {
                return m_file.errorAt(
                    JsonFile::join(at, QStringLiteral("code")),
                    QStringLiteral("le code « %1 » est défini deux fois.").arg(code.value()));
            }
            set.pieceByName.insert(comparablePieceName(code.value()), set.pieces.size());
            set.pieceByName.insert(comparablePieceName(label.value()), set.pieces.size());
            set.pieceIndex.insert(code.value(), set.pieces.size());
            set.pieces.append(PieceType{code.value(), label.value()});
        }
        return Ok{};
    }

    Status parseRules(const QJsonValue &value, RuleSet &set) const
    {
        const QString path = QStringLiteral("rules");
        if (!value.isArray())
            return m_file.errorAt(path, QStringLiteral("la liste des règles est absente ou "
                                                       "n'est pas une liste [ … ]."));
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QString at = JsonFile::join(path, i);
            const QJsonObject object = array.at(i).toObject();
            if (auto s = m_file.checkKeys(object, at,
                                          {QStringLiteral("description"), QStringLiteral("pieces"),
                                           QStringLiteral("when")});
                !s)
                return s;
            const QString piecesAt = JsonFile::join(at, QStringLiteral("pieces"));
            auto codes = m_file.stringList(object.value(QStringLiteral("pieces")), piecesAt);
            if (!codes)
                return codes.error();
            for (int c = 0; c < codes->size(); ++c) {
                if (!set.pieceIndex.contains(codes->at(c))) {
                    return m_file.errorAt(JsonFile::join(piecesAt, c),
                                          QStringLiteral("la pièce « %1 » n'est pas définie "
                                                         "dans « pieces ».")
                                              .arg(codes->at(c)));
                }
            }
            Rule rule;
            rule.pieceCodes = codes.value();
            const QString when = QStringLiteral("when");
            if (object.contains(when)) {
                auto condition = parseCondition(object.value(when), JsonFile::join(at, when));
                if (!condition)
                    return condition.error();
                rule.when = std::move(condition).value();
            }
            set.rules.append(rule);
        }
        return Ok{};
    }

    Result<Condition> parseCondition(const QJsonValue &value, const QString &path) const
    {
        if (!value.isObject())
            return m_file.errorAt(path, QStringLiteral("une condition { … } est attendue."));
        const QJsonObject object = value.toObject();
        for (const QString &group : {QStringLiteral("allOf"), QStringLiteral("anyOf")}) {
            if (object.contains(group))
                return parseGroup(object, group, path);
        }
        if (object.contains(QStringLiteral("not")))
            return parseNot(object, path);
        if (object.contains(QStringLiteral("age")))
            return parseAge(object, path);
        if (object.contains(QStringLiteral("column")))
            return parseColumnTest(object, path);
        return m_file.errorAt(path, QStringLiteral("condition sans opérateur : utiliser allOf, "
                                                   "anyOf, not, age ou column."));
    }

    Result<Condition> parseGroup(const QJsonObject &object, const QString &group,
                                 const QString &path) const
    {
        if (auto s = m_file.checkKeys(object, path, {group}); !s)
            return s.error();
        const QString at = JsonFile::join(path, group);
        if (!object.value(group).isArray() || object.value(group).toArray().isEmpty())
            return m_file.errorAt(at, QStringLiteral("une liste non vide de conditions est "
                                                     "attendue."));
        Condition condition;
        condition.kind =
            group == QLatin1String("allOf") ? Condition::Kind::AllOf : Condition::Kind::AnyOf;
        const QJsonArray children = object.value(group).toArray();
        for (int i = 0; i < children.size(); ++i) {
            auto child = parseCondition(children.at(i), JsonFile::join(at, i));
            if (!child)
                return child.error();
            condition.children.append(std::move(child).value());
        }
        return condition;
    }

    Result<Condition> parseNot(const QJsonObject &object, const QString &path) const
    {
        const QString key = QStringLiteral("not");
        if (auto s = m_file.checkKeys(object, path, {key}); !s)
            return s.error();
        auto child = parseCondition(object.value(key), JsonFile::join(path, key));
        if (!child)
            return child.error();
        Condition condition;
        condition.kind = Condition::Kind::Not;
        condition.children.append(std::move(child).value());
        return condition;
    }

    Result<Condition> parseAge(const QJsonObject &object, const QString &path) const
    {
        const QString key = QStringLiteral("age");
        if (auto s = m_file.checkKeys(object, path, {key}); !s)
            return s.error();
        const QString at = JsonFile::join(path, key);
        const QJsonObject bounds = object.value(key).toObject();
        if (auto s = m_file.checkKeys(bounds, at, {QStringLiteral("min"), QStringLiteral("max")});
            !s)
            return s.error();
        if (bounds.isEmpty())
            return m_file.errorAt(at, QStringLiteral("indiquer { \"min\": …, \"max\": … } (âge "
                                                     "au 31 décembre de l'année de session)."));
        Condition condition;
        condition.kind = Condition::Kind::Age;
        for (const auto &[name, target] : {std::pair{QStringLiteral("min"), &condition.minAge},
                                           std::pair{QStringLiteral("max"), &condition.maxAge}}) {
            if (!bounds.contains(name))
                continue;
            auto years = m_file.integer(bounds.value(name), JsonFile::join(at, name));
            if (!years)
                return years.error();
            *target = years.value();
        }
        return condition;
    }

    Result<Condition> parseColumnTest(const QJsonObject &object, const QString &path) const
    {
        static const QHash<QString, Condition::Kind> operators = {
            {QStringLiteral("equals"), Condition::Kind::Equals},
            {QStringLiteral("in"), Condition::Kind::In},
            {QStringLiteral("notEmpty"), Condition::Kind::NotEmpty},
            {QStringLiteral("contains"), Condition::Kind::Contains},
            {QStringLiteral("matches"), Condition::Kind::Matches},
        };
        QStringList allowed = operators.keys();
        allowed.sort();
        allowed.prepend(QStringLiteral("column"));
        if (auto s = m_file.checkKeys(object, path, allowed); !s)
            return s.error();
        if (object.size() != 2)
            return m_file.errorAt(path, QStringLiteral("indiquer exactement un opérateur parmi "
                                                       "equals, in, notEmpty, contains, matches."));
        auto column = m_file.string(object.value(QStringLiteral("column")),
                                    JsonFile::join(path, QStringLiteral("column")));
        if (!column)
            return column.error();

        Condition condition;
        condition.field = fieldNamed(column.value());
        condition.column = column.value();
        const QString op = object.keys().constFirst() == QLatin1String("column")
                               ? object.keys().constLast()
                               : object.keys().constFirst();
        condition.kind = operators.value(op);
        const QString at = JsonFile::join(path, op);
        const QJsonValue operand = object.value(op);
        switch (condition.kind) {
        case Condition::Kind::In: {
            auto values = m_file.stringList(operand, at);
            if (!values)
                return values.error();
            condition.values = values.value();
            break;
        }
        case Condition::Kind::NotEmpty: {
            auto flag = m_file.boolean(operand, at);
            if (!flag)
                return flag.error();
            if (!flag.value())
                return m_file.errorAt(at, QStringLiteral("seul true a un sens ; pour « vide », "
                                                         "écrire { \"not\": { … } }."));
            break;
        }
        case Condition::Kind::Matches: {
            auto text = m_file.string(operand, at);
            if (!text)
                return text.error();
            condition.pattern = QRegularExpression(text.value());
            if (!condition.pattern.isValid())
                return m_file.errorAt(at, QStringLiteral("expression régulière invalide : %1.")
                                              .arg(condition.pattern.errorString()));
            break;
        }
        default: {
            auto text = m_file.string(operand, at);
            if (!text)
                return text.error();
            condition.values = {text.value()};
            break;
        }
        }
        return condition;
    }

    const JsonFile &m_file;
};

} // namespace

Result<RequirementRules> RequirementRules::load(const QString &path)
{
    auto bytes = JsonFile::readBytes(path, kWhat);
    if (!bytes)
        return bytes.error();
    return parse(bytes.value(), QFileInfo(path).fileName());
}

Result<RequirementRules> RequirementRules::parse(const QByteArray &json, const QString &fileName)
{
    auto file = JsonFile::parse(json, fileName, kWhat);
    if (!file)
        return file.error();
    auto set = RulesParser(file.value()).parse();
    if (!set)
        return set.error();
    return RequirementRules(std::make_shared<const RuleSet>(std::move(set).value()));
}

} // namespace pointage
