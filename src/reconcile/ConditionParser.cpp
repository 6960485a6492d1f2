#include "ConditionParser.h"

#include <QJsonArray>

namespace pointage {

namespace {

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

class ConditionParser
{
public:
    explicit ConditionParser(const JsonFile &file) : m_file(file) {}

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

private:
    const JsonFile &m_file;
};

} // namespace

Result<Condition> parseCondition(const JsonFile &file, const QJsonValue &value, const QString &path)
{
    return ConditionParser(file).parseCondition(value, path);
}

} // namespace pointage
