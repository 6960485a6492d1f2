#include "RosterGenerator.h"

#include "RosterVocabulary.h"

#include <QStringEncoder>

namespace pointage::testkit {

namespace {

// splitmix64: the same sequence on every platform, unlike std:: distributions.
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
    template <class T> const T &pick(const QList<T> &list) { return list.at(below(list.size())); }

private:
    quint64 m_state;
};

const QStringList &standardHeader()
{
    static const QStringList header = {
        QStringLiteral("Division de classe"), QStringLiteral("N° Candidat"),
        QStringLiteral("N° Inscription"),     QStringLiteral("N° Océan"),
        QStringLiteral("Nom de famille"),     QStringLiteral("Nom d'usage"),
        QStringLiteral("Prénom(s)"),          QStringLiteral("Date de Naissance"),
        QStringLiteral("Division de classe"), QStringLiteral("INE"),
        QStringLiteral("Catégorie Candidat"), QStringLiteral("Code Spécialité"),
        QStringLiteral("Spécialité"),         QStringLiteral("Etat"),
        QStringLiteral("Enseignements"),
    };
    return header;
}
const QString oceanHeader = QStringLiteral("N° Océan");
const QString teachingsHeader = QStringLiteral("Enseignements");
const QString establishmentHeader = QStringLiteral("Etablissement");

QString empty()
{
    return QStringLiteral(" -");
}
QString written(const QString &value)
{
    return value.isEmpty() ? empty() : value;
}
QString singleQuoted(const QString &value)
{
    return QLatin1Char('\'') + QString(value).replace(QStringLiteral("'"), QStringLiteral("''")) +
           QLatin1Char('\'');
}
QString doubleQuoted(const QString &value)
{
    return QLatin1Char('"') + QString(value).replace(QStringLiteral("\""), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

struct Establishment
{
    QString uai;
    QString name;
};

Establishment academyEstablishment(int index)
{
    const QString digits = QStringLiteral("%1").arg(130010 + index * 7, 7, 10, QLatin1Char('0'));
    const QList<QString> &names = establishmentNames();
    QString name = names.at(index % names.size());
    if (index >= names.size())
        name += QStringLiteral(" %1").arg(index / names.size() + 1);
    return {uaiWithChecksum(digits), name};
}

// Writes one candidate: `cells` follows the header, `row` is what the reader must return.
class RowWriter
{
public:
    explicit RowWriter(const RosterGeneratorOptions &options)
        : m_options(options), m_random(options.seed)
    {}

    void write(int index, QStringList &cells, RosterRow &row);

private:
    QString teachings(int index, QString &intent);

    const RosterGeneratorOptions &m_options;
    Random m_random;
};

QString RowWriter::teachings(int index, QString &intent)
{
    static const QList<QString> plain = {QStringLiteral("TEPC"), QStringLiteral("PSE"), {}};
    if (m_options.quoting && index % 11 == 3) {
        intent = QStringLiteral("LV1 \"ANGLAIS\"\nPSE");
        return doubleQuoted(intent);
    }
    if (m_options.quoting && index % 5 == 1) {
        intent = QStringLiteral("TEPC");
        return singleQuoted(intent);
    }
    if (m_options.quoting && index % 5 == 2) {
        intent = QStringLiteral("TEPC; PSE");
        return singleQuoted(intent);
    }
    intent = m_random.pick(plain);
    return written(intent);
}

void RowWriter::write(int index, QStringList &cells, RosterRow &row)
{
    Random &random = m_random;
    const quint64 serial = (quint64(index) * 7919 + m_options.seed * 1000003) % 1000000000;
    row.candidateNumber = QStringLiteral("02%1").arg(serial, 9, 10, QLatin1Char('0'));
    const bool tenDigits = m_options.tenDigitEvery > 0 && index % m_options.tenDigitEvery == 0;
    row.inscriptionNumber = QString::number(1000 + index);
    row.version = 1 + random.below(3);
    const QString ocean = random.below(4) == 0 ? QString() : QString::number(600000 + index);
    row.lastName = m_options.quoting && index % 13 == 6 ? QStringLiteral("DUPONT; fils")
                                                        : random.pick(familyNames());
    row.usageName = random.below(7) == 0 ? random.pick(familyNames()) : QString();
    row.firstNames = random.pick(firstNames());
    const int birthYear = 2003 + random.below(9);
    const int birthMonth = 1 + random.below(12);
    row.birthDate = QDate(birthYear, birthMonth, 1 + random.below(28));
    const int categoryIndex = random.below(candidateCategories().size());
    const CodedLabel &category = candidateCategories().at(categoryIndex);
    row.categoryLabel = category.label;
    row.categoryCode = category.code;
    const bool pupil = categoryIndex < 3;
    row.division =
        pupil
            ? QStringLiteral("%1CAP %2").arg(1 + random.below(2)).arg(QChar(u'A' + random.below(4)))
            : QString();
    const bool divisionFirst = random.below(3) == 0;
    row.ine = pupil || random.below(2) == 0 ? QStringLiteral("%1%2%3")
                                                  .arg(100000000 + index)
                                                  .arg(QChar(u'A' + random.below(26)))
                                                  .arg(QChar(u'A' + random.below(26)))
                                            : QString();
    const CodedLabel &specialty = random.pick(capSpecialties());
    row.specialtyCode = specialty.code;
    row.specialtyLabel = specialty.label;
    row.state = QStringLiteral("Inscrit");
    QString teachingsIntent;
    const QString teachingsCell = teachings(index, teachingsIntent);

    const bool quoteUsage = m_options.quoting && !row.usageName.isEmpty() && index % 2 == 0;
    cells = {
        divisionFirst ? written(row.division) : empty(),
        tenDigits ? row.candidateNumber.mid(1) : row.candidateNumber,
        QStringLiteral("%1 Version %2").arg(row.inscriptionNumber).arg(row.version),
        written(ocean),
        row.lastName.contains(u';') ? doubleQuoted(row.lastName) : row.lastName,
        quoteUsage ? singleQuoted(row.usageName) : written(row.usageName),
        row.firstNames,
        row.birthDate.toString(u"dd/MM/yyyy"),
        divisionFirst ? empty() : written(row.division),
        written(row.ine),
        QStringLiteral("%1 (%2)").arg(category.label, category.code),
        specialty.code,
        specialty.label,
        row.state,
        teachingsCell,
    };
    row.extra.insert(oceanHeader, ocean);
    row.extra.insert(teachingsHeader, teachingsIntent);

    for (int j = 0; j < m_options.extraColumns.size(); ++j) {
        static const QList<QString> answers = {QStringLiteral("Oui"), QStringLiteral("Non"), {}};
        const QString &answer = answers.at((index + j) % answers.size());
        cells << written(answer);
        row.extra.insert(m_options.extraColumns.at(j), answer);
    }
}

// Empties what the reader cannot know when `header` is not in the file.
void forget(const QString &header, RosterRow &row)
{
    if (header == u"Division de classe") {
        row.division.clear();
    } else if (header == u"N° Inscription") {
        row.inscriptionNumber.clear();
        row.version = 0;
    } else if (header == u"Nom d'usage") {
        row.usageName.clear();
    } else if (header == u"Date de Naissance") {
        row.birthDate = {};
    } else if (header == u"INE") {
        row.ine.clear();
    } else if (header == u"Catégorie Candidat") {
        row.categoryLabel.clear();
        row.categoryCode.clear();
    } else if (header == u"Code Spécialité") {
        row.specialtyCode.clear();
    } else if (header == u"Spécialité") {
        row.specialtyLabel.clear();
    } else if (header == u"Etat") {
        row.state.clear();
    } else {
        row.extra.remove(header);
    }
}

} // namespace

QString uaiWithChecksum(const QString &sevenDigits)
{
    static const QString letters = QStringLiteral("ABCDEFGHJKLMNPRSTUVWXYZ");
    return sevenDigits + letters.at(sevenDigits.toInt() % 23);
}

GeneratedRoster generateRoster(const RosterGeneratorOptions &options)
{
    const bool academy = options.scope != RosterScope::Establishment;
    QStringList header;
    if (options.scope == RosterScope::AcademyUaiColumn)
        header << options.uaiColumnHeader;
    if (options.scope == RosterScope::AcademyEstablishmentColumn)
        header << establishmentHeader;
    QList<bool> kept(header.size(), true);
    for (const QString &name : standardHeader()) {
        kept << !options.omittedColumns.contains(name);
        header << name;
    }
    kept.resize(kept.size() + options.extraColumns.size(), true);
    header << options.extraColumns;

    const QString newline = options.crlf ? QStringLiteral("\r\n") : QStringLiteral("\n");
    const QString padding(header.size() - 1, QLatin1Char(';'));
    QStringList preamble = {options.session};
    if (!options.diplomaFamily.isEmpty())
        preamble << options.diplomaFamily;
    preamble << QStringLiteral("Listes simples")
             << (academy ? QStringLiteral("ACADÉMIE D'AIX-MARSEILLE")
                         : QStringLiteral("%1  (%2)").arg(options.establishmentName, options.uai))
             << QStringLiteral("Type d'édition : Liste simple")
             << QStringLiteral("Edité le ") + options.editedAt.toString(u"dd/MM/yyyy HH:mm");
    if (!options.criteria.isEmpty())
        preamble << QStringLiteral("Critères de recherche : ") + options.criteria;
    preamble << QStringLiteral("Critères de regroupement : Spécialité")
             << QStringLiteral("Critères de tri : Nom de famille, Prénom(s)");

    QString text;
    text.reserve(qsizetype(options.rowCount) * 220 + 4096);
    for (const QString &line : preamble)
        text += line + padding + newline;
    GeneratedRoster generated;
    generated.headerLine = int(preamble.size()) + 1;
    const auto appendKept = [&](const QStringList &cells) {
        bool first = true;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (!kept.at(c))
                continue;
            if (!first)
                text += QLatin1Char(';');
            text += cells.at(c);
            first = false;
        }
        text += newline;
    };
    appendKept(header);

    RowWriter writer(options);
    QStringList cells;
    int line = generated.headerLine + 1;
    generated.rows.reserve(options.rowCount);
    for (int i = 0; i < options.rowCount; ++i) {
        RosterRow row;
        writer.write(i, cells, row);
        if (academy) {
            const Establishment establishment =
                academyEstablishment(i % options.establishmentCount);
            row.uai = establishment.uai;
            if (options.scope == RosterScope::AcademyEstablishmentColumn) {
                row.establishmentName = establishment.name;
                cells.prepend(QStringLiteral("%1 (%2)").arg(establishment.name, establishment.uai));
            } else {
                cells.prepend(establishment.uai);
            }
        } else {
            row.uai = options.uai;
            row.establishmentName = options.establishmentName;
        }
        for (const QString &omitted : options.omittedColumns)
            forget(omitted, row);
        row.sourceLine = line;
        const qsizetype before = text.size();
        appendKept(cells);
        line += int(QStringView(text).sliced(before).count(u'\n'));
        generated.rows.append(std::move(row));
    }

    switch (options.encoding) {
    case TextEncoding::Utf8:
        generated.bytes = text.toUtf8();
        break;
    case TextEncoding::Utf8WithBom:
        generated.bytes = QByteArray("\xEF\xBB\xBF") + text.toUtf8();
        break;
    case TextEncoding::Windows1252:
        generated.bytes = QStringEncoder("windows-1252").encode(text);
        break;
    }
    return generated;
}

} // namespace pointage::testkit
