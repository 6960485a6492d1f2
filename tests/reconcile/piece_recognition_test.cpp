// Telling a piece from the text read on its page: keywords and patterns from the rules file,
// matched without accents or case, and precision first — a page is typed only when sure.
#include "ReconcileFixtures.h"
#include "pointage/PieceRecognition.h"
#include "pointage/RequirementRules.h"

#include <QFile>
#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testfixtures;

TEST(PieceRecognition, MatchesWithoutAccentsCaseOrCurlyApostrophes)
{
    EXPECT_EQ(textForMatching(QStringLiteral("Carte nationale d’identité\n— Œuvre")),
              QStringLiteral("CARTE NATIONALE D'IDENTITE OEUVRE"));
}

TEST(PieceRecognition, ShippedRulesTypeTypicalTextsAndLeaveTheRestToIdentify)
{
    const QList<PieceSignature> signatures = shippedRules().pieceSignatures();
    const struct
    {
        const char *name;
        const char *text;
        const char *expected;
    } cases[] = {
        {"ID card with MRZ",
         "REPUBLIQUE FRANÇAISE\nCARTE NATIONALE D'IDENTITE\nNom : MARTIN\n"
         "IDFRAMARTIN<<<<<<<<<<<<<<<<<<<132075",
         "ID"},
        {"MRZ alone, OCR dropped the title", "IDFRAMARTIN<<<<<<<<<<<<<<<132075\n0901132016789",
         "ID"},
        {"CERFA contract naming the diploma it prepares",
         "cerfa N° 10103*10 CONTRAT D’APPRENTISSAGE L'EMPLOYEUR L'APPRENTI(E) "
         "Diplôme ou titre visé par l'apprenti : CAP",
         "CFA"},
        {"diploma",
         "RÉPUBLIQUE FRANÇAISE DIPLÔME Vu la délibération du jury, le diplôme est "
         "délivré à MARTIN Léa",
         "DIPLOME"},
        {"transcript", "RELEVÉ DE NOTES Épreuves Coefficient Note Moyenne générale", "RELEVE"},
        {"accommodation decision",
         "DÉCISION D'AMÉNAGEMENT D'ÉPREUVES candidat en situation de handicap, temps majoré, "
         "épreuves",
         "AMENAGEMENT"},
        {"covering letter naming a diploma once",
         "Objet : transmission des dossiers d'inscription de nos apprentis en vue du diplôme", ""},
        {"one keyword is not enough", "MOYENNE", ""},
        {"a word inside another is no keyword", "JURYSPRUDENCE DIPLÔMES", ""},
        {"nothing read", "", ""},
        {"two pieces equally signalled", "RELEVÉ DE NOTES MOYENNE DIPLÔME JURY", ""},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        const PieceGuess guess = recognisePiece(QString::fromUtf8(c.text), signatures);
        EXPECT_EQ(guess.pieceCode, QString::fromUtf8(c.expected));
        if (guess.pieceCode.isEmpty())
            continue;
        EXPECT_GT(guess.confidence, 0.5);
        EXPECT_GE(guess.score, 2 * guess.runnerUpScore);
    }
}

TEST(PieceRecognition, HashFollowsTheSignaturesOnly)
{
    PieceSignature id{QStringLiteral("ID"), {QStringLiteral("CARTE NATIONALE D'IDENTITÉ")}, {}, 2};
    const QString before = signaturesHash({id});
    EXPECT_EQ(signaturesHash({id}), before);
    id.keywords.append(QStringLiteral("PASSEPORT"));
    EXPECT_NE(signaturesHash({id}), before);
}

TEST(PieceRecognition, RulesFileRefusesABadPatternAndAUnknownKey)
{
    const struct
    {
        const char *name;
        const char *json;
        const char *expectedInMessage;
    } cases[] = {
        {"invalid regular expression",
         R"({"pieces":[{"code":"ID","label":"ID","recognise":{"patterns":["IDFRA[A-Z"]}}],"rules":[]})",
         "expression régulière invalide"},
        {"misspelt key",
         R"({"pieces":[{"code":"ID","label":"ID","recognise":{"keyword":["CARTE"]}}],"rules":[]})",
         "keyword"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        auto rules = RequirementRules::parse(QByteArray(c.json), QStringLiteral("rules.json"));
        ASSERT_FALSE(rules.ok());
        EXPECT_EQ(rules.error().code, ErrorCode::Config);
        EXPECT_TRUE(rules.error().located().contains(QString::fromUtf8(c.expectedInMessage)))
            << rules.error().located().toStdString();
    }
}

TEST(PieceRecognition, MinimumScoreCannotBeLoweredToOneKeyword)
{
    auto rules = RequirementRules::parse(
        R"({"pieces":[{"code":"ID","label":"ID","recognise":{"keywords":["CARTE"],"minScore":1}}],"rules":[]})",
        QStringLiteral("rules.json"));
    ASSERT_TRUE(rules.ok());
    EXPECT_TRUE(
        recognisePiece(QStringLiteral("CARTE"), rules->pieceSignatures()).pieceCode.isEmpty());
}
