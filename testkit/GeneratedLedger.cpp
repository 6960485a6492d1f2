#include "GeneratedLedger.h"

#include "RosterGenerator.h"
#include "RosterVocabulary.h"
#include "SnapshotBuilder.h"

#include <random>

namespace pointage::testkit {

namespace {

const QString kPieceCodes[] = {QStringLiteral("ID"), QStringLiteral("FORMATION"),
                               QStringLiteral("DIPLOME"), QStringLiteral("AMENAGEMENT")};

class LedgerGenerator
{
public:
    explicit LedgerGenerator(const GeneratedLedgerOptions &options)
        : m_options(options), m_random(options.seed)
    {}

    LedgerSnapshot generate()
    {
        addRoster();
        addScans();
        return m_builder.snapshot();
    }

private:
    bool chance(double probability)
    {
        return std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < probability;
    }

    template <class T> const T &pick(const QList<T> &list)
    {
        return list.at(std::uniform_int_distribution<qsizetype>(0, list.size() - 1)(m_random));
    }

    void addRoster()
    {
        for (int s = 0; s < m_options.schools; ++s) {
            const QString uai =
                uaiWithChecksum(QStringLiteral("013%1").arg(s, 4, 10, QLatin1Char('0')));
            m_uais.append(uai);
            m_builder.nameEstablishment(uai, pick(establishmentNames()));
        }
        for (int i = 0; i < m_options.candidates; ++i) {
            const QString number = QStringLiteral("0%1").arg(2027000000 + i);
            const QString &uai = m_uais.at(i * m_options.schools / m_options.candidates);
            RosterRow &row = m_builder.addCandidate(number, pick(familyNames()), uai);
            row.firstNames = pick(firstNames());
            const CodedLabel &category = pick(candidateCategories());
            row.categoryCode = category.code;
            row.categoryLabel = category.label;
            const CodedLabel &specialty = pick(capSpecialties());
            row.specialtyCode = specialty.code;
            row.specialtyLabel = specialty.label;
            row.version = chance(0.1) ? 2 : 1;
            if (chance(0.1))
                row.extra.insert(QStringLiteral("Dispenses"), QStringLiteral("Français"));
            m_numbers.append(number);
            if (chance(0.02))
                m_builder.withdraw(number);
        }
    }

    void addScans()
    {
        int pages = 0;
        int inFile = 0;
        for (int i = 0; i < m_numbers.size() && pages < m_options.pages; ++i) {
            if (!chance(0.85))
                continue;
            if (inFile == 0 || inFile > 150) {
                const int day = 1 + (pages * 24 / m_options.pages);
                m_builder.beginFile(QStringLiteral("scans/lot-%1.pdf").arg(pages),
                                    QDate(2026, 12, day));
                inFile = 0;
            }
            const int before = static_cast<int>(m_builder.snapshot().pages.size());
            addDossier(m_numbers.at(i));
            const int added = static_cast<int>(m_builder.snapshot().pages.size()) - before;
            pages += added;
            inFile += added;
        }
    }

    void addDossier(const QString &number)
    {
        const int version = chance(0.03) ? 1 : 2;
        const QString value = number + QStringLiteral(" 42 V%1").arg(version);
        qint64 confirmation = 0;
        if (chance(0.01))
            confirmation = m_builder.addUnreadable();
        else if (chance(0.005))
            confirmation = m_builder.addCodes({number.left(10) + QStringLiteral("9")});
        else
            confirmation = m_builder.addCodes({number, value});
        if (chance(0.01))
            m_builder.decide(DecisionKind::AssignConfirmation, confirmation, number);
        if (chance(0.01))
            m_builder.addCodes({value}); // the same confirmation twice
        m_builder.addBlank();
        const int supporting = std::uniform_int_distribution<int>(0, 2)(m_random);
        for (int p = 0; p < supporting; ++p) {
            if (chance(0.5))
                m_builder.addCodes({QStringLiteral("PJ-") + kPieceCodes[p % 4]});
            if (chance(0.005))
                m_builder.addCodes({QStringLiteral("DC04FR03AXT1")});
            else
                m_builder.addPlain();
        }
    }

    GeneratedLedgerOptions m_options;
    std::mt19937_64 m_random;
    SnapshotBuilder m_builder;
    QStringList m_uais;
    QStringList m_numbers;
};

} // namespace

LedgerSnapshot generatedLedger(const GeneratedLedgerOptions &options)
{
    return LedgerGenerator(options).generate();
}

} // namespace pointage::testkit
