#include "pointage/DeskCheckIn.h"

#include "pointage/ReceivedDate.h"

#include <QRegularExpression>

namespace pointage {

namespace {

DeskNotice notice(DeskNotice::Kind kind, bool alarm, const QString &message)
{
    return DeskNotice{kind, alarm, message};
}

// Upper case without accents, so that "etienne" finds "ÉTIENNE".
QString searchable(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString plain;
    plain.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (!c.isMark())
            plain.append(c.isLetterOrNumber() ? c.toUpper() : QLatin1Char(' '));
    }
    return plain;
}

bool nameMatches(const RosterRow &row, const QStringList &words)
{
    const QStringList names = searchable(row.lastName + QLatin1Char(' ') + row.usageName +
                                         QLatin1Char(' ') + row.firstNames)
                                  .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        bool found = false;
        for (const QString &name : names)
            found = found || name.startsWith(word);
        if (!found)
            return false;
    }
    return true;
}

QString key(const QString &number, const QString &piece)
{
    return number + QLatin1Char('/') + piece;
}

} // namespace

Result<std::unique_ptr<DeskCheckIn>> DeskCheckIn::open(Ledger &ledger, const DecisionRules &rules,
                                                       AcademieStatus status, QDate received)
{
    if (Status s = checkReceiptDate(received, rules.config); !s)
        return s.error();
    return std::unique_ptr<DeskCheckIn>(
        new DeskCheckIn(ledger, rules, std::move(status), received));
}

DeskCheckIn::DeskCheckIn(Ledger &ledger, const DecisionRules &rules, AcademieStatus status,
                         QDate received)
    : m_ledger(ledger), m_rules(rules), m_status(std::move(status)), m_received(received)
{}

const CandidateStatus *DeskCheckIn::find(const QString &number) const
{
    const QString wanted = normaliseCandidateNumber(number);
    if (wanted.isEmpty())
        return nullptr;
    for (const CandidateStatus &c : m_status.candidateStatus) {
        if (c.candidate.candidateNumber == wanted)
            return &c;
    }
    return nullptr;
}

DeskAnswer DeskCheckIn::handle(const QString &input)
{
    const QString code = input.trimmed();
    const BarcodeClass cls = m_rules.config.barcodes.classify(code);
    QString number;
    if (cls.kind == BarcodeClass::Kind::Confirmation)
        number = cls.candidateNumber;
    else if (cls.kind == BarcodeClass::Kind::Foreign)
        number = normaliseCandidateNumber(code);
    if (!number.isEmpty()) {
        if (const CandidateStatus *c = find(number))
            return selectCandidate(*c);
        m_current.clear();
        DeskAnswer answer;
        answer.notices.append(notice(DeskNotice::Kind::UnknownCandidate, true,
                                     QStringLiteral("CANDIDAT INCONNU %1 : absent des listes "
                                                    "importées. Mettez le dossier de côté (ou "
                                                    "importez l'export Cyclades à jour).")
                                         .arg(number)));
        return answer;
    }
    if (cls.kind == BarcodeClass::Kind::Separator)
        return checkInPiece(cls.pieceCode);
    for (const PieceType &p : m_rules.rules.pieceTypes()) {
        if (p.code == code.toUpper())
            return checkInPiece(p.code);
    }
    if (!searchable(code).trimmed().isEmpty() &&
        !code.contains(QRegularExpression(QStringLiteral("\\d"))))
        return searchByName(code);
    DeskAnswer answer;
    answer.notices.append(notice(DeskNotice::Kind::CodeNotRecognised, true,
                                 QStringLiteral("CODE NON RECONNU « %1 » : ni une confirmation, "
                                                "ni un type de pièce, ni un nom. Rien n'a été "
                                                "enregistré.")
                                     .arg(code)));
    return answer;
}

std::optional<qint64> DeskCheckIn::record(DecisionKind kind, const QString &number,
                                          const QString &piece, DeskAnswer &answer)
{
    Decision d;
    d.kind = kind;
    d.candidateNumber = number;
    d.pieceCode = piece;
    d.date = m_received;
    auto id = m_ledger.recordDecision(d);
    if (!id) {
        answer.notices.append(notice(DeskNotice::Kind::Failed, true, id.error().located()));
        return std::nullopt;
    }
    d.id = id.value();
    m_recorded.append(d);
    return d.id;
}

DeskAnswer DeskCheckIn::selectCandidate(const CandidateStatus &c)
{
    DeskAnswer answer;
    m_current = c.candidate.candidateNumber;
    answer.candidate = c.candidate;
    if (c.withdrawn)
        answer.notices.append(notice(DeskNotice::Kind::WithdrawnCandidate, true,
                                     QStringLiteral("CANDIDAT RETIRÉ des listes Cyclades : "
                                                    "vérifiez ce dossier.")));
    if (c.confirmationReceived.isValid() || m_confirmations.contains(m_current)) {
        answer.notices.append(notice(DeskNotice::Kind::ConfirmationAlreadyReceived, true,
                                     QStringLiteral("DÉJÀ POINTÉ : la confirmation de ce "
                                                    "candidat a déjà été reçue. Doublon non "
                                                    "enregistré.")));
    } else if (record(DecisionKind::ReceiveConfirmation, m_current, {}, answer)) {
        m_confirmations.insert(m_current);
        answer.notices.append(notice(DeskNotice::Kind::ConfirmationRecorded, false,
                                     QStringLiteral("confirmation enregistrée, reçue le %1")
                                         .arg(m_received.toString(QStringLiteral("dd/MM/yyyy")))));
    }
    answer.checklist = checklist(c);
    return answer;
}

