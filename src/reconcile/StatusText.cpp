// Words for candidate states and the few derived figures of the status types.
#include "pointage/StatusTypes.h"

namespace pointage {

QString stateText(CandidateState state)
{
    switch (state) {
    case CandidateState::Complete:
        return QStringLiteral("Complet");
    case CandidateState::Incomplete:
        return QStringLiteral("Incomplet");
    case CandidateState::ToVerify:
        return QStringLiteral("Pièces à vérifier");
    case CandidateState::NotReceived:
        return QStringLiteral("Non reçu");
    case CandidateState::LateMissing:
        return QStringLiteral("Non reçu, délai dépassé");
    case CandidateState::WithoutSignedConfirmation:
        return QStringLiteral("Dossier reçu sans confirmation signée");
    case CandidateState::UnsignedConfirmation:
        return QStringLiteral("Confirmation non signée");
    case CandidateState::SignatureToVerify:
        return QStringLiteral("Signature à vérifier");
    case CandidateState::ReceivedLate:
        return QStringLiteral("Reçu hors délai");
    case CandidateState::Stale:
        return QStringLiteral("Version périmée reçue");
    case CandidateState::Withdrawn:
        return QStringLiteral("Retiré de la liste");
    case CandidateState::WithdrawnReceived:
        return QStringLiteral("Retiré de la liste, documents reçus");
    }
    return {};
}

QString stateKey(CandidateState state)
{
    switch (state) {
    case CandidateState::Complete:
        return QStringLiteral("complete");
    case CandidateState::Incomplete:
        return QStringLiteral("incomplete");
    case CandidateState::ToVerify:
        return QStringLiteral("to_verify");
    case CandidateState::NotReceived:
        return QStringLiteral("not_received");
    case CandidateState::LateMissing:
        return QStringLiteral("late_missing");
    case CandidateState::WithoutSignedConfirmation:
        return QStringLiteral("without_confirmation");
    case CandidateState::UnsignedConfirmation:
        return QStringLiteral("unsigned_confirmation");
    case CandidateState::SignatureToVerify:
        return QStringLiteral("signature_to_verify");
    case CandidateState::ReceivedLate:
        return QStringLiteral("received_late");
    case CandidateState::Stale:
        return QStringLiteral("stale");
    case CandidateState::Withdrawn:
        return QStringLiteral("withdrawn");
    case CandidateState::WithdrawnReceived:
        return QStringLiteral("withdrawn_received");
    }
    return {};
}

namespace {
double percent(int part, int whole)
{
    return whole == 0 ? 0.0 : 100.0 * part / whole;
}
} // namespace

// A stale confirmation counts as "in": paper came back, only its version is wrong.
double SchoolStatus::percentReceived() const
{
    return percent(complete + incomplete + toVerify + late + stale, candidates);
}

double AcademieStatus::percentReceived() const
{
    return percent(complete + incomplete + toVerify + late + stale, candidates);
}

QList<SchoolStatus> AcademieStatus::silentSchools() const
{
    QList<SchoolStatus> silent;
    for (const SchoolStatus &school : schools) {
        if (school.candidates > 0 && school.nothingReceived())
            silent.append(school);
    }
    return silent;
}

QString signatureStateText(SignatureState state)
{
    switch (state) {
    case SignatureState::NotChecked:
        return QStringLiteral("non vérifiée");
    case SignatureState::Signed:
        return QStringLiteral("signée");
    case SignatureState::Unsigned:
        return QStringLiteral("non signée");
    case SignatureState::Doubtful:
        break;
    }
    return QStringLiteral("à vérifier");
}

QString signatureStateKey(SignatureState state)
{
    switch (state) {
    case SignatureState::NotChecked:
        return QStringLiteral("not_checked");
    case SignatureState::Signed:
        return QStringLiteral("signed");
    case SignatureState::Unsigned:
        return QStringLiteral("unsigned");
    case SignatureState::Doubtful:
        break;
    }
    return QStringLiteral("doubtful");
}

} // namespace pointage
