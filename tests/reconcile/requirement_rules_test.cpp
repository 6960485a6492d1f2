#include "ReconcileFixtures.h"
#include "pointage/RequirementRules.h"
#include "pointage/SessionConfig.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testfixtures;

namespace {

const QDate kAgeReference(2027, 12, 31);

RosterRow candidate(const QString &category, const QMap<QString, QString> &extra = {})
{
    RosterRow row;
    row.candidateNumber = QStringLiteral("01234567890");
    row.categoryLabel = category;
    row.categoryCode = QStringLiteral("122");
    row.specialtyCode = QStringLiteral("31224");
    row.specialtyLabel = QStringLiteral("CUISINE");
    row.state = QStringLiteral("Inscrit");
    row.birthDate = QDate(2009, 6, 1);
    row.extra = extra;
    return row;
}

QStringList codes(const QList<PieceType> &pieces)
{
    QStringList list;
    for (const PieceType &piece : pieces)
        list.append(piece.code);
    return list;
}

RequirementRules rulesWith(const QString &when)
{
    const QString json = QStringLiteral(R"({
        "pieces": [ { "code": "PX", "label": "Pièce X" } ],
        "rules": [ { "pieces": ["PX"], "when": %1 } ]
    })")
                             .arg(when);
    auto rules = RequirementRules::parse(json.toUtf8(), QStringLiteral("rules.json"));
    EXPECT_TRUE(rules.ok()) << rules.error().located().toStdString();
    return rules.ok() ? rules.value() : RequirementRules();
}

} // namespace

TEST(RequirementRules, EachConditionOperatorDecides)
{
    const RosterRow scolaire = candidate(QStringLiteral("SCOLAIRE CAP EN 2 ANS"),
                                         {{QStringLiteral("Dispenses"), QStringLiteral("EG1")},
                                          {QStringLiteral("Aménagements"), QStringLiteral(" -")}});
    const struct
    {
        const char *when;
        bool owed;
    } cases[] = {
        {R"({ "column": "categoryCode", "equals": "122" })", true},
        {R"({ "column": "categoryCode", "equals": "123" })", false},
        {R"({ "column": "Catégorie Candidat", "equals": "scolaire cap en 2 ans" })", true},
        {R"({ "column": "specialtyCode", "in": ["31224", "50022"] })", true},
        {R"({ "column": "Code Spécialité", "in": ["50022"] })", false},
        {R"({ "column": "category", "contains": "cap" })", true},
        {R"({ "column": "category", "contains": "INDIVIDUEL" })", false},
        {R"({ "column": "Dispenses", "notEmpty": true })", true},
        {R"({ "column": "dispenses", "notEmpty": true })", true},
        {R"({ "column": "Aménagements", "notEmpty": true })", false}, // " -" is empty
        {R"({ "column": "Absente", "notEmpty": true })", false},
        {R"({ "column": "specialty", "matches": "^CUIS" })", true},
        {R"({ "column": "state", "matches": "^Retir" })", false},
        {R"({ "allOf": [ { "column": "categoryCode", "equals": "122" },
                          { "column": "Dispenses", "notEmpty": true } ] })",
         true},
        {R"({ "allOf": [ { "column": "categoryCode", "equals": "122" },
                          { "column": "Aménagements", "notEmpty": true } ] })",
         false},
        {R"({ "anyOf": [ { "column": "categoryCode", "equals": "999" },
                          { "column": "Dispenses", "notEmpty": true } ] })",
         true},
        {R"({ "anyOf": [ { "column": "categoryCode", "equals": "999" },
                          { "column": "Aménagements", "notEmpty": true } ] })",
         false},
        {R"({ "not": { "column": "categoryCode", "equals": "122" } })", false},
        {R"({ "age": { "min": 18 } })", true}, // 18 on 31/12/2027
        {R"({ "age": { "min": 19 } })", false},
        {R"({ "age": { "max": 18 } })", true},
        {R"({ "age": { "min": 16, "max": 17 } })", false},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.when);
        const RequirementRules rules = rulesWith(QString::fromUtf8(c.when));
        EXPECT_EQ(rules.owedPieces(scolaire, kAgeReference).size(), c.owed ? 1 : 0);
    }
}

