#include "cli/SessionStatus.h"

#include "pointage/DateText.h"
#include "pointage/Reconciler.h"

namespace pointage::cli {

std::optional<LoadedSession> loadSession(CliContext &context, std::optional<QDate> asOf)
{
    auto configPath = context.existingConfigPath();
    if (!configPath) {
        context.printError(configPath.error());
        return std::nullopt;
    }
    auto config = SessionConfig::load(configPath.value());
    if (!config) {
        context.printError(config.error());
        return std::nullopt;
    }
    auto rules = RequirementRules::load(config->rulesFile);
    if (!rules) {
        context.printError(rules.error());
        return std::nullopt;
    }
    auto ledger = context.openLedger();
    if (!ledger) {
        context.printError(ledger.error());
        return std::nullopt;
    }
    LoadedSession session{
        std::move(ledger.value()), std::move(config.value()), std::move(rules.value()), {}};
    if (asOf) {
        auto snapshot = session.ledger->snapshot();
        if (!snapshot) {
            context.printError(snapshot.error());
            return std::nullopt;
        }
        session.status = reconcile(snapshot.value(), session.rules, session.config, *asOf);
    }
    return session;
}

QCommandLineOption asOfOption()
{
    return QCommandLineOption(QStringLiteral("as-of"),
                              QStringLiteral("Date à laquelle l'état est calculé (défaut : "
                                             "aujourd'hui)."),
                              QStringLiteral("JJ/MM/AAAA"));
}

QDate dateOrToday(CliContext &context, const QCommandLineParser &parser,
                  const QCommandLineOption &option)
{
    if (!parser.isSet(option))
        return QDate::currentDate();
    auto date = parseDateArgument(parser.value(option));
    if (!date) {
        context.usageError(
            QStringLiteral("--%1 : %2").arg(option.names().first(), date.error().message));
        return {};
    }
    return date.value();
}

std::optional<LoadedSession> loadStatusAsOf(CliContext &context, const QCommandLineParser &parser,
                                            const QCommandLineOption &option, int &exitCode)
{
    const QDate date = dateOrToday(context, parser, option);
    if (!date.isValid()) {
        exitCode = ExitUsage;
        return std::nullopt;
    }
    exitCode = ExitFailure;
    return loadSession(context, date);
}

const CandidateStatus *findCandidate(const AcademieStatus &status, const QString &number)
{
    const QString wanted = normaliseCandidateNumber(number);
    if (wanted.isEmpty())
        return nullptr;
    for (const CandidateStatus &c : status.candidateStatus) {
        if (c.candidate.candidateNumber == wanted)
            return &c;
    }
    return nullptr;
}

} // namespace pointage::cli
