// Words for page buckets and exception reasons: French for people, stable keys for JSON.
#include "pointage/PageOutcome.h"

namespace pointage {

QString bucketName(PageBucket bucket)
{
    switch (bucket) {
    case PageBucket::Confirmation:
        return QStringLiteral("confirmation");
    case PageBucket::CoverSheet:
        return QStringLiteral("bordereau");
    case PageBucket::Supporting:
        return QStringLiteral("pièce justificative");
    case PageBucket::Separator:
        return QStringLiteral("intercalaire");
    case PageBucket::Blank:
        return QStringLiteral("page blanche");
    case PageBucket::Exception:
        return QStringLiteral("à traiter");
    case PageBucket::Ignored:
        return QStringLiteral("ignorée");
    }
    return {};
}

QString bucketKey(PageBucket bucket)
{
    switch (bucket) {
    case PageBucket::Confirmation:
        return QStringLiteral("confirmation");
    case PageBucket::CoverSheet:
        return QStringLiteral("cover_sheet");
    case PageBucket::Supporting:
        return QStringLiteral("supporting");
    case PageBucket::Separator:
        return QStringLiteral("separator");
    case PageBucket::Blank:
        return QStringLiteral("blank");
    case PageBucket::Exception:
        return QStringLiteral("exception");
    case PageBucket::Ignored:
        return QStringLiteral("ignored");
    }
    return {};
}

QString reasonText(ExceptionReason reason)
{
    switch (reason) {
    case ExceptionReason::None:
        return {};
    case ExceptionReason::BeforeFirstConfirmation:
        return QStringLiteral("Page placée avant toute confirmation dans son fichier : indiquer "
                              "à quel candidat elle appartient.");
    case ExceptionReason::UnreadableCode:
        return QStringLiteral("Un code-barres semble présent mais n'a pas pu être lu : vérifier "
                              "la page et l'associer à la main.");
    case ExceptionReason::ForeignCode:
        return QStringLiteral("Le code-barres lu ne correspond à aucun format attendu : "
                              "indiquer à quel candidat appartient la page, ou l'ignorer.");
    case ExceptionReason::ConflictingCodes:
        return QStringLiteral("Les codes-barres de la page ne désignent pas le même candidat : "
                              "vérifier la page et l'associer à la main.");
    case ExceptionReason::DecodeFailed:
        return QStringLiteral("La page n'a pas pu être lue : vérifier le fichier numérisé, le "
                              "numériser à nouveau ou associer la page à la main.");
    case ExceptionReason::UnknownCandidate:
        return QStringLiteral("Numéro de candidat absent de la liste importée : importer une "
                              "liste à jour ou corriger l'association.");
    case ExceptionReason::WithdrawnCandidate:
        return QStringLiteral("Confirmation d'un candidat qui ne figure plus sur la liste "
                              "d'inscription : vérifier auprès de l'établissement.");
    case ExceptionReason::Duplicate:
        return QStringLiteral("Cette confirmation a déjà été reçue : doublon à écarter.");
    case ExceptionReason::StaleVersion:
        return QStringLiteral("Confirmation d'une version antérieure de l'inscription : "
                              "demander la confirmation signée de la version en cours.");
    case ExceptionReason::InDossierOfException:
        return QStringLiteral("Page qui suit une confirmation non reconnue : traiter d'abord "
                              "cette confirmation.");
    }
    return {};
}

QString reasonKey(ExceptionReason reason)
{
    switch (reason) {
    case ExceptionReason::None:
        return QStringLiteral("none");
    case ExceptionReason::BeforeFirstConfirmation:
        return QStringLiteral("before_first_confirmation");
    case ExceptionReason::UnreadableCode:
        return QStringLiteral("unreadable_code");
    case ExceptionReason::ForeignCode:
        return QStringLiteral("foreign_code");
    case ExceptionReason::ConflictingCodes:
        return QStringLiteral("conflicting_codes");
    case ExceptionReason::DecodeFailed:
        return QStringLiteral("decode_failed");
    case ExceptionReason::UnknownCandidate:
        return QStringLiteral("unknown_candidate");
    case ExceptionReason::WithdrawnCandidate:
        return QStringLiteral("withdrawn_candidate");
    case ExceptionReason::Duplicate:
        return QStringLiteral("duplicate");
    case ExceptionReason::StaleVersion:
        return QStringLiteral("stale_version");
    case ExceptionReason::InDossierOfException:
        return QStringLiteral("in_dossier_of_exception");
    }
    return {};
}

QString attentionText(const PageOutcome &page)
{
    if (page.isOpenException())
        return reasonText(page.reason);
    if (page.toIdentify)
        return QStringLiteral("Pièce justificative dont le type n'est pas reconnu, dans un dossier "
                              "où une pièce reste due : dire de quelle pièce il s'agit, ou "
                              "écarter la page si elle n'en est aucune.");
    if (page.signatureToCheck)
        return QStringLiteral("Confirmation dont la signature est douteuse (zone pâle, cachet, "
                              "signature hors du cadre…) : regarder la zone et dire si la "
                              "confirmation est signée ou non.");
    return {};
}

QString attentionKey(const PageOutcome &page)
{
    if (page.isOpenException())
        return reasonKey(page.reason);
    if (page.toIdentify)
        return QStringLiteral("piece_to_identify");
    return page.signatureToCheck ? QStringLiteral("signature_to_check") : QString();
}

} // namespace pointage
