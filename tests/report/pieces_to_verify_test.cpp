// A school is never told a piece is missing while the dossier holds pages nobody identified:
// from stored pages through the real reconciliation to the letter, the CSVs and the dashboard.
#include "ReportFixtures.h"
#include "SnapshotBuilder.h"
#include "pointage/AcademieExport.h"
#include "pointage/DashboardHtml.h"
#include "pointage/Reconciler.h"
#include "pointage/SchoolCsv.h"
#include "pointage/SchoolLetter.h"
#include "pointage/SchoolReminder.h"

#include <gtest/gtest.h>

using namespace pointage;
using pointage::testkit::SnapshotBuilder;

namespace {

const QString kCfa = QStringLiteral("0840002Y");
const QString kWithPage = QStringLiteral("08400000001");    // apprentice, untyped page behind
const QString kWithoutPage = QStringLiteral("08400000002"); // apprentice, nothing behind

RequirementRules apprenticeRules()
{
    auto rules = RequirementRules::parse(R"({
        "pieces": [ { "code": "CFA", "label": "Attestation du CFA / contrat d'apprentissage" } ],
        "rules": [ { "pieces": ["CFA"], "when": { "column": "category", "contains": "APPRENTI" } } ]
    })",
                                         QStringLiteral("rules.json"));
    EXPECT_TRUE(rules.ok());
    return rules.ok() ? rules.value() : RequirementRules();
}

struct Cfa
{
    SnapshotBuilder builder;
    qint64 untypedPage = 0;

    Cfa()
    {
        for (const QString &number : {kWithPage, kWithoutPage})
            builder.addCandidate(number, QStringLiteral("APPRENTI") + number.right(1), kCfa)
                .categoryLabel = QStringLiteral("APPRENTI CAP EN 2 ANS (124)");
        builder.beginFile(QStringLiteral("cfa.pdf"), QDate(2026, 12, 5));
        builder.addCodes({kWithPage});
        untypedPage = builder.addPlain();
        builder.addCodes({kWithoutPage});
    }

    AcademieStatus status() const
    {
        return reconcile(builder.snapshot(), apprenticeRules(), SessionConfig::defaults(2027),
                         QDate(2026, 12, 10));
    }
};

QString letterText(const AcademieStatus &status)
{
    const SchoolReminder reminder = schoolReminders(status).first();
    return testkit::pdfPageTexts(schoolLetterPdf(reminder, status.window, ReportSettings()))
        .join(u'\n')
        .simplified();
}

} // namespace

TEST(PiecesToVerify, SchoolIsAskedOnlyForPiecesOfDossiersWithNothingUnidentified)
{
    const AcademieStatus status = Cfa().status();
    ASSERT_EQ(status.schools.size(), 1);
    EXPECT_EQ(status.schools.first().toVerify, 1);
    EXPECT_EQ(status.schools.first().incomplete, 1);

    const SchoolReminder reminder = schoolReminders(status).first();
    ASSERT_EQ(reminder.missingPieces.size(), 1);
    EXPECT_EQ(reminder.missingPieces.first().candidate.candidateNumber, kWithoutPage);

    const QString letter = letterText(status);
    EXPECT_TRUE(letter.contains(kWithoutPage));
    EXPECT_FALSE(letter.contains(kWithPage)) << "a dossier under examination listed as missing";
    EXPECT_TRUE(letter.contains(QStringLiteral("Dossiers en cours d'examen par nos services")));

    for (const QByteArray &csv :
         {schoolCsv(reminder, status.window.asOf), academieMissingCsv(status)}) {
        const QString text = QString::fromUtf8(csv);
        EXPECT_TRUE(text.contains(kWithoutPage));
        EXPECT_FALSE(text.contains(kWithPage));
    }
}

TEST(PiecesToVerify, DashboardShowsPiecesToVerifyAndThePageToIdentify)
{
    const QString html = dashboardHtml(Cfa().status(), ReportSettings());
    EXPECT_TRUE(html.contains(QStringLiteral("pièces ou signatures à vérifier")));
    EXPECT_TRUE(html.contains(QStringLiteral("cfa.pdf")));
    EXPECT_TRUE(html.contains(QStringLiteral("dont le type n'est pas reconnu")));
}

TEST(PiecesToVerify, SettingThePageAsideMakesThePieceMissingInTheLetter)
{
    Cfa cfa;
    cfa.builder.decide(DecisionKind::IgnorePage, cfa.untypedPage);
    const AcademieStatus status = cfa.status();
    EXPECT_EQ(status.schools.first().toVerify, 0);
    EXPECT_EQ(status.schools.first().incomplete, 2);
    EXPECT_TRUE(letterText(status).contains(kWithPage));
}
