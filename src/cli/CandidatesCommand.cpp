// `pointage candidates`: what was imported, in filing order, for checking against Cyclades.
#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "pointage/Ledger.h"
#include "pointage/RosterOrder.h"

namespace pointage::cli {

namespace {

QJsonObject candidateJson(const CandidateRecord &c)
{
    const RosterRow &r = c.row;
    QJsonObject extra;
    for (auto it = r.extra.cbegin(); it != r.extra.cend(); ++it)
        extra.insert(it.key(), it.value());
    return {{QStringLiteral("candidateNumber"), r.candidateNumber},
            {QStringLiteral("inscriptionNumber"), r.inscriptionNumber},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("lastName"), r.lastName},
            {QStringLiteral("usageName"), r.usageName},
            {QStringLiteral("firstNames"), r.firstNames},
            {QStringLiteral("birthDate"), r.birthDate.toString(Qt::ISODate)},
            {QStringLiteral("division"), r.division},
            {QStringLiteral("ine"), r.ine},
            {QStringLiteral("categoryLabel"), r.categoryLabel},
            {QStringLiteral("categoryCode"), r.categoryCode},
            {QStringLiteral("specialtyCode"), r.specialtyCode},
            {QStringLiteral("specialtyLabel"), r.specialtyLabel},
            {QStringLiteral("state"), r.state},
            {QStringLiteral("uai"), r.uai},
            {QStringLiteral("establishment"), r.establishmentName},
            {QStringLiteral("withdrawn"), c.withdrawn},
            {QStringLiteral("extra"), extra}};
}

} // namespace

int runCandidates(CliContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption school(QStringLiteral("school"),
                                    QStringLiteral("Seulement cet établissement."),
                                    QStringLiteral("UAI"));
    const QCommandLineOption specialty(QStringLiteral("specialty"),
                                       QStringLiteral("Seulement cette spécialité."),
                                       QStringLiteral("CODE"));
    parser.addOptions({school, specialty});
    if (!context.parse(parser, QStringLiteral("Liste les candidats importés, par spécialité puis "
                                              "par ordre alphabétique.")))
        return ExitUsage;
    auto ledger = context.openLedger();
    if (!ledger) {
        context.printError(ledger.error());
        return ExitFailure;
    }
    CandidateFilter filter;
    filter.uai = parser.value(school).toUpper();
    filter.specialtyCode = parser.value(specialty);
    auto list = ledger.value()->candidates(filter);
    if (!list) {
        context.printError(list.error());
        return ExitFailure;
    }
    if (!filter.uai.isEmpty() && list->isEmpty()) {
        return context.usageError(QStringLiteral("aucun candidat importé pour l'établissement "
                                                 "« %1 ». Vérifiez l'UAI (pointage candidates "
                                                 "les liste tous).")
                                      .arg(filter.uai));
    }
    sortInFilingOrder(list.value(),
                      [](const CandidateRecord &c) -> const RosterRow & { return c.row; });
    if (context.json()) {
        QJsonArray array;
        for (const CandidateRecord &c : std::as_const(list.value()))
            array.append(candidateJson(c));
        printJson(context.out(), array);
        return ExitOk;
    }
    QString currentSpecialty;
    for (const CandidateRecord &c : std::as_const(list.value())) {
        const RosterRow &r = c.row;
        if (r.specialtyCode != currentSpecialty || currentSpecialty.isNull()) {
            currentSpecialty = r.specialtyCode;
            context.out() << "\n" << r.specialtyCode << " " << r.specialtyLabel << "\n";
        }
        context.out() << "  " << r.candidateNumber << "  " << r.lastName;
        if (!r.usageName.isEmpty())
            context.out() << " (" << r.usageName << ")";
        context.out() << " " << r.firstNames << "  " << r.uai;
        if (r.version > 0)
            context.out() << "  v" << r.version;
        if (c.withdrawn)
            context.out() << "  [retiré]";
        context.out() << "\n";
    }
    context.out() << "\n" << list->size() << " candidat(s).\n";
    return ExitOk;
}

} // namespace pointage::cli