TEST(RequirementRules, AgeIsUnknownWithoutABirthDate)
{
    RosterRow row = candidate(QStringLiteral("INDIVIDUEL"));
    row.birthDate = QDate();
    EXPECT_TRUE(rulesWith(QStringLiteral(R"({ "age": { "min": 0 } })"))
                    .owedPieces(row, kAgeReference)
                    .isEmpty());
}

TEST(RequirementRules, RuleWithoutConditionIsAlwaysOwed)
{
    auto rules = RequirementRules::parse(R"({
        "pieces": [ { "code": "ID", "label": "Pièce d'identité" } ],
        "rules": [ { "pieces": ["ID"] } ] })",
                                         QStringLiteral("rules.json"));
    ASSERT_TRUE(rules.ok());
    EXPECT_EQ(codes(rules->owedPieces(candidate(QStringLiteral("SCOLAIRE")), kAgeReference)),
              QStringList{QStringLiteral("ID")});
}

TEST(RequirementRules, ShippedDefaultsFollowUsualCapPractice)
{
    const RequirementRules rules = shippedRules();
    const struct
    {
        const char *category;
        QMap<QString, QString> extra;
        QStringList owed;
    } cases[] = {
        {"SCOLAIRE CAP EN 2 ANS", {}, {}},
        {"INDIVIDUEL", {}, {QStringLiteral("ID"), QStringLiteral("FORMATION")}},
        {"APPRENTI CAP EN 2 ANS", {}, {QStringLiteral("CFA")}},
        {"SCOLAIRE CAP EN 1 AN",
         {{QStringLiteral("Dispenses"), QStringLiteral("Français, Maths")}},
         {QStringLiteral("DIPLOME")}},
        {"SCOLAIRE CAP EN 1 AN", {{QStringLiteral("Dispense"), QStringLiteral("NON")}}, {}},
        {"SCOLAIRE CAP EN 2 ANS",
         {{QStringLiteral("Aménagements"), QStringLiteral("Tiers temps")}},
         {QStringLiteral("AMENAGEMENT")}},
        {"INDIVIDUEL",
         {{QStringLiteral("Bénéfice de notes"), QStringLiteral("EP1 12/20")},
          {QStringLiteral("Dispenses"), QStringLiteral("EG")}},
         {QStringLiteral("ID"), QStringLiteral("FORMATION"), QStringLiteral("DIPLOME"),
          QStringLiteral("RELEVE")}},
        {"SCOLAIRE CAP EN 2 ANS",
         {{QStringLiteral("Notes conservées"), QStringLiteral("Oui")}},
         {QStringLiteral("RELEVE")}},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.category);
        EXPECT_EQ(codes(rules.owedPieces(candidate(QString::fromUtf8(c.category), c.extra),
                                         kAgeReference)),
                  c.owed);
    }
    EXPECT_EQ(rules.pieceType(QStringLiteral("CFA")).label,
              QStringLiteral("Attestation du CFA / contrat d'apprentissage"));
}

TEST(RequirementRules, ExpectedPiecesColumnOverridesTheRules)
{
    const RequirementRules rules = shippedRules();
    const struct
    {
        const char *column;
        const char *value;
        QStringList owed;
    } cases[] = {
        {"Pièces justificatives", "ID, DIPLOME", {QStringLiteral("ID"), QStringLiteral("DIPLOME")}},
        {"Pièces attendues",
         "Copie du diplôme / pièce d’identité",
         {QStringLiteral("ID"), QStringLiteral("DIPLOME")}},
        {"Pièces attendues",
         "Attestation du CFA / contrat d'apprentissage, RELEVE",
         {QStringLiteral("CFA"), QStringLiteral("RELEVE")}},
        {"Pièces attendues", "Attestation de stage", {QStringLiteral("Attestation de stage")}},
        {"Pièces justificatives", " -", {}},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.value);
        const RosterRow row =
            candidate(QStringLiteral("INDIVIDUEL"),
                      {{QString::fromUtf8(c.column), QString::fromUtf8(c.value)}});
        EXPECT_EQ(codes(rules.owedPieces(row, kAgeReference)), c.owed);
    }
}

