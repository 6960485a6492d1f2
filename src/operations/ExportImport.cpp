#include "pointage/ExportImport.h"

#include "pointage/CycladesReader.h"
#include "pointage/FileHash.h"

#include <QCryptographicHash>

namespace pointage {

namespace {

Result<ExportImport> merge(Ledger &ledger, const RosterExport &roster, const QString &sha256,
                           const ImportPolicy &policy, const QString &user)
{
    auto summary = ledger.importRoster(roster, sha256, policy, user);
    if (!summary)
        return summary.error();
    return ExportImport{summary.value(), roster.encoding, roster.diagnostics};
}

} // namespace

Result<ExportImport> importCycladesFile(Ledger &ledger, const QString &path,
                                        const ImportPolicy &policy, const QString &user)
{
    auto roster = readCycladesFile(path);
    if (!roster)
        return roster.error();
    auto sha256 = sha256OfFile(path);
    if (!sha256)
        return sha256.error();
    return merge(ledger, roster.value(), sha256.value(), policy, user);
}

Result<ExportImport> importCycladesBytes(Ledger &ledger, QByteArray bytes, const QString &fileName,
                                         const ImportPolicy &policy, const QString &user)
{
    // The same hash as a file with these bytes: the web and the command line recognise each
    // other's imports.
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    auto roster = readCycladesExport(std::move(bytes), fileName);
    if (!roster)
        return roster.error();
    return merge(ledger, roster.value(), sha256, policy, user);
}

QString importScopeText(const RosterImportSummary &s)
{
    if (s.uai.isEmpty())
        return QStringLiteral("extraction académique");
    return s.establishmentName.isEmpty()
               ? s.uai
               : QStringLiteral("%1 (%2)").arg(s.establishmentName, s.uai);
}

QStringList importSummaryLines(const RosterImportSummary &s)
{
    if (s.superseded)
        return {QStringLiteral("déjà importé, puis remplacé par un export plus récent (%1) : "
                               "rien n'a changé.")
                    .arg(importScopeText(s))};
    if (s.alreadyImported)
        return {QStringLiteral("déjà importé à l'identique, rien n'a changé (%1 : le registre "
                               "contient déjà exactement cette liste).")
                    .arg(importScopeText(s))};
    QString head = QStringLiteral("import n° %1, %2 : %3 ajouté(s), %4 modifié(s), %5 retiré(s), "
                                  "%6 inchangé(s)")
                       .arg(s.importId)
                       .arg(importScopeText(s))
                       .arg(s.added)
                       .arg(s.updated)
                       .arg(s.withdrawn)
                       .arg(s.unchanged);
    if (s.reinstated)
        head += QStringLiteral(", %1 réintégré(s)").arg(s.reinstated);
    if (s.moved)
        head += QStringLiteral(", dont %1 changé(s) d'établissement").arg(s.moved);
    head += QStringLiteral(", %1 ligne(s) rejetée(s).").arg(s.rejected);
    QStringList lines{head};
    if (s.uai.isEmpty()) {
        for (auto it = s.bySchool.cbegin(); it != s.bySchool.cend(); ++it) {
            const RosterImportCounts &c = it.value();
            lines.append(QStringLiteral("%1 : %2 ajouté(s), %3 modifié(s), %4 retiré(s), %5 "
                                        "inchangé(s)")
                             .arg(it.key())
                             .arg(c.added)
                             .arg(c.updated)
                             .arg(c.withdrawn)
                             .arg(c.unchanged));
        }
    }
    if (s.withdrawalsSkipped)
        lines.append(QStringLiteral("Attention : des lignes ont été rejetées, aucun retrait n'a "
                                    "donc été déduit de cet export. Corrigez le fichier (ou "
                                    "réexportez-le de Cyclades) et importez-le de nouveau."));
    return lines;
}

} // namespace pointage