bool DeskCheckIn::pieceReceived(const CandidateStatus &c, const QString &code) const
{
    return c.receivedPieceCodes.contains(code) ||
           m_pieces.contains(key(c.candidate.candidateNumber, code));
}

QList<DeskChecklistItem> DeskCheckIn::checklist(const CandidateStatus &c) const
{
    QList<DeskChecklistItem> items;
    for (const PieceType &p : c.owedPieces)
        items.append({p, pieceReceived(c, p.code)});
    return items;
}

DeskAnswer DeskCheckIn::checkInPiece(const QString &code)
{
    DeskAnswer answer;
    const PieceType piece = m_rules.rules.pieceType(code);
    const CandidateStatus *c = find(m_current);
    if (!c) {
        answer.notices.append(notice(DeskNotice::Kind::PieceWithoutCandidate, true,
                                     QStringLiteral("PIÈCE %1 sans candidat : scannez d'abord la "
                                                    "confirmation (ou tapez le numéro ou le "
                                                    "nom).")
                                         .arg(code)));
        return answer;
    }
    answer.candidate = c->candidate;
    if (pieceReceived(*c, code)) {
        answer.notices.append(notice(DeskNotice::Kind::PieceAlreadyReceived, true,
                                     QStringLiteral("DÉJÀ POINTÉE : la pièce « %1 » de %2 a déjà "
                                                    "été reçue. Doublon non enregistré.")
                                         .arg(piece.label, candidateLabel(c->candidate))));
        answer.checklist = checklist(*c);
        return answer;
    }
    bool owed = false;
    for (const PieceType &p : c->owedPieces)
        owed = owed || p.code == code;
    if (!record(DecisionKind::ReceivePiece, m_current, code, answer))
        return answer;
    m_pieces.insert(key(m_current, code));
    answer.notices.append(notice(DeskNotice::Kind::PieceRecorded, false,
                                 QStringLiteral("pièce « %1 » enregistrée pour %2")
                                     .arg(piece.label, candidateLabel(c->candidate))));
    if (!owed) {
        answer.notices.append(notice(DeskNotice::Kind::PieceNotOwed, true,
                                     QStringLiteral("PIÈCE NON DEMANDÉE : « %1 » ne figure pas "
                                                    "parmi les pièces que ce candidat doit "
                                                    "fournir. Vérifiez la pièce ; « annuler » "
                                                    "retire ce pointage.")
                                         .arg(piece.label)));
    }
    answer.checklist = checklist(*c);
    return answer;
}

DeskAnswer DeskCheckIn::searchByName(const QString &text)
{
    const QStringList words = searchable(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<const CandidateStatus *> found;
    for (const CandidateStatus &c : m_status.candidateStatus) {
        if (nameMatches(c.candidate, words))
            found.append(&c);
    }
    if (found.size() == 1)
        return selectCandidate(*found.first());
    DeskAnswer answer;
    if (found.isEmpty()) {
        answer.notices.append(notice(DeskNotice::Kind::NoCandidateFound, true,
                                     QStringLiteral("AUCUN CANDIDAT ne s'appelle « %1 » dans les "
                                                    "listes importées. Vérifiez l'orthographe, "
                                                    "ou tapez le numéro de candidat.")
                                         .arg(text)));
        return answer;
    }
    for (const CandidateStatus *c : std::as_const(found))
        answer.matches.append(c->candidate);
    answer.notices.append(notice(DeskNotice::Kind::SeveralCandidates, false,
                                 QStringLiteral("%1 candidats répondent à « %2 » : tapez le "
                                                "numéro de celui qui est au guichet.")
                                     .arg(found.size())
                                     .arg(text)));
    return answer;
}

DeskAnswer DeskCheckIn::undoLast()
{
    DeskAnswer answer;
    if (m_recorded.isEmpty()) {
        answer.notices.append(notice(DeskNotice::Kind::NothingToUndo, true,
                                     QStringLiteral("Rien à annuler : aucun pointage de ce "
                                                    "guichet n'est en attente d'annulation.")));
        return answer;
    }
    const Decision last = m_recorded.last();
    if (Status s = m_ledger.undoDecision(last.id); !s) {
        answer.notices.append(notice(DeskNotice::Kind::Failed, true, s.error().located()));
        return answer;
    }
    m_recorded.removeLast();
    const CandidateStatus *c = find(last.candidateNumber);
    QString what;
    if (last.kind == DecisionKind::ReceiveConfirmation) {
        m_confirmations.remove(last.candidateNumber);
        what = QStringLiteral("la confirmation");
    } else {
        m_pieces.remove(key(last.candidateNumber, last.pieceCode));
        what = QStringLiteral("la pièce « %1 »").arg(m_rules.rules.pieceType(last.pieceCode).label);
    }
    answer.notices.append(
        notice(DeskNotice::Kind::Undone, false,
               QStringLiteral("annulé : %1 de %2 n'est plus pointée")
                   .arg(what, c ? candidateLabel(c->candidate) : last.candidateNumber)));
    if (c) {
        m_current = c->candidate.candidateNumber;
        answer.candidate = c->candidate;
        answer.checklist = checklist(*c);
    }
    return answer;
}

} // namespace pointage
