#include "PageMatching.h"

#include "Suggestions.h"
#include "pointage/Segmenter.h"

#include <QSet>
#include <algorithm>
#include <tuple>

namespace pointage {

namespace {

bool isPageDecision(DecisionKind kind)
{
    return kind == DecisionKind::AssignConfirmation || kind == DecisionKind::AssignPiece ||
           kind == DecisionKind::IgnorePage;
}

bool isSignatureDecision(DecisionKind kind)
{
    return kind == DecisionKind::SignatureSigned || kind == DecisionKind::SignatureUnsigned;
}

// One unsigned zone makes the page unsigned; else one doubtful zone makes it doubtful.
SignatureState signatureRead(const PageRead &read)
{
    if (read.signatures.isEmpty())
        return SignatureState::NotChecked;
    bool doubtful = false;
    for (const ZoneReading &zone : read.signatures) {
        if (zone.verdict() == SignatureVerdict::Unsigned)
            return SignatureState::Unsigned;
        doubtful = doubtful || zone.verdict() == SignatureVerdict::Doubtful;
    }
    return doubtful ? SignatureState::Doubtful : SignatureState::Signed;
}

// A copy that does not (yet) stand as the signed confirmation leaves room for the next one.
bool standsAsSigned(SignatureState state)
{
    return state == SignatureState::Signed || state == SignatureState::NotChecked;
}

QString candidateIn(const Decision &decision)
{
    const QString normalised = normaliseCandidateNumber(decision.candidateNumber);
    return normalised.isEmpty() ? decision.candidateNumber.trimmed() : normalised;
}

PageRole roleDecided(const Decision &decision)
{
    switch (decision.kind) {
    case DecisionKind::AssignConfirmation:
        return PageRole::confirmation(candidateIn(decision));
    case DecisionKind::AssignPiece:
        return PageRole::supportingOf(candidateIn(decision), decision.pieceCode);
    default:
        return PageRole::ignored();
    }
}

// One pass over the snapshot's pages, kept in file order with what later steps need.
class PageMatcher
{
public:
    PageMatcher(const LedgerSnapshot &snapshot, const RosterIndex &roster, QString recognitionHash)
        : m_snapshot(snapshot), m_roster(roster), m_recognitionHash(std::move(recognitionHash))
    {
        m_result.evidence.resize(snapshot.candidates.size());
    }

    void segmentFiles(const PageClassifier &classifier, QDate asOf);
    void checkConfirmations();
    void rerouteFollowers();
    void suggest();
    MatchedPages collectEvidence(QDate asOf);

private:
    void appendFile(const QList<const StoredPage *> &pages, const PageClassifier &classifier);
    void markException(int index, ExceptionReason reason);
    const CandidateRecord *onRoster(const QString &number) const;

