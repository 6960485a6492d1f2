#include "pointage/Decisions.h"

#include "pointage/PageClassifier.h"
#include "pointage/ReceivedDate.h"

namespace pointage {

namespace {

const RosterRow *findRow(const QList<CandidateRecord> &candidates, const QString &number)
{
    const QString wanted = normaliseCandidateNumber(number);
    if (wanted.isEmpty())
        return nullptr;
    for (const CandidateRecord &c : candidates) {
        if (c.row.candidateNumber == wanted)
            return &c.row;
    }
    return nullptr;
}

Result<RosterRow> rosterCandidate(const QList<CandidateRecord> &candidates, const QString &number)
{
    if (const RosterRow *row = findRow(candidates, number))
        return *row;
    return makeError(ErrorCode::NotFound,
                     QStringLiteral("le candidat « %1 » n'est pas dans les listes importées. "
                                    "Vérifiez le numéro, ou importez l'export Cyclades à jour.")
                         .arg(number));
}

Result<QString> knownPiece(const RequirementRules &rules, const QString &code)
{
    const QString wanted = code.trimmed().toUpper();
    QStringList codes;
    for (const PieceType &p : rules.pieceTypes()) {
        if (p.code == wanted)
            return wanted;
        codes.append(p.code);
    }
    return makeError(ErrorCode::Format, QStringLiteral("type de pièce inconnu « %1 ». Types "
                                                       "connus : %2.")
                                            .arg(code, codes.join(QStringLiteral(", "))));
}

Result<RecordedDecision> record(Ledger &ledger, Decision decision,
                                std::optional<RosterRow> candidate,
                                std::optional<RosterRow> overridden = {})
{
    auto id = ledger.recordDecision(decision);
    if (!id)
        return id.error();
    decision.id = id.value();
    return RecordedDecision{decision, std::move(candidate), std::move(overridden)};
}

// The candidate whose readable confirmation the page carries, when that is someone on the
// roster other than `target`.
std::optional<RosterRow> otherConfirmationOn(const LedgerSnapshot &snapshot, qint64 pageId,
                                             const SessionConfig &config, const QString &target)
{
    const PageClassifier classifier(config.barcodes);
    for (const StoredPage &page : snapshot.pages) {
        if (page.id != pageId)
            continue;
        const PageRole role = classifier.classify(page.read);
        if (role.kind != PageRoleKind::Confirmation || role.candidateNumber == target)
            return std::nullopt;
        if (const RosterRow *owner = findRow(snapshot.candidates, role.candidateNumber))
            return *owner;
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

QString candidateLabel(const RosterRow &row)
{
    QString name = row.lastName;
    if (!row.usageName.isEmpty())
        name += QStringLiteral(" (") + row.usageName + QLatin1Char(')');
    if (!row.firstNames.isEmpty())
        name += QLatin1Char(' ') + row.firstNames;
    QString school = row.establishmentName;
    if (!row.uai.isEmpty())
        school += school.isEmpty() ? row.uai : QStringLiteral(" (") + row.uai + QLatin1Char(')');
    QString label = row.candidateNumber + QLatin1Char(' ') + name;
    if (!school.isEmpty())
        label += QStringLiteral(" — ") + school;
    return label;
}

QString decisionLabel(DecisionKind kind)
{
    switch (kind) {
    case DecisionKind::AssignConfirmation:
        return QStringLiteral("page attribuée comme confirmation");
    case DecisionKind::AssignPiece:
        return QStringLiteral("page attribuée comme pièce");
    case DecisionKind::IgnorePage:
        return QStringLiteral("page écartée");
    case DecisionKind::ReceiveConfirmation:
        return QStringLiteral("confirmation pointée à la main");
    case DecisionKind::ReceivePiece:
        return QStringLiteral("pièce pointée à la main");
    case DecisionKind::SignatureSigned:
        return QStringLiteral("confirmation jugée signée");
    case DecisionKind::SignatureUnsigned:
        return QStringLiteral("confirmation jugée non signée");
    }
    return {};
}

Result<RecordedDecision> assignPage(Ledger &ledger, const DecisionRules &rules,
                                    const PageAssignment &request)
{
    auto page = ledger.resolvePage(request.page);
    if (!page)
        return page.error();
    auto snapshot = ledger.snapshot();
    if (!snapshot)
        return snapshot.error();
    auto candidate = rosterCandidate(snapshot->candidates, request.candidate);
    if (!candidate)
        return candidate.error();
    Decision d;
    d.pageId = page.value();
    d.candidateNumber = candidate->candidateNumber;
    d.kind = DecisionKind::AssignConfirmation;
    d.user = request.user;
    if (!request.pieceCode.isEmpty()) {
        auto piece = knownPiece(rules.rules, request.pieceCode);
        if (!piece)
            return piece.error();
        d.kind = DecisionKind::AssignPiece;
        d.pieceCode = piece.value();
    }
    const auto owner =
        otherConfirmationOn(snapshot.value(), d.pageId, rules.config, d.candidateNumber);
    if (owner && !request.force) {
        return makeError(ErrorCode::NeedsConfirmation,
                         QStringLiteral("la page n° %1 porte la confirmation lisible de %2. "
                                        "Vérifiez la page ; pour l'attribuer quand même à %3, "
                                        "confirmez.")
                             .arg(d.pageId)
                             .arg(candidateLabel(*owner), candidateLabel(candidate.value())));
    }
    if (owner)
        d.overriddenCandidate = owner->candidateNumber;
    return record(ledger, d, candidate.value(), owner);
}

Result<RecordedDecision> ignorePage(Ledger &ledger, const QString &page, const QString &user)
{
    auto id = ledger.resolvePage(page);
    if (!id)
        return id.error();
    Decision d;
    d.kind = DecisionKind::IgnorePage;
    d.pageId = id.value();
    d.user = user;
    return record(ledger, d, std::nullopt);
}

Result<RecordedDecision> receivePaper(Ledger &ledger, const DecisionRules &rules,
                                      const PaperReceipt &request)
{
    if (Status s = checkReceiptDate(request.date, rules.config); !s)
        return s.error();
    CandidateFilter one;
    one.number = normaliseCandidateNumber(request.candidate);
    if (one.number.isEmpty())
        one.number = QStringLiteral("-"); // matches nobody: the usual "not on the roster"
    auto list = ledger.candidates(one);
    if (!list)
        return list.error();
    auto candidate = rosterCandidate(list.value(), request.candidate);
    if (!candidate)
        return candidate.error();
    Decision d;
    d.kind = DecisionKind::ReceiveConfirmation;
    d.candidateNumber = candidate->candidateNumber;
    d.date = request.date;
    d.user = request.user;
    if (!request.pieceCode.isEmpty()) {
        auto piece = knownPiece(rules.rules, request.pieceCode);
        if (!piece)
            return piece.error();
        d.kind = DecisionKind::ReceivePiece;
        d.pieceCode = piece.value();
    }
    return record(ledger, d, candidate.value());
}

Result<RecordedDecision> undoDecision(Ledger &ledger, qint64 decisionId, const QString &user)
{
    auto active = ledger.decisions(false);
    if (!active)
        return active.error();
    RecordedDecision undone{Decision{}, std::nullopt, std::nullopt};
    undone.decision.id = decisionId;
    for (const Decision &d : std::as_const(active.value())) {
        if (d.id == decisionId)
            undone.decision = d;
    }
    // Only the candidate it names: reading the whole roster cost ~0.5 s per undo at 20,000.
    if (const QString number = normaliseCandidateNumber(undone.decision.candidateNumber);
        !number.isEmpty()) {
        CandidateFilter one;
        one.number = number;
        auto found = ledger.candidates(one);
        if (!found)
            return found.error();
        if (!found->isEmpty())
            undone.candidate = found->first().row;
    }
    if (Status s = ledger.undoDecision(decisionId, user); !s)
        return s.error();
    return undone;
}

Result<QList<RecordedDecision>> listDecisions(const Ledger &ledger, bool includeUndone)
{
    auto decisions = ledger.decisions(includeUndone);
    if (!decisions)
        return decisions.error();
    auto candidates = ledger.candidates();
    if (!candidates)
        return candidates.error();
    QHash<QString, const RosterRow *> byNumber;
    for (const CandidateRecord &c : std::as_const(candidates.value()))
        byNumber.insert(c.row.candidateNumber, &c.row);
    QList<RecordedDecision> list;
    list.reserve(decisions->size());
    for (const Decision &d : std::as_const(decisions.value())) {
        RecordedDecision entry{d, std::nullopt, std::nullopt};
        if (const RosterRow *row = byNumber.value(normaliseCandidateNumber(d.candidateNumber)))
            entry.candidate = *row;
        list.append(entry);
    }
    return list;
}

} // namespace pointage
