// People's decisions: recorded with who and when, undone by marking (never deleted), so the
// journal and the decisions table together tell the whole story.
#include "ledger/LedgerStore.h"
#include "pointage/Ledger.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlQuery>

namespace pointage {

namespace {

std::optional<DecisionKind> decisionKindFromKey(const QString &key)
{
    for (DecisionKind kind :
         {DecisionKind::AssignConfirmation, DecisionKind::AssignPiece, DecisionKind::IgnorePage,
          DecisionKind::ReceiveConfirmation, DecisionKind::ReceivePiece,
          DecisionKind::SignatureSigned, DecisionKind::SignatureUnsigned}) {
        if (decisionKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QString likeEscaped(QString text)
{
    return text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
}

} // namespace

Result<qint64> Ledger::recordDecision(const Decision &decision)
{
    LedgerStore &store = *m_store;
    Transaction tx(store);
    if (Status s = tx.begin(); !s)
        return s.error();
    const QString user = decision.user.isEmpty() ? currentOsUser() : decision.user;
    const QDateTime at = decision.at.isValid() ? decision.at : QDateTime::currentDateTimeUtc();
    auto q = store.run(
        QStringLiteral("INSERT INTO decisions(kind, page_id, candidate, piece, received, user, "
                       "at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {decisionKey(decision.kind), decision.pageId > 0 ? QVariant(decision.pageId) : QVariant(),
         decision.candidateNumber, decision.pieceCode,
         decision.date.isValid() ? QVariant(decision.date.toString(Qt::ISODate)) : QVariant(), user,
         at.toString(Qt::ISODateWithMs)});
    if (!q)
        return q.error();
    const qint64 id = q->lastInsertId().toLongLong();
    QString detail =
        QStringLiteral("décision %1 : %2 page=%3 candidat=%4 pièce=%5 date=%6")
            .arg(id)
            .arg(decisionKey(decision.kind))
            .arg(decision.pageId)
            .arg(decision.candidateNumber, decision.pieceCode, decision.date.toString(Qt::ISODate));
    if (!decision.overriddenCandidate.isEmpty())
        detail +=
            QStringLiteral(" confirmée malgré la confirmation de=") + decision.overriddenCandidate;
    if (Status s = store.journal(QStringLiteral("decision"), detail, user); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Status Ledger::undoDecision(qint64 decisionId, const QString &by)
{
    const QString user = by.isEmpty() ? currentOsUser() : by;
    LedgerStore &store = *m_store;
    Transaction tx(store);
    if (Status s = tx.begin(); !s)
        return s;
    auto q =
        store.run(QStringLiteral("UPDATE decisions SET undone_at = ?, undone_by = ? WHERE "
                                 "id = ? AND undone_at IS NULL"),
                  {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), user, decisionId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1) {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("la décision %1 n'existe pas ou a déjà été annulée. "
                                        "Consultez « pointage decisions ».")
                             .arg(decisionId));
    }
    if (Status s = store.journal(QStringLiteral("undo"),
                                 QStringLiteral("décision %1 annulée").arg(decisionId), user);
        !s)
        return s;
    return tx.commit();
}

Result<QList<Decision>> Ledger::decisions(bool includeUndone) const
{
    auto q = m_store->run(
        includeUndone
            ? QStringLiteral("SELECT id, kind, page_id, candidate, piece, received, user, at FROM "
                             "decisions ORDER BY id")
            : QStringLiteral("SELECT id, kind, page_id, candidate, piece, received, user, at FROM "
                             "decisions WHERE undone_at IS NULL ORDER BY id"));
    if (!q)
        return q.error();
    QList<Decision> list;
    while (q->next()) {
        const auto kind = decisionKindFromKey(q->value(1).toString());
        if (!kind)
            continue; // written by a newer Pointage: not ours to interpret
        Decision d;
        d.id = q->value(0).toLongLong();
        d.kind = *kind;
        d.pageId = q->value(2).toLongLong();
        d.candidateNumber = q->value(3).toString();
        d.pieceCode = q->value(4).toString();
        d.date = QDate::fromString(q->value(5).toString(), Qt::ISODate);
        d.user = q->value(6).toString();
        d.at = QDateTime::fromString(q->value(7).toString(), Qt::ISODateWithMs);
        list.append(d);
    }
    return list;
}

Result<qint64> Ledger::resolvePage(const QString &reference) const
{
    bool isNumber = false;
    const qint64 id = reference.toLongLong(&isNumber);
    if (isNumber) {
        auto q = m_store->run(QStringLiteral("SELECT id FROM pages WHERE id = ?"), {id});
        if (!q)
            return q.error();
        if (q->next())
            return id;
    } else {
        static const QRegularExpression fileAndPage(QStringLiteral("^(.+)[#:](\\d+)$"));
        const auto m = fileAndPage.match(reference);
        if (m.hasMatch()) {
            // Matches the recorded path exactly or by its file name.
            auto q = m_store->run(
                QStringLiteral("SELECT p.id FROM pages p JOIN scan_files f ON f.id = p.file_id "
                               "WHERE p.page_number = ? AND (f.path = ? OR f.path LIKE ? ESCAPE "
                               "'\\') ORDER BY f.id"),
                {m.captured(2).toInt(), m.captured(1),
                 QString(u"%/" + likeEscaped(m.captured(1)))});
            if (!q)
                return q.error();
            if (q->next())
                return q->value(0).toLongLong();
        }
    }
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("page « %1 » introuvable. Donnez le numéro de page affiché par "
                                    "« pointage exceptions » ou « pointage pages », ou "
                                    "FICHIER#PAGE.")
                         .arg(reference));
}

} // namespace pointage
