// `pointage desk`: check-in at the counter with a handheld barcode scanner, which types the
// code and Enter. The rules live in the core (pointage/DeskCheckIn.h); this reads lines, hands
// them over, and prints the answer — alarms loudly (terminal bell).
#include "cli/Commands.h"
#include "cli/SessionStatus.h"
#include "pointage/DeskCheckIn.h"

#include <cstdio>

namespace pointage::cli {

namespace {

void print(QTextStream &out, const DeskAnswer &answer)
{
    for (const DeskNotice &n : answer.notices) {
        if (n.alarm)
            out << "\a\n  !!! " << n.message << "\n\n";
        else if (n.kind != DeskNotice::Kind::ConfirmationRecorded &&
                 n.kind != DeskNotice::Kind::PieceRecorded)
            out << "  " << n.message << "\n";
    }
    for (const RosterRow &r : answer.matches)
        out << "    " << candidateLabel(r) << "\n";
    if (answer.candidate) {
        const RosterRow &r = *answer.candidate;
        out << "\n  " << candidateLabel(r) << "\n  " << r.specialtyCode << " " << r.specialtyLabel
            << "\n";
        for (const DeskNotice &n : answer.notices) {
            if (n.kind == DeskNotice::Kind::ConfirmationRecorded ||
                n.kind == DeskNotice::Kind::PieceRecorded)
                out << "  ✔ " << n.message << "\n";
        }
        out << "  Pièces à joindre :\n";
        if (answer.checklist.isEmpty())
            out << "    (aucune)\n";
        for (const DeskChecklistItem &item : answer.checklist)
            out << "    [" << (item.received ? "x" : " ") << "] " << item.piece.label << "  ("
                << item.piece.code << ")\n";
    }
    out.flush();
}

} // namespace

int runDesk(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption date(QStringLiteral("date"),
                                  QStringLiteral("Date de réception des dossiers pointés, "
                                                 "JJ/MM/AAAA ou AAAA-MM-JJ (défaut : "
                                                 "aujourd'hui)."),
                                  QStringLiteral("JJ/MM/AAAA"));
    parser.addOption(date);
    if (!context.parse(parser, QStringLiteral("Pointage au guichet : scannez une confirmation "
                                              "(ou tapez le numéro ou le nom), puis ses pièces. "
                                              "« annuler » retire le dernier pointage ; « fin » "
                                              "ou Ctrl-D pour terminer.")))
        return ExitUsage;
    const QDate received = dateOrToday(context, parser, date);
    if (!received.isValid())
        return ExitUsage;
    // Everything already received counts, whatever day the desk is dated.
    auto session = loadSession(context, std::max(received, QDate::currentDate()));
    if (!session)
        return ExitFailure;
    auto desk = DeskCheckIn::open(*session->ledger, {session->config, session->rules},
                                  std::move(session->status), received);
    if (!desk)
        return context.fail(desk.error());
    context.out() << "Guichet prêt, dossiers reçus le "
                  << received.toString(QStringLiteral("dd/MM/yyyy"))
                  << ". Scannez une confirmation (ou tapez son numéro ou le nom), puis ses "
                     "pièces ; « annuler » retire le dernier pointage, « fin » pour terminer.\n";
    context.out().flush();
    char *line = nullptr;
    size_t capacity = 0;
    while (getline(&line, &capacity, stdin) > 0) {
        const QString input = QString::fromUtf8(line).trimmed();
        if (input.isEmpty())
            continue;
        if (input.compare(QStringLiteral("fin"), Qt::CaseInsensitive) == 0)
            break;
        if (input.compare(QStringLiteral("annuler"), Qt::CaseInsensitive) == 0)
            print(context.out(), desk.value()->undoLast());
        else
            print(context.out(), desk.value()->handle(input));
    }
    std::free(line);
    context.out() << "Guichet fermé.\n";
    return ExitOk;
}

} // namespace pointage::cli
