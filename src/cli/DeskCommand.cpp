// `pointage desk`: check-in at the counter with a handheld barcode scanner, which types the
// code and Enter. A confirmation's code records it as received and shows the candidate's
// checklist; a separator code or a piece code typed next records that piece. Unknown and
// duplicate codes are said plainly and loudly (terminal bell).
#include "cli/Commands.h"
#include "cli/SessionStatus.h"

#include <QSet>
#include <cstdio>

namespace pointage::cli {

namespace {

class DeskSession
{
public:
    DeskSession(CliContext &context, LoadedSession &session)
        : m_context(context), m_session(session)
    {
        for (const CandidateStatus &c : std::as_const(m_session.status.candidateStatus)) {
            if (c.confirmationReceived.isValid())
                m_received.insert(c.candidate.candidateNumber);
        }
    }

    void handle(const QString &code)
    {
        const BarcodeClass cls = m_session.config.barcodes.classify(code);
        if (cls.kind == BarcodeClass::Kind::Confirmation) {
            confirmation(cls.candidateNumber);
        } else if (cls.kind == BarcodeClass::Kind::Separator) {
            piece(cls.pieceCode);
        } else if (isPieceCode(code.toUpper())) {
            piece(code.toUpper());
        } else {
            alarm(QStringLiteral("CODE NON RECONNU « %1 » : ni une confirmation, ni un type de "
                                 "pièce. Rien n'a été enregistré.")
                      .arg(code));
        }
    }

private:
    bool isPieceCode(const QString &code) const
    {
        for (const PieceType &p : m_session.rules.pieceTypes()) {
            if (p.code == code)
                return true;
        }
        return false;
    }

    void alarm(const QString &message)
    {
        m_context.out() << "\a\n  !!! " << message << "\n\n";
        m_context.out().flush();
    }

    void confirmation(const QString &number)
    {
        const CandidateStatus *c = findCandidate(m_session.status, number);
        if (!c) {
            m_current.clear();
            alarm(QStringLiteral("CANDIDAT INCONNU %1 : absent des listes importées. Mettez le "
                                 "dossier de côté (ou importez l'export Cyclades à jour).")
                      .arg(number));
            return;
        }
        m_current = c->candidate.candidateNumber;
        const RosterRow &r = c->candidate;
        m_context.out() << "\n  " << r.lastName << " " << r.firstNames << "  (" << number << ")\n  "
                        << r.establishmentName << " (" << r.uai << ")\n  " << r.specialtyCode << " "
                        << r.specialtyLabel << "\n";
        if (c->withdrawn)
            alarm(QStringLiteral("CANDIDAT RETIRÉ des listes Cyclades : vérifiez ce dossier."));
        if (m_received.contains(m_current)) {
            alarm(QStringLiteral("DÉJÀ POINTÉ : la confirmation de ce candidat a déjà été "
                                 "reçue. Doublon non enregistré."));
        } else {
            Decision d;
            d.kind = DecisionKind::ReceiveConfirmation;
            d.candidateNumber = m_current;
            d.date = QDate::currentDate();
            if (auto id = m_session.ledger->recordDecision(d); !id) {
                m_context.printError(id.error());
                return;
            }
            m_received.insert(m_current);
            m_context.out() << "  ✔ confirmation enregistrée\n";
        }
        m_context.out() << "  Pièces à joindre :\n";
        if (c->owedPieces.isEmpty())
            m_context.out() << "    (aucune)\n";
        for (const PieceType &p : c->owedPieces) {
            const bool have = c->receivedPieceCodes.contains(p.code) ||
                              m_receivedPieces.contains(m_current + QLatin1Char('/') + p.code);
            m_context.out() << "    [" << (have ? "x" : " ") << "] " << p.label << "  (" << p.code
                            << ")\n";
        }
        m_context.out().flush();
    }

    void piece(const QString &code)
    {
        if (m_current.isEmpty()) {
            alarm(QStringLiteral("PIÈCE %1 sans candidat : scannez d'abord la confirmation.")
                      .arg(code));
            return;
        }
        Decision d;
        d.kind = DecisionKind::ReceivePiece;
        d.candidateNumber = m_current;
        d.pieceCode = code;
        d.date = QDate::currentDate();
        if (auto id = m_session.ledger->recordDecision(d); !id) {
            m_context.printError(id.error());
            return;
        }
        m_receivedPieces.insert(m_current + QLatin1Char('/') + code);
        m_context.out() << "  ✔ pièce " << m_session.rules.pieceType(code).label
                        << " enregistrée pour " << m_current << "\n";
        m_context.out().flush();
    }

    CliContext &m_context;
    LoadedSession &m_session;
    QSet<QString> m_received;
    QSet<QString> m_receivedPieces;
    QString m_current;
};

} // namespace

int runDesk(CliContext &context)
{
    QCommandLineParser parser;
    if (!context.parse(parser, QStringLiteral("Pointage au guichet : scannez une confirmation, "
                                              "puis ses pièces. « fin » ou Ctrl-D pour "
                                              "terminer.")))
        return ExitUsage;
    auto session = loadSession(context, QDate::currentDate());
    if (!session)
        return ExitFailure;
    DeskSession desk(context, *session);
    context.out() << "Guichet prêt. Scannez une confirmation (ou tapez son numéro), puis ses "
                     "pièces ; « fin » pour terminer.\n";
    context.out().flush();
    char *line = nullptr;
    size_t capacity = 0;
    while (getline(&line, &capacity, stdin) > 0) {
        const QString code = QString::fromUtf8(line).trimmed();
        if (code.isEmpty())
            continue;
        if (code.compare(QStringLiteral("fin"), Qt::CaseInsensitive) == 0)
            break;
        desk.handle(code);
    }
    std::free(line);
    context.out() << "Guichet fermé.\n";
    return ExitOk;
}

} // namespace pointage::cli
