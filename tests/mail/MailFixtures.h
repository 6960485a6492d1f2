// Scenarios for the e-mail tests: schools with accented names and something missing, built
// in code with the testkit's AcademieStatusBuilder, and mail settings pointing nowhere real.
#pragma once

#include "AcademieStatusBuilder.h"
#include "pointage/MailSettings.h"
#include "pointage/ReportSettings.h"

namespace pointage::testkit {

inline const QString mailSchoolA = QStringLiteral("0130001F");
inline const QString mailSchoolB = QStringLiteral("0130002G");
inline const QString mailSchoolC = QStringLiteral("0130003H");
inline const QString mailNameA = QStringLiteral("Lycée professionnel Le Châtelier");
inline const QString mailNameB = QStringLiteral("CFA des Métiers de l'Hôtellerie « Côte d'Azur »");
inline const QString mailNameC = QStringLiteral("Cours privé Saint-Éloi");

// A: two candidates missing things, one complete; B: one missing confirmation; C: complete.
inline AcademieStatus mailScenario(QDate asOf = QDate(2027, 12, 10))
{
    AcademieStatusBuilder builder(decemberWindow(asOf));
    builder.addSchool(mailSchoolA, mailNameA);
    builder.addSchool(mailSchoolB, mailNameB);
    builder.addSchool(mailSchoolC, mailNameC);
    const QList<PieceType> &pieces = samplePieceTypes();
    CandidateStatus lea = candidateAt(mailSchoolA, mailNameA, QStringLiteral("02700000001"),
                                      QStringLiteral("BERNARD"), QStringLiteral("Léa"));
    builder.addCandidate(lea);
    CandidateStatus noe = candidateAt(mailSchoolA, mailNameA, QStringLiteral("02700000002"),
                                      QStringLiteral("ÉTIENNE"), QStringLiteral("Noé"));
    noe.owedPieces = {pieces.at(0), pieces.at(1)};
    receive(noe, QDate(2027, 12, 3), {pieces.at(1)});
    builder.addCandidate(noe);
    CandidateStatus zoe = candidateAt(mailSchoolA, mailNameA, QStringLiteral("02700000003"),
                                      QStringLiteral("FABRE"), QStringLiteral("Zoé"));
    receive(zoe, QDate(2027, 12, 2));
    builder.addCandidate(zoe);
    builder.addCandidate(candidateAt(mailSchoolB, mailNameB, QStringLiteral("02700000101"),
                                     QStringLiteral("DURAND"), QStringLiteral("Anaïs")));
    CandidateStatus done = candidateAt(mailSchoolC, mailNameC, QStringLiteral("02700000201"),
                                       QStringLiteral("GARNIER"), QStringLiteral("Jérôme"));
    receive(done, QDate(2027, 12, 4));
    builder.addCandidate(done);
    return builder.build();
}

inline MailSettings mailSettingsForTests()
{
    MailSettings mail;
    mail.from = QStringLiteral("ce.diec@ac-aix-marseille.fr");
    mail.fromName = QStringLiteral("Rectorat d'Aix-Marseille – Division des examens");
    return mail;
}

inline ReportSettings reportSettingsForTests()
{
    ReportSettings report;
    report.contact = QStringLiteral("ce.diec@ac-aix-marseille.fr");
    report.signatoryName = QStringLiteral("Hélène Départ");
    return report;
}

} // namespace pointage::testkit
