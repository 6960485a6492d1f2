#include "CycladesRows.h"

#include "CycladesValues.h"

#include <algorithm>
#include <array>

namespace pointage {

namespace {

using C = CycladesColumn;

constexpr int specialtyCodeLength = 5;
constexpr int ineLength = 11;

bool isIne(const QString &value)
{
    if (value.size() != ineLength)
        return false;
    return std::all_of(value.begin(), value.end(),
                       [](QChar c) { return c.unicode() < 0x80 && c.isLetterOrNumber(); });
}

// "NAME (0131234A)" holds a UAI; "NAME (PRIVÉ)" does not, and is kept whole as the name.
LabelAndCode splitEstablishment(const QString &cell)
{
    LabelAndCode split = splitLabelAndCode(cell);
    if (split.code.size() == 8 && isDigits(QStringView(split.code).first(7)))
        return split;
    return {cell, {}};
}

} // namespace

CycladesRowReader::CycladesRowReader(CycladesColumns columns, const CycladesPreamble &preamble,
                                     QString fileName)
    : m_columns(std::move(columns)), m_preambleUai(preamble.uai),
      m_preambleEstablishment(preamble.establishmentName), m_fileName(std::move(fileName)),
      m_rowsCarryUai(m_columns.has(C::Uai) || m_columns.has(C::Establishment))
{}

bool CycladesRowReader::isBlank(const CsvRecord &record)
{
    return std::all_of(record.fields.begin(), record.fields.end(),
                       [](const QString &field) { return isEmptyCell(field); });
}

std::optional<RosterRow> CycladesRowReader::read(const CsvRecord &record, Diagnostics &diagnostics)
{
    // A column may appear twice ("Division de classe" does): the first non-empty value wins.
    std::array<QString, cycladesColumnCount> cells;
    RosterRow row;
    row.sourceLine = record.line;
    for (qsizetype i = 0; i < m_columns.kinds.size(); ++i) {
        const C kind = m_columns.kinds[i];
        if (kind == C::Ignored)
            continue;
        QString value = i < record.fields.size() ? cellValue(record.fields[i]) : QString();
        if (kind == C::Extra)
            value = shared(value);
        QString &slot = kind == C::Extra ? row.extra[m_columns.names[i]] : cells[int(kind)];
        if (slot.isEmpty())
            slot = std::move(value);
    }

    const auto reject = [&](const QString &reason) {
        diagnostics.append({Diagnostic::Severity::Error, m_fileName, record.line, 0,
                            reason + QStringLiteral(" : ligne ignorée")});
        return std::nullopt;
    };

    const QString &rawNumber = cells[int(C::CandidateNumber)];
    if (rawNumber.isEmpty())
        return reject(QStringLiteral("numéro de candidat absent"));
    row.candidateNumber = normaliseCandidateNumber(rawNumber);
    if (row.candidateNumber.isEmpty()) {
        return reject(QStringLiteral("numéro de candidat « %1 » invalide (10 ou 11 chiffres "
                                     "attendus)")
                          .arg(rawNumber));
    }
    row.lastName = cells[int(C::LastName)];
    if (row.lastName.isEmpty()) {
        return reject(
            QStringLiteral("nom de famille absent pour le candidat %1").arg(row.candidateNumber));
    }
    QString problem;
    if (!attributeEstablishment(row, cells[int(C::Uai)], cells[int(C::Establishment)], problem))
        return reject(problem);
    const auto earlier = m_lineByCandidate.constFind(row.candidateNumber);
    if (earlier != m_lineByCandidate.cend()) {
        return reject(QStringLiteral("le candidat %1 figure déjà ligne %2")
                          .arg(row.candidateNumber)
                          .arg(*earlier));
    }
    m_lineByCandidate.insert(row.candidateNumber, record.line);

    row.usageName = cells[int(C::UsageName)];
    row.firstNames = cells[int(C::FirstNames)];
    row.division = shared(cells[int(C::Division)]);
    row.state = shared(cells[int(C::State)]);
    row.specialtyLabel = shared(cells[int(C::SpecialtyLabel)]);
    const LabelAndCode category = splitLabelAndCode(cells[int(C::Category)]);
    row.categoryLabel = shared(category.label);
    row.categoryCode = shared(category.code);
    readOptionalValues(row, cells.data(), record, diagnostics);
    row.specialtyCode = shared(row.specialtyCode);
    row.uai = shared(row.uai);
    row.establishmentName = shared(row.establishmentName);
    return row;
}

// Categories, specialties, states, divisions and establishments repeat across thousands of rows.
// One shared copy of each keeps a 100,000-row roster to a fraction of the memory — and of the
// page faults, which cost more than the parsing itself. The pool is bounded so that columns of
// unique values (N° Océan) cannot grow it without limit.
QString CycladesRowReader::shared(const QString &value)
{
    constexpr qsizetype maxSharedValues = 4096;
    if (value.isEmpty())
        return value;
    const auto known = m_sharedValues.constFind(value);
    if (known != m_sharedValues.cend())
        return *known;
    if (m_sharedValues.size() < maxSharedValues)
        m_sharedValues.insert(value);
    return value;
}

bool CycladesRowReader::attributeEstablishment(RosterRow &row, const QString &uaiCell,
                                               const QString &establishmentCell,
                                               QString &problem) const
{
    const LabelAndCode establishment = splitEstablishment(establishmentCell);
    row.uai = (uaiCell.isEmpty() ? establishment.code : uaiCell).toUpper();
    row.establishmentName = establishment.label;
    if (!m_rowsCarryUai || row.uai.isEmpty()) {
        // Académie-wide rows without their own UAI may still fall under the preamble's.
        row.uai = m_preambleUai;
        if (row.establishmentName.isEmpty())
            row.establishmentName = m_preambleEstablishment;
    }
    if (!m_rowsCarryUai)
        return true; // the preamble's UAI was checked once for the whole file
    if (row.uai.isEmpty()) {
        problem = QStringLiteral("établissement (UAI) absent pour le candidat %1")
                      .arg(row.candidateNumber);
        return false;
    }
    if (!isValidUai(row.uai)) {
        problem = QStringLiteral("UAI « %1 » invalide (clé de contrôle incorrecte) pour le "
                                 "candidat %2")
                      .arg(row.uai, row.candidateNumber);
        return false;
    }
    return true;
}

void CycladesRowReader::readOptionalValues(RosterRow &row, const QString *cells,
                                           const CsvRecord &record, Diagnostics &diagnostics) const
{
    const auto warn = [&](const QString &what, const QString &value, const QString &expected) {
        diagnostics.append({Diagnostic::Severity::Warning, m_fileName, record.line, 0,
                            QStringLiteral("%1 « %2 » illisible pour le candidat %3 (%4 "
                                           "attendu) : valeur laissée vide")
                                .arg(what, value, row.candidateNumber, expected)});
    };

    if (const QString &raw = cells[int(C::InscriptionNumber)]; !raw.isEmpty()) {
        if (const std::optional<Inscription> inscription = parseInscription(raw)) {
            row.inscriptionNumber = inscription->number;
            row.version = inscription->version;
        } else {
            warn(QStringLiteral("numéro d'inscription"), raw, QStringLiteral("NNN Version V"));
        }
    }
    if (const QString &raw = cells[int(C::BirthDate)]; !raw.isEmpty()) {
        row.birthDate = parseFrenchDate(raw);
        if (!row.birthDate.isValid())
            warn(QStringLiteral("date de naissance"), raw, QStringLiteral("jj/mm/aaaa"));
    }
    if (const QString &raw = cells[int(C::Ine)]; !raw.isEmpty()) {
        if (isIne(raw))
            row.ine = raw.toUpper();
        else
            warn(QStringLiteral("INE"), raw, QStringLiteral("11 caractères"));
    }
    if (const QString &raw = cells[int(C::SpecialtyCode)]; !raw.isEmpty()) {
        // A spreadsheet that took the code for a number dropped its leading zeros.
        if (isDigits(raw) && raw.size() <= specialtyCodeLength)
            row.specialtyCode = raw.rightJustified(specialtyCodeLength, QLatin1Char('0'));
        else
            warn(QStringLiteral("code spécialité"), raw, QStringLiteral("5 chiffres"));
    }
}

} // namespace pointage
