#include "pointage/SchoolAggregation.h"

#include <QMap>

namespace pointage {

namespace {

void count(SchoolStatus &school, const CandidateStatus &candidate)
{
    school.openExceptions += candidate.openExceptions;
    if (candidate.withdrawn) {
        if (candidate.state == CandidateState::WithdrawnReceived)
            ++school.withdrawnReceived;
        return;
    }
    ++school.candidates;
    switch (candidate.state) {
    case CandidateState::Complete:
        ++school.complete;
        break;
    case CandidateState::Incomplete:
        ++school.incomplete;
        break;
    case CandidateState::ToVerify:
    case CandidateState::SignatureToVerify:
        ++school.toVerify;
        break;
    case CandidateState::NotReceived:
    case CandidateState::LateMissing:
        ++school.notReceived;
        break;
    case CandidateState::WithoutSignedConfirmation:
    case CandidateState::UnsignedConfirmation:
        ++school.withoutConfirmation;
        break;
    case CandidateState::ReceivedLate:
        ++school.late;
        break;
    case CandidateState::Stale:
        ++school.stale;
        break;
    case CandidateState::Withdrawn:
    case CandidateState::WithdrawnReceived:
        break;
    }
}

void addTotals(AcademieStatus &status, const SchoolStatus &school)
{
    status.candidates += school.candidates;
    status.complete += school.complete;
    status.incomplete += school.incomplete;
    status.toVerify += school.toVerify;
    status.notReceived += school.notReceived;
    status.withoutConfirmation += school.withoutConfirmation;
    status.late += school.late;
    status.stale += school.stale;
    status.withdrawnReceived += school.withdrawnReceived;
}

} // namespace

void aggregate(AcademieStatus &status, const QList<QDate> &lastReceipts,
               const QHash<QString, QString> &establishmentNames)
{
    QMap<QString, SchoolStatus> schools;
    QMap<QDate, int> perDay;
    for (int i = 0; i < status.candidateStatus.size(); ++i) {
        const CandidateStatus &candidate = status.candidateStatus.at(i);
        const QString &uai = candidate.candidate.uai;
        SchoolStatus &school = schools[uai];
        if (school.uai.isEmpty() && school.name.isEmpty()) {
            school.uai = uai;
            school.name = establishmentNames.value(uai, candidate.candidate.establishmentName);
        }
        count(school, candidate);
        school.lastReceipt = std::max(school.lastReceipt, lastReceipts.at(i));
        if (!candidate.withdrawn && candidate.confirmationReceived.isValid())
            ++perDay[candidate.confirmationReceived];
    }
    for (const SchoolStatus &school : std::as_const(schools)) {
        addTotals(status, school);
        status.schools.append(school);
    }
    for (auto it = perDay.cbegin(); it != perDay.cend(); ++it)
        status.receiptsPerDay.append({it.key(), it.value()});
    // Exceptions nobody can attribute to a school still need handling: count every one.
    status.openExceptions = static_cast<int>(
        std::count_if(status.pages.cbegin(), status.pages.cend(),
                      [](const PageOutcome &page) { return page.isOpenException(); }));
    status.pagesToIdentify =
        static_cast<int>(std::count_if(status.pages.cbegin(), status.pages.cend(),
                                       [](const PageOutcome &page) { return page.toIdentify; }));
    status.signaturesToCheck = static_cast<int>(
        std::count_if(status.pages.cbegin(), status.pages.cend(),
                      [](const PageOutcome &page) { return page.signatureToCheck; }));
}

} // namespace pointage
