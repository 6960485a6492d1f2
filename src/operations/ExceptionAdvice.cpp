#include "pointage/ExceptionAdvice.h"

#include "pointage/Decisions.h"

#include <QHash>

namespace pointage {

namespace {

class Adviser
{
public:
    explicit Adviser(const AcademieStatus &status) : m_status(status)
    {
        for (const CandidateStatus &c : status.candidateStatus)
            m_candidates.insert(c.candidate.candidateNumber, &c);
    }

    ExceptionEntry entry(int index) const
    {
        const PageOutcome &page = m_status.pages.at(index);
        ExceptionEntry e{page, labelOf(page.candidateNumber), {}};
        e.advice = adviceFor(index);
        return e;
    }

private:
    QString labelOf(const QString &number) const
    {
        const CandidateStatus *c = m_candidates.value(number);
        return c ? candidateLabel(c->candidate) : QString();
    }

    Advice make(AdviceKind kind, const QString &number, const QString &text) const
    {
        Advice a;
        a.kind = kind;
        a.candidateNumber = number;
        a.candidateLabel = labelOf(number);
        a.text = text;
        return a;
    }

    Advice confirmationOf(const QString &number) const
    {
        return make(AdviceKind::AssignConfirmation, number,
                    QStringLiteral("si la page est la confirmation de %1, l'attribuer")
                        .arg(labelOf(number)));
    }

    Advice pieceOf(const QString &number) const
    {
        Advice a = make(AdviceKind::AssignPiece, number, {});
        const CandidateStatus *c = m_candidates.value(number);
        if (c && c->missingPieces.size() + c->piecesToVerify.size() == 1)
            a.pieceCode =
                (c->missingPieces.isEmpty() ? c->piecesToVerify : c->missingPieces).first().code;
        a.text = number.isEmpty()
                     ? QStringLiteral("si la page est une pièce justificative, l'attribuer "
                                      "comme pièce au candidat concerné")
                     : QStringLiteral("si la page est une pièce du dossier de %1, l'attribuer "
                                      "comme pièce")
                           .arg(labelOf(number));
        return a;
    }

    Advice ignore(const QString &text) const { return make(AdviceKind::IgnorePage, {}, text); }

    bool confirmationCounted(const QString &number) const
    {
        const CandidateStatus *c = m_candidates.value(number);
        return c && c->confirmationReceived.isValid();
    }

    // The page that opened the dossier `index` sits in: the nearest earlier page of the same
    // file that is neither blank, a separator, nor itself a follower.
    qint64 openingPage(int index) const
    {
        const PageOutcome &page = m_status.pages.at(index);
        for (int i = index - 1; i >= 0; --i) {
            const PageOutcome &p = m_status.pages.at(i);
            if (p.file != page.file)
                break;
            if (p.bucket == PageBucket::Blank || p.bucket == PageBucket::Separator ||
                p.reason == ExceptionReason::InDossierOfException)
                continue;
            return p.pageId;
        }
        return 0;
    }

    // A page of the dossier whose type nobody knows yet: offer each piece it could settle.
    QList<Advice> identifyAdvice(const PageOutcome &page) const
    {
        QList<Advice> advice;
        if (const CandidateStatus *c = m_candidates.value(page.candidateNumber)) {
            for (const PieceType &piece : c->piecesToVerify) {
                Advice a = make(AdviceKind::AssignPiece, page.candidateNumber,
                                QStringLiteral("si la page est la pièce « %1 », l'attribuer "
                                               "comme telle")
                                    .arg(piece.label));
                a.pieceCode = piece.code;
                advice.append(a);
            }
        }
        advice.append(ignore(QStringLiteral("écarter la page si elle n'est aucune des pièces "
                                            "dues : elles seront alors réclamées à "
                                            "l'établissement")));
        return advice;
    }

    QList<Advice> signatureAdvice(const PageOutcome &page) const
    {
        const QString owner = labelOf(page.candidateNumber);
        return {make(AdviceKind::LookAtSignature, page.candidateNumber,
                     QStringLiteral("regarder la zone de signature douteuse")),
                make(AdviceKind::JudgeSigned, page.candidateNumber,
                     QStringLiteral("la confirmation de %1 est signée").arg(owner)),
                make(AdviceKind::JudgeUnsigned, page.candidateNumber,
                     QStringLiteral("elle n'est pas signée : elle sera demandée signée à "
                                    "l'établissement"))};
    }

