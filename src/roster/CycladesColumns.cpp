#include "CycladesColumns.h"

#include <QHash>

namespace pointage {

namespace {

const QHash<QString, CycladesColumn> &knownColumns()
{
    using C = CycladesColumn;
    static const QHash<QString, CycladesColumn> columns = {
        {QStringLiteral("n candidat"), C::CandidateNumber},
        {QStringLiteral("n de candidat"), C::CandidateNumber},
        {QStringLiteral("n inscription"), C::InscriptionNumber},
        {QStringLiteral("n d inscription"), C::InscriptionNumber},
        {QStringLiteral("nom de famille"), C::LastName},
        {QStringLiteral("nom"), C::LastName},
        {QStringLiteral("nom d usage"), C::UsageName},
        {QStringLiteral("nom usage"), C::UsageName},
        {QStringLiteral("prenom s"), C::FirstNames},
        {QStringLiteral("prenoms"), C::FirstNames},
        {QStringLiteral("prenom"), C::FirstNames},
        {QStringLiteral("date de naissance"), C::BirthDate},
        {QStringLiteral("date naissance"), C::BirthDate},
        {QStringLiteral("division de classe"), C::Division},
        {QStringLiteral("division"), C::Division},
        {QStringLiteral("ine"), C::Ine},
        {QStringLiteral("n ine"), C::Ine},
        {QStringLiteral("categorie candidat"), C::Category},
        {QStringLiteral("categorie de candidat"), C::Category},
        {QStringLiteral("categorie"), C::Category},
        {QStringLiteral("code specialite"), C::SpecialtyCode},
        {QStringLiteral("specialite"), C::SpecialtyLabel},
        {QStringLiteral("libelle specialite"), C::SpecialtyLabel},
        {QStringLiteral("etat"), C::State},
        {QStringLiteral("uai"), C::Uai},
        {QStringLiteral("code uai"), C::Uai},
        {QStringLiteral("n uai"), C::Uai},
        {QStringLiteral("uai etablissement"), C::Uai},
        {QStringLiteral("code etablissement"), C::Uai},
        {QStringLiteral("etablissement"), C::Establishment},
        {QStringLiteral("nom etablissement"), C::Establishment},
        {QStringLiteral("libelle etablissement"), C::Establishment},
    };
    return columns;
}

} // namespace

QString headerKey(QStringView name)
{
    // NFKD splits "é" into "e" + accent and "º" into "o"; marks and punctuation then drop out.
    const QString decomposed = name.toString().normalized(QString::NormalizationForm_KD);
    QString key;
    key.reserve(decomposed.size());
    bool pendingSpace = false;
    for (QChar c : decomposed) {
        if (c.isLetterOrNumber()) {
            if (pendingSpace && !key.isEmpty())
                key += QLatin1Char(' ');
            pendingSpace = false;
            key += c.toLower();
        } else if (!c.isMark()) {
            pendingSpace = true;
        }
    }
    // "No", "Num", "Numéro" all abbreviate to the "N°" of the real header.
    static const QStringList numberWords = {QStringLiteral("no"), QStringLiteral("num"),
                                            QStringLiteral("numero")};
    const qsizetype firstSpace = key.indexOf(QLatin1Char(' '));
    if (firstSpace > 0 && numberWords.contains(key.left(firstSpace)))
        key.replace(0, firstSpace, QStringLiteral("n"));
    return key;
}

QStringList CycladesColumns::missingRequired() const
{
    QStringList missing;
    if (!has(CycladesColumn::CandidateNumber))
        missing << QStringLiteral("« N° Candidat »");
    if (!has(CycladesColumn::LastName))
        missing << QStringLiteral("« Nom de famille »");
    if (!has(CycladesColumn::FirstNames))
        missing << QStringLiteral("« Prénom(s) »");
    return missing;
}

CycladesColumns mapCycladesColumns(const QStringList &header)
{
    CycladesColumns columns;
    for (const QString &cell : header) {
        const QString name = cell.trimmed();
        const QString key = headerKey(name);
        columns.names << name;
        columns.kinds << (key.isEmpty() ? CycladesColumn::Ignored
                                        : knownColumns().value(key, CycladesColumn::Extra));
    }
    return columns;
}

bool isAcademieExtractionHeader(const CycladesColumns &columns)
{
    using C = CycladesColumn;
    for (const C kind : {C::CandidateNumber, C::InscriptionNumber, C::LastName, C::FirstNames,
                         C::BirthDate, C::SpecialtyCode}) {
        if (!columns.has(kind))
            return false;
    }
    return columns.has(C::Uai) || columns.has(C::Establishment);
}

bool isCycladesHeader(const QStringList &fields)
{
    // Header cells are short: skip normalising the long text of preamble lines.
    constexpr qsizetype longestHeaderCell = 40;
    for (const QString &field : fields) {
        if (field.size() < longestHeaderCell &&
            knownColumns().value(headerKey(field), CycladesColumn::Extra) ==
                CycladesColumn::CandidateNumber)
            return true;
    }
    return false;
}

} // namespace pointage
