#include "SnapshotBuilder.h"

namespace pointage::testkit {

RosterRow &SnapshotBuilder::addCandidate(const QString &number, const QString &lastName,
                                         const QString &uai)
{
    CandidateRecord record;
    RosterRow &row = record.row;
    row.candidateNumber = number;
    row.inscriptionNumber = QStringLiteral("101");
    row.version = 1;
    row.lastName = lastName;
    row.firstNames = QStringLiteral("Camille");
    row.birthDate = QDate(2008, 3, 14);
    row.categoryLabel = QStringLiteral("SCOLAIRE CAP EN 2 ANS");
    row.categoryCode = QStringLiteral("122");
    row.specialtyCode = QStringLiteral("31224");
    row.specialtyLabel = QStringLiteral("CUISINE");
    row.state = QStringLiteral("Inscrit");
    row.uai = uai;
    m_snapshot.candidates.append(record);
    return m_snapshot.candidates.last().row;
}

void SnapshotBuilder::withdraw(const QString &number)
{
    for (CandidateRecord &record : m_snapshot.candidates) {
        if (record.row.candidateNumber == number)
            record.withdrawn = true;
    }
}

void SnapshotBuilder::nameEstablishment(const QString &uai, const QString &name)
{
    m_snapshot.establishmentNames.insert(uai, name);
}

void SnapshotBuilder::beginFile(const QString &path, QDate received)
{
    ScannedFile file;
    file.id = m_snapshot.files.size() + 1;
    file.path = path;
    file.sha256 = QStringLiteral("%1").arg(file.id, 64, 10, QLatin1Char('0'));
    file.received = received;
    m_snapshot.files.append(file);
}

qint64 SnapshotBuilder::addPage(const PageRead &read)
{
    ScannedFile &file = m_snapshot.files.last();
    StoredPage page;
    page.id = m_nextPageId++;
    page.fileId = file.id;
    page.file = file.path;
    page.received = file.received;
    page.read = read;
    page.read.pageNumber = ++file.pageCount;
    m_snapshot.pages.append(page);
    return page.id;
}

qint64 SnapshotBuilder::addCodes(const QStringList &codes)
{
    PageRead read;
    for (const QString &text : codes)
        read.codes.append(BarcodeRead{QStringLiteral("Code128"), text, 0});
    return addPage(read);
}

qint64 SnapshotBuilder::addPlain()
{
    return addPage(PageRead{});
}

qint64 SnapshotBuilder::addBlank()
{
    PageRead read;
    read.blank = true;
    return addPage(read);
}

qint64 SnapshotBuilder::addUnreadable()
{
    PageRead read;
    read.suspectedCode = true;
    return addPage(read);
}

qint64 SnapshotBuilder::addDecodeFailure()
{
    PageRead read;
    read.decodeError = QStringLiteral("le décodage a échoué");
    return addPage(read);
}

qint64 SnapshotBuilder::decide(DecisionKind kind, qint64 pageId, const QString &candidateNumber,
                               const QString &pieceCode, QDate date)
{
    Decision decision;
    decision.id = m_nextDecisionId++;
    decision.kind = kind;
    decision.pageId = pageId;
    decision.candidateNumber = candidateNumber;
    decision.pieceCode = pieceCode;
    decision.date = date;
    decision.user = QStringLiteral("agent.diec");
    decision.at = QDateTime(QDate(2026, 12, 23), QTime(9, 0));
    m_snapshot.decisions.append(decision);
    return decision.id;
}

void SnapshotBuilder::undo(qint64 decisionId)
{
    m_snapshot.decisions.removeIf([&](const Decision &d) { return d.id == decisionId; });
}

} // namespace pointage::testkit
