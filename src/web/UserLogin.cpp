#include "web/UserLogin.h"

#include "pointage/PasswordHash.h"
#include "web/DeskData.h"

#include <QtConcurrent/QtConcurrentRun>

namespace pointage::web {

LoginVerifier ledgerLoginVerifier(DeskData &data)
{
    return [&data](const QString &name, const QString &password) -> std::optional<Role> {
        // A made-up hash keeps the time of an unknown name close to a wrong password.
        static const QString decoy = hashPassword(QStringLiteral("pointage-decoy"));
        const std::optional<UserAccount> account = data.user(name).result();
        const bool ok = verifyPassword(password, account ? account->passwordHash : decoy);
        if (!ok || !account)
            return std::nullopt;
        return roleFromKey(account->role);
    };
}

} // namespace pointage::web
