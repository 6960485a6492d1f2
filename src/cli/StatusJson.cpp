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
            {QStringLiteral("piecesToVerify"), pieceCodes(s.piecesToVerify)},
            {QStringLiteral("receivedPieces"), QJsonArray::fromStringList(s.receivedPieceCodes)},
            {QStringLiteral("unidentifiedPages"), s.unidentifiedPages},
            {QStringLiteral("openExceptions"), s.openExceptions}};
}

// The counts a school and the académie share, under the same keys.
template <class Counts> QJsonObject countsJson(const Counts &s)
{
    return {{QStringLiteral("candidates"), s.candidates},
            {QStringLiteral("complete"), s.complete},
            {QStringLiteral("incomplete"), s.incomplete},
            {QStringLiteral("toVerify"), s.toVerify},
            {QStringLiteral("notReceived"), s.notReceived},
            {QStringLiteral("withoutConfirmation"), s.withoutConfirmation},
            {QStringLiteral("late"), s.late},
            {QStringLiteral("stale"), s.stale},
            {QStringLiteral("withdrawnReceived"), s.withdrawnReceived},
            {QStringLiteral("openExceptions"), s.openExceptions},
            {QStringLiteral("percentReceived"), s.percentReceived()}};
}

QJsonObject schoolStatusJson(const SchoolStatus &s)
{
    QJsonObject o = countsJson(s);
    o.insert(QStringLiteral("uai"), s.uai);
    o.insert(QStringLiteral("name"), s.name);
    o.insert(QStringLiteral("lastReceipt"), s.lastReceipt.toString(Qt::ISODate));
    o.insert(QStringLiteral("nothingReceived"), s.nothingReceived());
    return o;
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
            {QStringLiteral("detail"), p.detail},
            {QStringLiteral("byDecision"), p.byDecision},
            {QStringLiteral("toIdentify"), p.toIdentify},
            {QStringLiteral("recognised"), p.recognised},
            {QStringLiteral("signature"), signatureStateKey(p.signature)},
            {QStringLiteral("signatureByDecision"), p.signatureByDecision},
            {QStringLiteral("signatureToCheck"), p.signatureToCheck},
            {QStringLiteral("attention"), attentionKey(p)},
            {QStringLiteral("suggestions"), QJsonArray::fromStringList(p.suggestions)}};
}

QJsonObject academieSummaryJson(const AcademieStatus &s)
{
    QJsonArray schools;
    for (const SchoolStatus &school : s.schools)
        schools.append(schoolStatusJson(school));
    QJsonObject o = countsJson(s);
    o.insert(QStringLiteral("session"), s.window.session);
    o.insert(QStringLiteral("asOf"), s.window.asOf.toString(Qt::ISODate));
    o.insert(QStringLiteral("pagesToIdentify"), s.pagesToIdentify);
    o.insert(QStringLiteral("signaturesToCheck"), s.signaturesToCheck);
    o.insert(QStringLiteral("windowOpens"), s.window.opens.toString(Qt::ISODate));
    o.insert(QStringLiteral("windowCloses"), s.window.closes.toString(Qt::ISODate));
    o.insert(QStringLiteral("daysLeft"), s.window.daysLeft);
    o.insert(QStringLiteral("pastDeadline"), s.window.pastDeadline());
    o.insert(QStringLiteral("schools"), schools);
    return o;
}

} // namespace pointage::cli
