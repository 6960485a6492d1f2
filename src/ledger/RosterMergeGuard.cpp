#include "ledger/RosterMergeGuard.h"

#include <QLocale>
#include <cmath>

namespace pointage {

namespace {

bool tooManyAbsent(const RosterMergeEffect &effect, const ImportPolicy &policy)
{
    if (effect.absent == 0)
        return false;
    // An export listing nobody withdraws a whole school: always a wrong or cut file first.
    if (effect.rowsListed == 0)
        return true;
    return effect.absent > policy.withdrawalsAlwaysAccepted &&
           effect.absent > policy.maxWithdrawalShare * effect.scopeSize;
}

} // namespace

bool needsConfirmation(const RosterMergeEffect &effect, const ImportPolicy &policy)
{
    return tooManyAbsent(effect, policy) || effect.moved > 0;
}

QString confirmationMessage(const RosterMergeEffect &effect, const ImportPolicy &policy)
{
    QStringList what;
    if (tooManyAbsent(effect, policy)) {
        const int percent =
            effect.scopeSize > 0 ? int(std::lround(100.0 * effect.absent / effect.scopeSize)) : 0;
        what << QStringLiteral("retirerait %1 candidat(s) sur %2 (%3 %) de la liste précédente, "
                               "parce qu'ils en sont absents%4")
                    .arg(effect.absent)
                    .arg(effect.scopeSize)
                    .arg(percent)
                    .arg(effect.rowsListed == 0 ? QStringLiteral(" (l'export ne liste personne)")
                                                : QString());
    }
    if (effect.moved > 0) {
        what << QStringLiteral("ferait changer d'établissement %1 candidat(s) (%2)")
                    .arg(effect.moved)
                    .arg(effect.movedTo.mid(0, 5).join(QStringLiteral(", ")) +
                         (effect.movedTo.size() > 5 ? QStringLiteral(", …") : QString()));
    }
    return QStringLiteral("cet import %1. Rien n'a été importé. Vérifiez que l'export est complet "
                          "et qu'il s'agit du bon établissement ; si c'est bien la situation "
                          "réelle, relancez avec --accept-withdrawals (seuil : %2 % de la liste, "
                          "réglage import.maxWithdrawalShare).")
        .arg(what.join(QStringLiteral(" et ")))
        .arg(std::lround(policy.maxWithdrawalShare * 100));
}

} // namespace pointage
