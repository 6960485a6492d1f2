// Relances sent by e-mail: which letter went to which address, when, by whom. Storage only;
// what a letter is and when it may go again belong to the mail layer.
#include "ledger/LedgerStore.h"
#include "pointage/Ledger.h"

#include <QDateTime>
#include <QSqlQuery>

namespace pointage {

Status Ledger::recordSentMail(const SentMail &mail)
{
    LedgerStore &store = *m_store;
    Transaction tx(store);
    if (Status s = tx.begin(); !s)
        return s;
    const QString user = mail.user.isEmpty() ? currentOsUser() : mail.user;
    const QDateTime at = mail.sentAt.isValid() ? mail.sentAt : QDateTime::currentDateTimeUtc();
    auto q = store.run(QStringLiteral("INSERT INTO sent_mail(uai, recipient, file, fingerprint, "
                                      "message_id, sent_at, user) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                       {mail.uai, mail.recipient, mail.file, mail.fingerprint, mail.messageId,
                        at.toUTC().toString(Qt::ISODateWithMs), user});
    if (!q)
        return q.error();
    if (Status s = store.journal(
            QStringLiteral("mail"),
            QStringLiteral("relance %1 envoyée à %2 (%3)").arg(mail.uai, mail.recipient, mail.file),
            user);
        !s)
        return s;
    return tx.commit();
}

Result<QList<SentMail>> Ledger::sentMails(const QString &fingerprint) const
{
    auto q = fingerprint.isEmpty()
                 ? m_store->run(QStringLiteral("SELECT id, uai, recipient, file, fingerprint, "
                                               "message_id, sent_at, user FROM sent_mail "
                                               "ORDER BY id"))
                 : m_store->run(QStringLiteral("SELECT id, uai, recipient, file, fingerprint, "
                                               "message_id, sent_at, user FROM sent_mail "
                                               "WHERE fingerprint = ? ORDER BY id"),
                                {fingerprint});
    if (!q)
        return q.error();
    QList<SentMail> list;
    while (q->next()) {
        list.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                     q->value(3).toString(), q->value(4).toString(), q->value(5).toString(),
                     QDateTime::fromString(q->value(6).toString(), Qt::ISODateWithMs),
                     q->value(7).toString()});
    }
    return list;
}

} // namespace pointage