    QList<Advice> adviceFor(int index) const
    {
        const PageOutcome &page = m_status.pages.at(index);
        if (page.signatureToCheck)
            return signatureAdvice(page);
        if (!page.isOpenException())
            return identifyAdvice(page);
        QList<Advice> advice;
        switch (page.reason) {
        case ExceptionReason::StaleVersion:
            // Assigning the stale page would count it as the current confirmation: the
            // candidate would look complete against the reason's own advice.
            advice.append(make(AdviceKind::AskSchoolForCurrentVersion, page.candidateNumber,
                               QStringLiteral("demander à l'établissement la confirmation "
                                              "signée de la version en cours pour %1 ; ne pas "
                                              "attribuer cette page, elle est périmée")
                                   .arg(labelOf(page.candidateNumber))));
            return advice;
        case ExceptionReason::WithdrawnCandidate:
            advice.append(make(AdviceKind::CheckWithSchool, page.candidateNumber,
                               QStringLiteral("vérifier auprès de l'établissement si %1 est "
                                              "toujours candidat")
                                   .arg(labelOf(page.candidateNumber))));
            return advice;
        case ExceptionReason::Duplicate:
            advice.append(ignore(QStringLiteral("doublon d'une confirmation déjà reçue : rien à "
                                                "faire, ou écarter la page")));
            return advice;
        case ExceptionReason::UnknownCandidate:
            for (const QString &number : page.suggestions)
                advice.append(confirmationOf(number));
            advice.append(make(AdviceKind::WaitForImport, page.candidateNumber,
                               QStringLiteral("importer l'export Cyclades à jour qui contient ce "
                                              "numéro : la page s'y rattachera seule")));
            return advice;
        case ExceptionReason::ConflictingCodes:
            for (const QString &number : page.suggestions)
                advice.append(confirmationOf(number));
            return advice;
        case ExceptionReason::InDossierOfException: {
            Advice a = make(AdviceKind::DecideOpeningPage, {},
                            QStringLiteral("décider d'abord de la page qui ouvre le dossier ; "
                                           "celle-ci suivra"));
            a.pageId = openingPage(index);
            advice.append(a);
            return advice;
        }
        case ExceptionReason::ForeignCode:
            // Not one of our codes: a label or a form's own barcode on a piece, never a
            // second confirmation of the dossier's candidate.
            for (const QString &number : page.suggestions)
                advice.append(pieceOf(number));
            if (page.suggestions.isEmpty())
                advice.append(pieceOf({}));
            advice.append(ignore(QStringLiteral("écarter la page si elle n'appartient à aucun "
                                                "dossier")));
            return advice;
        default:
            break;
        }
        // Unreadable code, failed decoding, page before any confirmation: the page may be a
        // confirmation or a piece; never offer a second confirmation for the same candidate.
        for (const QString &number : page.suggestions) {
            if (confirmationCounted(number))
                advice.append(pieceOf(number));
            else
                advice.append(confirmationOf(number));
        }
        if (page.suggestions.isEmpty()) {
            // An unreadable code that opens a dossier is most often a confirmation whose
            // barcode is damaged: the name printed on it says whose.
            if (page.reason == ExceptionReason::UnreadableCode ||
                page.reason == ExceptionReason::DecodeFailed)
                advice.append(make(AdviceKind::AssignConfirmation, {},
                                   QStringLiteral("si la page est une confirmation, l'attribuer "
                                                  "au candidat dont le nom y figure")));
            advice.append(pieceOf({}));
        }
        advice.append(ignore(QStringLiteral("écarter la page si elle n'appartient à aucun "
                                            "dossier")));
        return advice;
    }

    const AcademieStatus &m_status;
    QHash<QString, const CandidateStatus *> m_candidates;
};

} // namespace

QList<ExceptionEntry> exceptionQueue(const AcademieStatus &status)
{
    const Adviser adviser(status);
    QList<ExceptionEntry> queue;
    for (int i = 0; i < status.pages.size(); ++i) {
        if (status.pages.at(i).needsPerson())
            queue.append(adviser.entry(i));
    }
    return queue;
}

QString adviceLabel(AdviceKind kind)
{
    switch (kind) {
    case AdviceKind::AssignConfirmation:
        return QStringLiteral("attribuer comme confirmation");
    case AdviceKind::AssignPiece:
        return QStringLiteral("attribuer comme pièce");
    case AdviceKind::IgnorePage:
        return QStringLiteral("écarter");
    case AdviceKind::AskSchoolForCurrentVersion:
        return QStringLiteral("demander la version en cours");
    case AdviceKind::CheckWithSchool:
        return QStringLiteral("vérifier auprès de l'établissement");
    case AdviceKind::WaitForImport:
        return QStringLiteral("attendre l'import");
    case AdviceKind::DecideOpeningPage:
        return QStringLiteral("traiter la page d'ouverture");
    case AdviceKind::LookAtSignature:
        return QStringLiteral("voir la zone de signature");
    case AdviceKind::JudgeSigned:
        return QStringLiteral("signée");
    case AdviceKind::JudgeUnsigned:
        return QStringLiteral("non signée");
    }
    return {};
}

QString adviceKey(AdviceKind kind)
{
    switch (kind) {
    case AdviceKind::AssignConfirmation:
        return QStringLiteral("assign_confirmation");
    case AdviceKind::AssignPiece:
        return QStringLiteral("assign_piece");
    case AdviceKind::IgnorePage:
        return QStringLiteral("ignore_page");
    case AdviceKind::AskSchoolForCurrentVersion:
        return QStringLiteral("ask_school_for_current_version");
    case AdviceKind::CheckWithSchool:
        return QStringLiteral("check_with_school");
    case AdviceKind::WaitForImport:
        return QStringLiteral("wait_for_import");
    case AdviceKind::DecideOpeningPage:
        return QStringLiteral("decide_opening_page");
    case AdviceKind::LookAtSignature:
        return QStringLiteral("look_at_signature");
    case AdviceKind::JudgeSigned:
        return QStringLiteral("judge_signed");
    case AdviceKind::JudgeUnsigned:
        return QStringLiteral("judge_unsigned");
    }
    return {};
}

} // namespace pointage