TEST(RequirementRules, BadRulesFilesAreRefusedWithLineAndKey)
{
    const struct
    {
        const char *json;
        int line;
        const char *mentions;
    } cases[] = {
        {"{\n \"pieces\": [ { \"code\": \"ID\", \"label\": \"Pièce\" } ],\n \"rules\": [\n"
         "  { \"pieces\": [\"ID\", \"PASSEPORT\"] }\n ]\n}",
         4, "PASSEPORT"},
        {"{\n \"pieces\": [ { \"code\": \"ID\", \"label\": \"Pièce\" } ],\n \"rules\": [\n"
         "  { \"pieces\": [\"ID\"],\n    \"when\": { \"column\": \"category\", \"contain\": \"X\" "
         "} }\n ]\n}",
         5, "rules[0].when.contain"},
        {"{\n \"pieces\": [ { \"code\": \"ID\", \"label\": \"Pièce\" } ],\n \"rules\": [\n"
         "  { \"pieces\": [\"ID\"],\n    \"when\": { \"column\": \"category\", \"matches\": \"(\" "
         "} }\n ]\n}",
         5, "expression régulière"},
        {"{\n \"pieces\": [ { \"code\": \"ID\", \"label\": \"Pièce\" } ],\n \"rules\": [\n"
         "  { \"pieces\": [\"ID\"],\n    \"when\": { \"column\": \"category\", \"equals\": \"A\", "
         "\"contains\": \"B\" } }\n ]\n}",
         5, "exactement un opérateur"},
        {"{\n \"pieces\": [ { \"code\": \"pièce id\", \"label\": \"Pièce\" } ],\n \"rules\": []\n}",
         2, "pieces[0].code"},
        {"{\n \"pieces\": [\n  { \"code\": \"ID\", \"label\": \"A\" },\n  { \"code\": \"ID\", "
         "\"label\": \"B\" }\n ],\n \"rules\": []\n}",
         4, "deux fois"},
        {"{\n \"pieces\": [],\n \"rules\": [\n  { \"pieces\": [], \"when\": { \"age\": { \"min\": "
         "-3 } } }\n ]\n}",
         4, "rules[0].when.age.min"},
        // Out of int's range: refused before any conversion (the sanitizer run would catch one).
        {"{\n \"pieces\": [],\n \"rules\": [\n  { \"pieces\": [], \"when\": { \"age\": { \"min\": "
         "1e300 } } }\n ]\n}",
         4, "rules[0].when.age.min"},
        {"{\n \"pieces\": [],\n \"rules\": [\n  { \"pieces\": [], \"when\": { \"age\": { \"max\": "
         "2147483648 } } }\n ]\n}",
         4, "rules[0].when.age.max"},
        {"{\n \"pieces\": [],\n \"rules\": [\n  { \"pieces\": [], \"when\": {} }\n ]\n}", 4,
         "sans opérateur"},
        {"{\n \"pieces\": []\n}", 1, "règles"},
        {"{\n \"pieces\": [],\n \"rules\": [ }\n}", 3, "JSON valide"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.json);
        auto rules = RequirementRules::parse(QByteArray(c.json), QStringLiteral("rules.json"));
        ASSERT_FALSE(rules.ok());
        EXPECT_EQ(rules.error().code, ErrorCode::Config);
        EXPECT_EQ(rules.error().file, QStringLiteral("rules.json"));
        EXPECT_EQ(rules.error().line, c.line) << rules.error().located().toStdString();
        EXPECT_TRUE(rules.error().message.contains(QString::fromUtf8(c.mentions)))
            << rules.error().located().toStdString();
    }
}

TEST(RequirementRules, ShippedConfigurationPointsAtLoadableRules)
{
    auto config = SessionConfig::load(QStringLiteral(POINTAGE_SOURCE_DIR "/config/pointage.json"));
    ASSERT_TRUE(config.ok());
    auto rules = RequirementRules::load(config->rulesFile);
    ASSERT_TRUE(rules.ok()) << rules.error().located().toStdString();
    EXPECT_EQ(rules->pieceTypes().size(), 6);
}
