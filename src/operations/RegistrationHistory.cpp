#include "pointage/RegistrationHistory.h"

namespace pointage {

namespace {

QString dateText(QDate date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString inscriptionText(const RosterRow &row)
{
    if (row.inscriptionNumber.isEmpty() && row.version == 0)
        return {};
    return QStringLiteral("%1 version %2").arg(row.inscriptionNumber).arg(row.version);
}

QString categoryText(const RosterRow &row)
{
    return row.categoryCode.isEmpty()
               ? row.categoryLabel
               : QStringLiteral("%1 (%2)").arg(row.categoryLabel, row.categoryCode);
}

QString specialtyText(const RosterRow &row)
{
    return QStringLiteral("%1 %2").arg(row.specialtyCode, row.specialtyLabel).trimmed();
}

QString schoolText(const RosterRow &row)
{
    return row.establishmentName.isEmpty()
               ? row.uai
               : QStringLiteral("%1 (%2)").arg(row.establishmentName, row.uai);
}

} // namespace

QList<RegistrationChange> registrationChanges(const RosterRow &before, const RosterRow &after)
{
    const struct
    {
        const char *label;
        QString (*text)(const RosterRow &);
    } fields[] = {
        {"Inscription", inscriptionText},
        {"Nom de famille",
         [](const RosterRow &r) {
             return r.lastName;
         }},
        {"Nom d'usage",
         [](const RosterRow &r) {
             return r.usageName;
         }},
        {"Prénom(s)",
         [](const RosterRow &r) {
             return r.firstNames;
         }},
        {"Date de naissance",
         [](const RosterRow &r) {
             return dateText(r.birthDate);
         }},
        {"Division de classe",
         [](const RosterRow &r) {
             return r.division;
         }},
        {"INE",
         [](const RosterRow &r) {
             return r.ine;
         }},
        {"Catégorie", categoryText},
        {"Spécialité", specialtyText},
        {"État",
         [](const RosterRow &r) {
             return r.state;
         }},
        {"Établissement", schoolText},
    };
    QList<RegistrationChange> changes;
    for (const auto &f : fields) {
        const QString a = f.text(before);
        const QString b = f.text(after);
        if (a != b)
            changes.append({QString::fromUtf8(f.label), a, b});
    }
    QStringList columns = before.extra.keys() + after.extra.keys();
    columns.removeDuplicates();
    columns.sort();
    for (const QString &column : columns) {
        const QString a = before.extra.value(column);
        const QString b = after.extra.value(column);
        if (a != b)
            changes.append({column, a, b});
    }
    return changes;
}

Result<QList<RegistrationVersion>> registrationHistory(const Ledger &ledger,
                                                       const QString &candidateNumber)
{
    auto versions = ledger.candidateVersions(normaliseCandidateNumber(candidateNumber));
    if (!versions)
        return versions.error();
    QList<RegistrationVersion> history;
    for (qsizetype i = versions->size() - 1; i >= 0; --i) {
        RegistrationVersion v;
        v.version = versions->at(i);
        v.first = i == 0;
        if (i > 0)
            v.changes = registrationChanges(versions->at(i - 1).row, v.version.row);
        history.append(v);
    }
    return history;
}

} // namespace pointage
