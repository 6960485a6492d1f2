// Builds LedgerSnapshots by code for reconciliation tests and benchmarks: a roster, scanned
// files page by page (codes read, blank, unreadable…) and people's decisions, without a
// database or any pixels.
// Thread-safety: a builder is used by one thread.
#pragma once

#include "pointage/LedgerSnapshot.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace pointage::testkit {

class SnapshotBuilder
{
public:
    // A candidate "Inscrit" in CAP specialty 31224 at `uai`; tweak the returned row for other
    // cases. The reference stays valid until the next candidate is added.
    RosterRow &addCandidate(const QString &number,
                            const QString &lastName = QStringLiteral("MARTIN"),
                            const QString &uai = QStringLiteral("0130001X"));
    void withdraw(const QString &number);
    void nameEstablishment(const QString &uai, const QString &name);

    // Pages are added to the file most recently begun, numbered from 1.
    void beginFile(const QString &path, QDate received);
    qint64 addPage(const PageRead &read);
    qint64 addCodes(const QStringList &codes); // one page carrying these barcode values
    qint64 addPlain();
    qint64 addBlank();
    qint64 addUnreadable();
    qint64 addDecodeFailure();

    qint64 decide(DecisionKind kind, qint64 pageId, const QString &candidateNumber = {},
                  const QString &pieceCode = {}, QDate date = {});
    // Undo as the ledger does it: the decision is no longer among the active ones.
    void undo(qint64 decisionId);

    const LedgerSnapshot &snapshot() const { return m_snapshot; }

private:
    LedgerSnapshot m_snapshot;
    qint64 m_nextPageId = 1;
    qint64 m_nextDecisionId = 1;
};

} // namespace pointage::testkit
