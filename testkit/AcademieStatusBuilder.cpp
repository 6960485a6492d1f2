#include "AcademieStatusBuilder.h"

#include "RosterGenerator.h"
#include "RosterVocabulary.h"
#include "pointage/SchoolAggregation.h"

#include <QCollator>
#include <QHash>
#include <QMap>
#include <QRandomGenerator>
#include <algorithm>

namespace pointage::testkit {

ReturnWindowInfo decemberWindow(QDate asOf)
{
    ReturnWindowInfo window;
    window.session = QStringLiteral("Session 2027");
    window.opens = QDate(2027, 12, 1);
    window.closes = QDate(2027, 12, 22);
    window.registrationCloses = QDate(2027, 12, 8);
    window.asOf = asOf;
    window.daysLeft = int(asOf.daysTo(window.closes));
    return window;
}

const QList<PieceType> &samplePieceTypes()
{
    static const QList<PieceType> pieces = {
        {QStringLiteral("ID"), QStringLiteral("Pièce d'identité")},
        {QStringLiteral("DIPLOME"), QStringLiteral("Copie du diplôme (dispense d'épreuves)")},
        {QStringLiteral("AMENAGEMENT"), QStringLiteral("Décision d'aménagement des épreuves")},
        {QStringLiteral("CONTRAT"), QStringLiteral("Contrat d'apprentissage")},
        {QStringLiteral("RELEVE"), QStringLiteral("Relevé de notes antérieur (notes conservées)")},
        {QStringLiteral("FORMATION"), QStringLiteral("Attestation de formation")},
    };
    return pieces;
}

CandidateStatus candidateAt(const QString &uai, const QString &establishment, const QString &number,
                            const QString &lastName, const QString &firstNames,
                            const QString &specialtyCode, const QString &specialtyLabel)
{
    CandidateStatus c;
    c.candidate.candidateNumber = number;
    c.candidate.inscriptionNumber = QStringLiteral("101");
    c.candidate.version = 1;
    c.candidate.lastName = lastName;
    c.candidate.firstNames = firstNames;
    c.candidate.specialtyCode = specialtyCode;
    c.candidate.specialtyLabel = specialtyLabel;
    c.candidate.state = QStringLiteral("Inscrit");
    c.candidate.uai = uai;
    c.candidate.establishmentName = establishment;
    c.state = CandidateState::NotReceived;
    return c;
}

void receive(CandidateStatus &c, QDate day, const QList<PieceType> &missing)
{
    c.confirmationReceived = day;
    c.missingPieces = missing;
    c.receivedPieceCodes.clear();
    for (const PieceType &piece : c.owedPieces) {
        const bool isMissing = std::any_of(missing.begin(), missing.end(), [&](const PieceType &m) {
            return m.code == piece.code;
        });
        if (!isMissing)
            c.receivedPieceCodes.append(piece.code);
    }
    c.state = missing.isEmpty() ? CandidateState::Complete : CandidateState::Incomplete;
}

AcademieStatusBuilder::AcademieStatusBuilder(ReturnWindowInfo window)
{
    m_status.window = std::move(window);
}

void AcademieStatusBuilder::addSchool(const QString &uai, const QString &name)
{
    SchoolStatus school;
    school.uai = uai;
    school.name = name;
    m_status.schools.append(school);
}

void AcademieStatusBuilder::addCandidate(const CandidateStatus &candidate)
{
    m_status.candidateStatus.append(candidate);
}

void AcademieStatusBuilder::addPage(const PageOutcome &page)
{
    m_status.pages.append(page);
}

AcademieStatus AcademieStatusBuilder::build() const
{
    AcademieStatus status = m_status;
    QHash<QString, QString> names;
    for (const SchoolStatus &school : std::as_const(status.schools))
        names.insert(school.uai, school.name);
    status.schools.clear();
    QList<QDate> lastReceipts;
    for (const CandidateStatus &c : std::as_const(status.candidateStatus))
        lastReceipts.append(c.withdrawn ? QDate() : c.confirmationReceived);
    aggregate(status, lastReceipts, names);
    return status;
}

namespace {

QList<PieceType> somePieces(QRandomGenerator &random)
{
    QList<PieceType> pieces;
    for (const PieceType &piece : samplePieceTypes()) {
        if (random.bounded(4) == 0)
            pieces.append(piece);
    }
    return pieces;
}

void giveState(CandidateStatus &c, QRandomGenerator &random, const ReturnWindowInfo &window,
               bool silentSchool)
{
    const int roll = silentSchool ? 70 : random.bounded(100);
    const QDate lastOnTime = qMin(window.asOf, window.closes);
    const QDate day =
        window.opens.addDays(random.bounded(int(window.opens.daysTo(lastOnTime)) + 1));
    if (roll < 40) {
        receive(c, day);
    } else if (roll < 60) {
        receive(c, day, c.owedPieces.mid(0, 1));
    } else if (roll < 88) {
        c.missingPieces = c.owedPieces;
        c.state = window.pastDeadline() ? CandidateState::LateMissing : CandidateState::NotReceived;
    } else if (roll < 92 && !window.pastDeadline()) {
        receive(c, day);
    } else if (roll < 92) {
        receive(c, window.asOf);
        c.state = CandidateState::ReceivedLate;
        c.late = true;
    } else if (roll < 96) {
        receive(c, day);
        c.state = CandidateState::Stale;
        c.stale = true;
        c.scannedVersion = 1;
        c.candidate.version = 2;
    } else {
        c.withdrawn = true;
        c.state = CandidateState::Withdrawn;
    }
}

} // namespace

AcademieStatus generatedAcademie(int candidates, int schools, QDate asOf, quint64 seed)
{
    QRandomGenerator random(seed);
    const ReturnWindowInfo window = decemberWindow(asOf);
    AcademieStatusBuilder builder(window);
    QList<QPair<QString, QString>> schoolList;
    for (int s = 0; s < schools; ++s) {
        const QString uai =
            uaiWithChecksum(QStringLiteral("013%1").arg(s + 1, 4, 10, QLatin1Char('0')));
        const QString name = establishmentNames().at(s % establishmentNames().size()) +
                             QStringLiteral(" %1").arg(s + 1);
        schoolList.append({uai, name});
        builder.addSchool(uai, name);
    }
    QList<CandidateStatus> all;
    all.reserve(candidates);
    for (int i = 0; i < candidates; ++i) {
        const int school = random.bounded(qMax(1, schools));
        const auto &[uai, name] = schoolList.at(school);
        const CodedLabel &specialty =
            capSpecialties().at(random.bounded(int(capSpecialties().size())));
        CandidateStatus c = candidateAt(uai, name, QStringLiteral("0%1").arg(2700000000LL + i),
                                        familyNames().at(random.bounded(int(familyNames().size()))),
                                        firstNames().at(random.bounded(int(firstNames().size()))),
                                        specialty.code, specialty.label);
        c.owedPieces = somePieces(random);
        giveState(c, random, window, school % 10 == 9);
        all.append(c);
    }
    QCollator french{QLocale(QLocale::French, QLocale::France)};
    std::stable_sort(
        all.begin(), all.end(), [&](const CandidateStatus &a, const CandidateStatus &b) {
            if (a.candidate.specialtyCode != b.candidate.specialtyCode)
                return a.candidate.specialtyCode < b.candidate.specialtyCode;
            const int byName = french.compare(a.candidate.lastName, b.candidate.lastName);
            if (byName != 0)
                return byName < 0;
            return french.compare(a.candidate.firstNames, b.candidate.firstNames) < 0;
        });
    for (const CandidateStatus &c : std::as_const(all))
        builder.addCandidate(c);
    for (int p = 0; p < candidates / 100; ++p) {
        PageOutcome page;
        page.pageId = p + 1;
        page.file = QStringLiteral("lot-%1.pdf").arg(p / 20 + 1);
        page.page = p % 20 + 1;
        page.received = window.asOf;
        page.bucket = PageBucket::Exception;
        page.reason = p % 2 ? ExceptionReason::UnknownCandidate : ExceptionReason::UnreadableCode;
        page.value = p % 2 ? QStringLiteral("0%1").arg(2799999000LL + p) : QString();
        builder.addPage(page);
    }
    return builder.build();
}

} // namespace pointage::testkit
