// Reads every fact the reconciliation needs in a handful of queries (no per-row round trips:
// 20,000 candidates and 40,000 pages must load in a fraction of a second).
#include "ledger/LedgerStore.h"
#include "ledger/RosterRowJson.h"
#include "pointage/Ledger.h"

#include <QSqlQuery>

namespace pointage {

Result<QList<CandidateRecord>> Ledger::candidates(const CandidateFilter &filter) const
{
    auto q = m_store->run(
        QStringLiteral("SELECT c.data, c.withdrawn, e.name FROM candidates c "
                       "JOIN establishments e ON e.uai = c.uai "
                       "WHERE (? = '' OR c.number = ?) AND (? = '' OR c.uai = ?) AND "
                       "(? = 1 OR c.withdrawn = 0)"),
        {QString(u"" + filter.number), QString(u"" + filter.number), QString(u"" + filter.uai),
         QString(u"" + filter.uai), filter.includeWithdrawn ? 1 : 0});
    if (!q)
        return q.error();
    QList<CandidateRecord> list;
    while (q->next()) {
        CandidateRecord record;
        record.row = rosterRowFromJson(q->value(0).toByteArray());
        record.withdrawn = q->value(1).toBool();
        if (!q->value(2).toString().isEmpty())
            record.row.establishmentName = q->value(2).toString();
        if (!filter.specialtyCode.isEmpty() && record.row.specialtyCode != filter.specialtyCode)
            continue;
        list.append(std::move(record));
    }
    return list;
}

Result<QHash<QString, QString>> Ledger::establishmentNames() const
{
    auto q = m_store->run(QStringLiteral("SELECT uai, name FROM establishments"));
    if (!q)
        return q.error();
    QHash<QString, QString> names;
    while (q->next())
        names.insert(q->value(0).toString(), q->value(1).toString());
    return names;
}

Result<LedgerSnapshot> Ledger::snapshot() const
{
    LedgerStore &store = *m_store;
    // One read transaction: a consistent view even while another station writes, without
    // taking (or waiting for) the write lock.
    Transaction tx(store, TransactionKind::Read);
    if (Status s = tx.begin(); !s)
        return s.error();

    LedgerSnapshot snap;
    auto candidateList = candidates();
    if (!candidateList)
        return candidateList.error();
    snap.candidates = std::move(candidateList.value());
    auto names = establishmentNames();
    if (!names)
        return names.error();
    snap.establishmentNames = std::move(names.value());
    auto files = scannedFiles();
    if (!files)
        return files.error();
    snap.files = std::move(files.value());

    QHash<qint64, ScannedFile> fileById;
    for (const ScannedFile &f : std::as_const(snap.files))
        fileById.insert(f.id, f);

    auto pages = store.run(QStringLiteral("SELECT id, file_id, page_number, blank, rotation, "
                                          "suspected_code, decode_error FROM pages "
                                          "ORDER BY file_id, page_number"));
    if (!pages)
        return pages.error();
    QHash<qint64, qsizetype> indexOfPage;
    while (pages->next()) {
        StoredPage page;
        page.id = pages->value(0).toLongLong();
        page.fileId = pages->value(1).toLongLong();
        const ScannedFile file = fileById.value(page.fileId);
        page.file = file.path;
        page.received = file.received;
        page.read.pageNumber = pages->value(2).toInt();
        page.read.blank = pages->value(3).toBool();
        page.read.rotation = pages->value(4).toInt();
        page.read.suspectedCode = pages->value(5).toBool();
        page.read.decodeError = pages->value(6).toString();
        indexOfPage.insert(page.id, snap.pages.size());
        snap.pages.append(std::move(page));
    }
    auto codes = store.run(
        QStringLiteral("SELECT page_id, format, text, rotation FROM page_codes ORDER BY rowid"));
    if (!codes)
        return codes.error();
    while (codes->next()) {
        const auto at = indexOfPage.constFind(codes->value(0).toLongLong());
        if (at == indexOfPage.cend())
            continue;
        snap.pages[*at].read.codes.append(
            {codes->value(1).toString(), codes->value(2).toString(), codes->value(3).toInt()});
    }
    auto signatures = store.run(QStringLiteral("SELECT page_id, zone, label, finding, ink_share, "
                                               "strokes, area, dpi FROM page_signatures "
                                               "ORDER BY rowid"));
    if (!signatures)
        return signatures.error();
    while (signatures->next()) {
        const auto at = indexOfPage.constFind(signatures->value(0).toLongLong());
        if (at == indexOfPage.cend())
            continue;
        PageRead &read = snap.pages[*at].read;
        read.signatureDpi = signatures->value(7).toDouble();
        read.signatures.append(zoneReadingAt(signatures.value(), 1));
    }
    auto recognitions = store.run(QStringLiteral(
        "SELECT page_id, rules_hash, piece, confidence, failure FROM page_recognitions"));
    if (!recognitions)
        return recognitions.error();
    while (recognitions->next()) {
        const auto at = indexOfPage.constFind(recognitions->value(0).toLongLong());
        if (at == indexOfPage.cend())
            continue;
        snap.pages[*at].recognition =
            PageRecognition{recognitions->value(1).toString(), recognitions->value(2).toString(),
                            recognitions->value(3).toDouble(), recognitions->value(4).toString()};
    }
    auto active = decisions(false);
    if (!active)
        return active.error();
    snap.decisions = std::move(active.value());
    if (Status s = tx.commit(); !s)
        return s.error();
    return snap;
}

Result<QList<JournalEntry>> Ledger::journal(int limit) const
{
    auto q = m_store->run(QStringLiteral("SELECT id, at, user, action, detail FROM journal "
                                         "ORDER BY id DESC LIMIT ?"),
                          {limit});
    if (!q)
        return q.error();
    QList<JournalEntry> entries;
    while (q->next()) {
        entries.prepend({q->value(0).toLongLong(),
                         QDateTime::fromString(q->value(1).toString(), Qt::ISODateWithMs),
                         q->value(2).toString(), q->value(3).toString(), q->value(4).toString()});
    }
    return entries;
}

} // namespace pointage