    const LedgerSnapshot &m_snapshot;
    const RosterIndex &m_roster;
    QString m_recognitionHash; // results computed under other rules do not count
    QHash<qint64, const Decision *> m_pageDecisions;
    QHash<qint64, const Decision *> m_signatureDecisions;
    MatchedPages m_result;
    QList<int> m_heads;                       // per page: index of the page that opened its dossier
    QSet<int> m_coverSheets;                  // pages read as bordereaux (even if exceptions now)
    QHash<int, QStringList> m_readCandidates; // ConflictingCodes pages: the numbers read
};

const CandidateRecord *PageMatcher::onRoster(const QString &number) const
{
    const auto found = m_roster.constFind(number);
    return found == m_roster.cend() ? nullptr : &m_snapshot.candidates.at(found.value());
}

void PageMatcher::segmentFiles(const PageClassifier &classifier, QDate asOf)
{
    // The latest decision about a page replaces the earlier ones and the automatic reading.
    for (const Decision &decision : m_snapshot.decisions) {
        if (isPageDecision(decision.kind))
            m_pageDecisions.insert(decision.pageId, &decision);
        else if (isSignatureDecision(decision.kind))
            m_signatureDecisions.insert(decision.pageId, &decision);
    }
    QList<QList<const StoredPage *>> files;
    QHash<qint64, int> fileSlot;
    for (const StoredPage &page : m_snapshot.pages) {
        if (asOf.isValid() && page.received > asOf)
            continue;
        const auto slot = fileSlot.constFind(page.fileId);
        if (slot == fileSlot.cend()) {
            fileSlot.insert(page.fileId, files.size());
            files.append({&page});
        } else {
            files[slot.value()].append(&page);
        }
    }
    m_result.pages.reserve(m_snapshot.pages.size());
    m_heads.reserve(m_snapshot.pages.size());
    for (QList<const StoredPage *> &pages : files) {
        std::stable_sort(pages.begin(), pages.end(), [](const StoredPage *a, const StoredPage *b) {
            return a->read.pageNumber < b->read.pageNumber;
        });
        appendFile(pages, classifier);
    }
}

void PageMatcher::appendFile(const QList<const StoredPage *> &pages,
                             const PageClassifier &classifier)
{
    QList<PageRole> roles;
    QList<bool> decided;
    roles.reserve(pages.size());
    for (const StoredPage *page : pages) {
        const Decision *decision = m_pageDecisions.value(page->id);
        roles.append(decision ? roleDecided(*decision) : classifier.classify(page->read));
        decided.append(decision != nullptr);
    }
    const QList<PageSegment> segments = segmentFile(roles);
    const int base = static_cast<int>(m_result.pages.size());
    for (int i = 0; i < pages.size(); ++i) {
        const StoredPage &page = *pages.at(i);
        const PageSegment &segment = segments.at(i);
        PageOutcome outcome;
        outcome.pageId = page.id;
        outcome.file = page.file;
        outcome.page = page.read.pageNumber;
        outcome.received = page.received;
        outcome.bucket = segment.bucket;
        outcome.reason = segment.reason;
        outcome.candidateNumber = segment.candidateNumber;
        outcome.pieceCode = segment.pieceCode;
        outcome.value = roles.at(i).value;
        outcome.detail = roles.at(i).detail;
        outcome.inscriptionVersion = roles.at(i).version;
        outcome.byDecision = decided.at(i);
        if (outcome.bucket == PageBucket::Confirmation) {
            // A person's word on the signature wins over the check's.
            if (const Decision *judged = m_signatureDecisions.value(page.id)) {
                outcome.signature = judged->kind == DecisionKind::SignatureSigned
                                        ? SignatureState::Signed
                                        : SignatureState::Unsigned;
                outcome.signatureByDecision = true;
            } else {
                outcome.signature = signatureRead(page.read);
            }
        }
        // A separator or a person's decision types a page; recognition only fills the gap.
        if (outcome.bucket == PageBucket::Supporting && outcome.pieceCode.isEmpty() &&
            !outcome.byDecision && page.recognition &&
            page.recognition->rulesHash == m_recognitionHash &&
            !page.recognition->pieceCode.isEmpty()) {
            outcome.pieceCode = page.recognition->pieceCode;
            outcome.recognised = true;
        }
        if (roles.at(i).kind == PageRoleKind::CoverSheet)
            m_coverSheets.insert(base + i);
        if (!roles.at(i).readCandidates.isEmpty())
            m_readCandidates.insert(base + i, roles.at(i).readCandidates);
        m_result.pages.append(outcome);
        m_heads.append(segment.dossierStart < 0 ? -1 : base + segment.dossierStart);
    }
}

void PageMatcher::markException(int index, ExceptionReason reason)
{
    PageOutcome &outcome = m_result.pages[index];
    outcome.bucket = PageBucket::Exception;
    outcome.reason = reason;
}

// The first current-version confirmation of a candidate counts; later ones are duplicates.
// "First" is by received date, then file name and page: never by which reader finished first,
// so the same batch always gives the same answer. Older versions are stale whenever they come.
// A copy found unsigned or doubtful does not count yet: the school sends the confirmation
// again, signed, and that copy is the confirmation, not a duplicate.
// A bordereau names a dossier but is no confirmation: it is only checked against the roster.
void PageMatcher::checkConfirmations()
{
    QHash<QString, QList<int>> byCandidate;
    for (int i = 0; i < m_result.pages.size(); ++i) {
        const PageOutcome &outcome = m_result.pages.at(i);
        if (outcome.bucket != PageBucket::Confirmation && outcome.bucket != PageBucket::CoverSheet)
            continue;
        const CandidateRecord *record = onRoster(outcome.candidateNumber);
        if (!record)
            markException(i, ExceptionReason::UnknownCandidate);
        else if (record->withdrawn)
            markException(i, ExceptionReason::WithdrawnCandidate);
        else if (outcome.bucket == PageBucket::Confirmation)
            byCandidate[outcome.candidateNumber].append(i);
    }
    const auto arrivalOrder = [this](int a, int b) {
        const PageOutcome &x = m_result.pages.at(a);
        const PageOutcome &y = m_result.pages.at(b);
        return std::tie(x.received, x.file, x.page) < std::tie(y.received, y.file, y.page);
    };
    for (auto it = byCandidate.begin(); it != byCandidate.end(); ++it) {
        QList<int> &pages = it.value();
        std::sort(pages.begin(), pages.end(), arrivalOrder);
        const int rosterVersion = onRoster(it.key())->row.version;
        bool counted = false;
        for (int index : pages) {
            const int version = m_result.pages.at(index).inscriptionVersion;
            if (version > 0 && version < rosterVersion)
                markException(index, ExceptionReason::StaleVersion);
            else if (counted)
                markException(index, ExceptionReason::Duplicate);
            const PageOutcome &outcome = m_result.pages.at(index);
            counted = counted || (outcome.bucket == PageBucket::Confirmation &&
                                  standsAsSigned(outcome.signature));
        }
    }
}

// Pages after an unknown or withdrawn confirmation are not silently given to anyone; pages a
// person assigned to a number missing from the roster wait for that number to appear.
void PageMatcher::rerouteFollowers()
{
    for (int i = 0; i < m_result.pages.size(); ++i) {
        const PageOutcome &outcome = m_result.pages.at(i);
        if (outcome.bucket != PageBucket::Supporting)
            continue;
        const int head = m_heads.at(i);
        if (head < 0) {
            if (!onRoster(outcome.candidateNumber))
                markException(i, ExceptionReason::UnknownCandidate);
            continue;
        }
        const ExceptionReason headReason = m_result.pages.at(head).reason;
        if (headReason == ExceptionReason::UnknownCandidate ||
            headReason == ExceptionReason::WithdrawnCandidate)
            markException(i, ExceptionReason::InDossierOfException);
    }
}

void PageMatcher::suggest()
{
    for (int i = 0; i < m_result.pages.size(); ++i) {
        PageOutcome &outcome = m_result.pages[i];
        if (!outcome.isOpenException())
            continue;
        const int head = m_heads.at(i);
        const PageOutcome *headOutcome =
            head >= 0 && head != i ? &m_result.pages.at(head) : nullptr;
        outcome.suggestions =
            suggestionsFor(outcome, headOutcome, m_readCandidates.value(i), m_roster);
    }
}

MatchedPages PageMatcher::collectEvidence(QDate asOf)
{
    for (int i = 0; i < m_result.pages.size(); ++i) {
        const PageOutcome &outcome = m_result.pages.at(i);
        const auto found = m_roster.constFind(outcome.candidateNumber);
        if (found == m_roster.cend())
            continue;
        CandidateEvidence &evidence = m_result.evidence[found.value()];
        const Receipt receipt{outcome.received, outcome.inscriptionVersion, outcome.pieceCode,
                              outcome.signature};
        if (m_coverSheets.contains(i))
            evidence.coverSheets.append(receipt);
        else if (outcome.bucket == PageBucket::Confirmation ||
                 outcome.reason == ExceptionReason::WithdrawnCandidate)
            evidence.confirmations.append(receipt);
        else if (outcome.reason == ExceptionReason::StaleVersion)
            evidence.staleConfirmations.append(receipt);
        else if (outcome.bucket == PageBucket::Supporting)
            evidence.pieces.append(receipt);
        if (outcome.isOpenException())
            ++evidence.openExceptions;
        if (outcome.bucket != PageBucket::Separator && outcome.bucket != PageBucket::Blank &&
            outcome.bucket != PageBucket::Ignored)
            evidence.paperSeen = true;
    }
    for (const Decision &decision : m_snapshot.decisions) {
        if (decision.kind != DecisionKind::ReceiveConfirmation &&
            decision.kind != DecisionKind::ReceivePiece)
            continue;
        const QDate date = decision.date.isValid() ? decision.date : decision.at.date();
        const auto found = m_roster.constFind(candidateIn(decision));
        if ((asOf.isValid() && date > asOf) || found == m_roster.cend())
            continue;
        CandidateEvidence &evidence = m_result.evidence[found.value()];
        evidence.paperSeen = true;
        if (decision.kind == DecisionKind::ReceiveConfirmation)
            evidence.confirmations.append(Receipt{date, 0, {}});
        else
            evidence.pieces.append(Receipt{date, 0, decision.pieceCode});
    }
    return std::move(m_result);
}

} // namespace

RosterIndex indexRoster(const QList<CandidateRecord> &candidates)
{
    RosterIndex index;
    index.reserve(candidates.size());
    for (int i = 0; i < candidates.size(); ++i)
        index.insert(candidates.at(i).row.candidateNumber, i);
    return index;
}

MatchedPages matchPages(const LedgerSnapshot &snapshot, const RosterIndex &roster,
                        const PageClassifier &classifier, QDate asOf,
                        const QString &recognitionHash)
{
    PageMatcher matcher(snapshot, roster, recognitionHash);
    matcher.segmentFiles(classifier, asOf);
    matcher.checkConfirmations();
    matcher.rerouteFollowers();
    matcher.suggest();
    return matcher.collectEvidence(asOf);
}

} // namespace pointage
