#include "cli/StatusJson.h"

#include <QJsonArray>

namespace pointage::cli {

namespace {
QJsonArray pieceCodes(const QList<PieceType> &pieces)
{
    QJsonArray codes;
    for (const PieceType &p : pieces)
        codes.append(p.code);
    return codes;
}
} // namespace

QJsonObject candidateStatusJson(const CandidateStatus &s)
{
    const RosterRow &r = s.candidate;
    return {{QStringLiteral("candidateNumber"), r.candidateNumber},
            {QStringLiteral("lastName"), r.lastName},
            {QStringLiteral("firstNames"), r.firstNames},
            {QStringLiteral("uai"), r.uai},
            {QStringLiteral("specialtyCode"), r.specialtyCode},
            {QStringLiteral("specialtyLabel"), r.specialtyLabel},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("state"), stateKey(s.state)},
            {QStringLiteral("stateLabel"), stateText(s.state)},
            {QStringLiteral("withdrawn"), s.withdrawn},
            {QStringLiteral("confirmationReceived"), s.confirmationReceived.toString(Qt::ISODate)},
            {QStringLiteral("late"), s.late},
            {QStringLiteral("stale"), s.stale},
            {QStringLiteral("scannedVersion"), s.scannedVersion},
            {QStringLiteral("owedPieces"), pieceCodes(s.owedPieces)},
            {QStringLiteral("missingPieces"), pieceCodes(s.missingPieces)},
            {QStringLiteral("receivedPieces"), QJsonArray::fromStringList(s.receivedPieceCodes)},
            {QStringLiteral("unidentifiedPages"), s.unidentifiedPages},
            {QStringLiteral("openExceptions"), s.openExceptions}};
}

QJsonObject schoolStatusJson(const SchoolStatus &s)
{
    return {{QStringLiteral("uai"), s.uai},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("candidates"), s.candidates},
            {QStringLiteral("complete"), s.complete},
            {QStringLiteral("incomplete"), s.incomplete},
            {QStringLiteral("notReceived"), s.notReceived},
            {QStringLiteral("late"), s.late},
            {QStringLiteral("stale"), s.stale},
            {QStringLiteral("withdrawnReceived"), s.withdrawnReceived},
            {QStringLiteral("openExceptions"), s.openExceptions},
            {QStringLiteral("percentReceived"), s.percentReceived()},
            {QStringLiteral("lastReceipt"), s.lastReceipt.toString(Qt::ISODate)},
            {QStringLiteral("nothingReceived"), s.nothingReceived()}};
}

QJsonObject pageOutcomeJson(const PageOutcome &p)
{
    return {{QStringLiteral("pageId"), p.pageId},
            {QStringLiteral("file"), p.file},
            {QStringLiteral("page"), p.page},
            {QStringLiteral("received"), p.received.toString(Qt::ISODate)},
            {QStringLiteral("bucket"), bucketKey(p.bucket)},
            {QStringLiteral("reason"), reasonKey(p.reason)},
            {QStringLiteral("reasonText"),
             p.reason == ExceptionReason::None ? QString() : reasonText(p.reason)},
            {QStringLiteral("candidateNumber"), p.candidateNumber},
            {QStringLiteral("pieceCode"), p.pieceCode},
            {QStringLiteral("value"), p.value},
            {QStringLiteral("byDecision"), p.byDecision},
            {QStringLiteral("suggestions"), QJsonArray::fromStringList(p.suggestions)}};
}

QJsonObject academieSummaryJson(const AcademieStatus &s)
{
    QJsonArray schools;
    for (const SchoolStatus &school : s.schools)
        schools.append(schoolStatusJson(school));
    return {{QStringLiteral("session"), s.window.session},
            {QStringLiteral("asOf"), s.window.asOf.toString(Qt::ISODate)},
            {QStringLiteral("windowOpens"), s.window.opens.toString(Qt::ISODate)},
            {QStringLiteral("windowCloses"), s.window.closes.toString(Qt::ISODate)},
            {QStringLiteral("daysLeft"), s.window.daysLeft},
            {QStringLiteral("pastDeadline"), s.window.pastDeadline()},
            {QStringLiteral("candidates"), s.candidates},
            {QStringLiteral("complete"), s.complete},
            {QStringLiteral("incomplete"), s.incomplete},
            {QStringLiteral("notReceived"), s.notReceived},
            {QStringLiteral("late"), s.late},
            {QStringLiteral("stale"), s.stale},
            {QStringLiteral("withdrawnReceived"), s.withdrawnReceived},
            {QStringLiteral("openExceptions"), s.openExceptions},
            {QStringLiteral("percentReceived"), s.percentReceived()},
            {QStringLiteral("schools"), schools}};
}

} // namespace pointage::cli
