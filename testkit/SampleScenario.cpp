#include "SampleScenario.h"

#include "PageBatch.h"
#include "PageDegradation.h"
#include "PagePainter.h"
#include "ScanPdfWriter.h"

#include <QDir>
#include <QFile>
#include <QStringConverter>

namespace pointage::testkit {

namespace {

struct School
{
    QString uai;
    QString name;
};

const School lp{QStringLiteral("0131234W"), QStringLiteral("LYCÉE PROFESSIONNEL LES ALPILLES")};
const School cfa{QStringLiteral("0133456L"), QStringLiteral("CFA DES MÉTIERS DE BOUCHE")};
const School greta{QStringLiteral("0134567U"), QStringLiteral("GRETA PROVENCE")};
const School prive{QStringLiteral("0840012G"), QStringLiteral("COURS PRIVÉ SAINT-ÉLOI")};

struct Candidate
{
    QString number;
    QString lastName;
    QString usageName;
    QString firstNames;
    QString birth;
    QString category; // "LABEL (CODE)"
    QString specialtyCode;
    QString specialtyLabel;
    int version = 1;
    QString dispenses; // extra column "Dispenses"
};

const QString scolaire = QStringLiteral("SCOLAIRE CAP EN 2 ANS (122)");
const QString apprenti = QStringLiteral("APPRENTI CAP EN 2 ANS (230)");
const QString individuel = QStringLiteral("INDIVIDUEL (510)");

QList<Candidate> lpCandidates(bool updated)
{
    QList<Candidate> list{
        {"02270001001", "AUBERT", "", "Léa", "14/03/2009", scolaire, "50022", "CUISINE", 1, ""},
        {"02270001002", "BÉRANGER", "", "Mathis Élie", "02/07/2008", scolaire, "50022", "CUISINE",
         1, "EP1"},
        {"02270001003", "D'ALMEIDA", "", "Inès", "30/11/2009", scolaire, "50022", "CUISINE", 1, ""},
        {"02270001004", "DURAND-LEFÈVRE", "MARTIN", "Noé", "21/01/2009", scolaire, "50022",
         "CUISINE", 1, ""},
        {"02270001005", "ÉTIENNE", "", "Chloé", "05/05/2009", scolaire, "50022", "CUISINE", 1, ""},
        {"02270001006", "N'DIAYE", "", "Awa", "18/09/2008", scolaire, "33422",
         "COMMERCIALISATION ET SERVICES EN HÔTEL-CAFÉ-RESTAURANT", 1, ""},
        {"02270001007", "OLIVIER", "", "Hugo", "09/12/2008", scolaire, "33422",
         "COMMERCIALISATION ET SERVICES EN HÔTEL-CAFÉ-RESTAURANT", updated ? 2 : 1, ""},
        {"2270001008", "ZÉNON", "", "Lucas", "27/04/2009", scolaire, "33422",
         "COMMERCIALISATION ET SERVICES EN HÔTEL-CAFÉ-RESTAURANT", 1, ""},
    };
    return list;
}

QList<Candidate> cfaCandidates(bool updated)
{
    QList<Candidate> list{
        {"02270002001", "CHEVALIER", "", "Théo", "11/02/2007", apprenti, "50024", "BOULANGER", 1,
         ""},
        {"02270002002", "FABRE", "", "Jade", "23/06/2007", apprenti, "50024", "BOULANGER", 1, ""},
        {"02270002003", "GARNIER", "", "Enzo", "07/10/2006", apprenti, "50025", "PÂTISSIER", 1, ""},
    };
    if (!updated)
        list.append({"02270002004", "MOREAU", "", "Lina", "15/08/2007", apprenti, "50025",
                     "PÂTISSIER", 1, ""});
    return list;
}

QList<Candidate> gretaCandidates()
{
    return {
        {"02270003001", "LAURENT", "BONNET", "Sophie", "03/03/1986", individuel, "50022", "CUISINE",
         1, ""},
        {"02270003002", "PERRIN", "", "Karim", "19/12/1979", individuel, "50022", "CUISINE", 1, ""},
        {"02270003003", "ROCHE", "", "Émilie", "28/02/1992", individuel, "50024", "BOULANGER", 1,
         ""},
    };
}

QList<Candidate> priveCandidates()
{
    return {
        {"02270004001", "SANCHEZ", "", "Maëlys", "12/04/2008", scolaire, "50022", "CUISINE", 1, ""},
        {"02270004002", "TESSIER", "", "Yanis", "01/09/2008", scolaire, "50022", "CUISINE", 1, ""},
        {"02270004003", "VIDAL", "", "Clément", "22/06/2008", scolaire, "50024", "BOULANGER", 1,
         ""},
    };
}

QString dash(const QString &value)
{
    return value.isEmpty() ? QStringLiteral(" -") : value;
}

// The Cyclades "Listes simples" layout: a padded preamble, then the header and rows.
QByteArray cycladesCsv(const School &school, const QList<Candidate> &candidates,
                       const QString &edited, bool windows1252)
{
    const QString pad = QStringLiteral(";;;;;;;;;;;;;;;");
    QStringList lines{
        QStringLiteral("Session 2027") + pad,
        QStringLiteral("CERTIFICAT D'APTITUDE PROFESSIONNEL") + pad,
        QStringLiteral("Listes simples") + pad,
        school.name + QStringLiteral("  (") + school.uai + QLatin1Char(')') + pad,
        QStringLiteral("Type d'édition : Liste simple") + pad,
        QStringLiteral("Edité le ") + edited + pad,
        QStringLiteral("Critères de recherche : Aucun") + pad,
        QStringLiteral("Critères de regroupement : Spécialité") + pad,
        QStringLiteral("Critères de tri : Nom de famille") + pad,
        QStringLiteral("Division de classe;N° Candidat;N° Inscription;N° Océan;Nom de famille;"
                       "Nom d'usage;Prénom(s);Date de Naissance;Division de classe;INE;"
                       "Catégorie Candidat;Code Spécialité;Spécialité;Etat;Enseignements;"
                       "Dispenses"),
    };
    int n = 0;
    for (const Candidate &c : candidates) {
        ++n;
        const QString division = c.category == individuel ? QString() : QStringLiteral("2CAP1");
        lines.append(QStringList{
            dash(division), c.number, QStringLiteral("%1 Version %2").arg(100 + n).arg(c.version),
            dash({}), c.lastName, dash(c.usageName), c.firstNames, c.birth, dash(division),
            QStringLiteral("%1K").arg(123456789 + n, 10, 10, QLatin1Char('0')), c.category,
            c.specialtyCode, QLatin1Char('\'') + c.specialtyLabel + QLatin1Char('\''),
            QStringLiteral("Inscrit"), QStringLiteral("'TEPC'"), dash(c.dispenses)}
                         .join(QLatin1Char(';')));
    }
    const QString text = lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
    if (windows1252) {
        QStringEncoder encoder("windows-1252");
        if (encoder.isValid())
            return encoder.encode(text);
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

struct SheetPlan
{
    PageSpec spec;
    Degradation scan;
};

class BatchBuilder
{
public:
    explicit BatchBuilder(quint32 seed) : m_seed(seed) {}

    void confirmation(const School &school, const Candidate &c, const QString &payload,
                      bool upsideDown = false, bool qr = false,
                      SignatureInk candidateInk = SignatureInk::Signed,
                      SignatureInk headInk = SignatureInk::Signed)
    {
        PageSpec spec;
        spec.kind = PageKind::Confirmation;
        spec.payload = payload;
        spec.withQrCode = qr;
        spec.candidateSignature = candidateInk;
        spec.headSignature = headInk;
        spec.candidateName = c.lastName + QLatin1Char(' ') + c.firstNames;
        spec.school = school.name + QStringLiteral(" (") + school.uai + QLatin1Char(')');
        spec.specialty = c.specialtyCode + QStringLiteral(" - CAP ") + c.specialtyLabel;
        add(spec, upsideDown);
    }
    void damagedConfirmation(const School &school, const Candidate &c)
    {
        PageSpec spec;
        spec.kind = PageKind::DamagedCode;
        spec.payload = c.number;
        spec.candidateName = c.lastName + QLatin1Char(' ') + c.firstNames;
        spec.school = school.name + QStringLiteral(" (") + school.uai + QLatin1Char(')');
        add(spec);
    }
    void coverSheet(const School &school, const Candidate &c)
    {
        PageSpec spec;
        spec.kind = PageKind::CoverSheet;
        spec.payload = QStringLiteral("BD-") + c.number;
        spec.candidateName = c.lastName + QLatin1Char(' ') + c.firstNames;
        spec.school = school.name + QStringLiteral(" (") + school.uai + QLatin1Char(')');
        spec.specialty = c.specialtyCode + QStringLiteral(" - CAP ") + c.specialtyLabel;
        add(spec);
    }
    void separator(const QString &piece)
    {
        PageSpec spec;
        spec.kind = PageKind::Separator;
        spec.payload = QStringLiteral("PJ-") + piece;
        add(spec);
    }
    void supporting() { add({}); }
    void blank()
    {
        PageSpec spec;
        spec.kind = PageKind::Blank;
        add(spec);
    }
    void foreign(const QString &ean13)
    {
        PageSpec spec;
        spec.kind = PageKind::ForeignCode;
        spec.payload = ean13;
        spec.symbology = Symbology::Ean13;
        add(spec);
    }

    bool write(const QString &path) const
    {
        constexpr int dpi = 150;
        ScanPdfWriter writer(PdfImageEncoding::GreyJpeg, 30);
        for (const SheetPlan &sheet : m_sheets)
            writer.addPage(degrade(drawPage(sheet.spec, dpi), sheet.scan), dpi);
        return writer.save(path);
    }

private:
    void add(PageSpec spec, bool upsideDown = false)
    {
        spec.variant = int(m_sheets.size());
        Degradation scan;
        scan.seed = m_seed + quint32(m_sheets.size());
        scan.paperGrey = 248;
        scan.skewDegrees = ((m_sheets.size() * 7) % 9 - 4) * 0.5; // -2° … +2°
        scan.upsideDown = upsideDown;
        m_sheets.append({spec, scan});
    }

    quint32 m_seed;
    QList<SheetPlan> m_sheets;
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

} // namespace

QStringList writeSampleScenario(const QString &rosterDir, const QString &scansDir)
{
    QDir().mkpath(rosterDir);
    QStringList written;
    auto save = [&](const QString &path, const QByteArray &bytes) {
        if (!writeFile(path, bytes))
            return false;
        written.append(path);
        return true;
    };
    const QDir roster(rosterDir);
    const QList<Candidate> lpFirst = lpCandidates(false);
    const QList<Candidate> lpLater = lpCandidates(true);
    const QList<Candidate> cfaFirst = cfaCandidates(false);
    const QList<Candidate> gretaList = gretaCandidates();
    if (!save(roster.filePath(QStringLiteral("01-lp-les-alpilles.csv")),
              cycladesCsv(lp, lpFirst, QStringLiteral("01/12/2026 08:30"), false)) ||
        !save(roster.filePath(QStringLiteral("02-cfa-metiers-de-bouche.csv")),
              cycladesCsv(cfa, cfaFirst, QStringLiteral("01/12/2026 08:45"), true)) ||
        !save(roster.filePath(QStringLiteral("03-greta-provence.csv")),
              cycladesCsv(greta, gretaList, QStringLiteral("01/12/2026 09:00"), false)) ||
        !save(roster.filePath(QStringLiteral("04-cours-prive-saint-eloi.csv")),
              cycladesCsv(prive, priveCandidates(), QStringLiteral("01/12/2026 09:10"), false)) ||
        // Re-exports after registrations closed: one version bump, one withdrawal.
        !save(roster.filePath(QStringLiteral("05-lp-les-alpilles-maj.csv")),
              cycladesCsv(lp, lpLater, QStringLiteral("09/12/2026 17:02"), false)) ||
        !save(roster.filePath(QStringLiteral("06-cfa-metiers-de-bouche-maj.csv")),
              cycladesCsv(cfa, cfaCandidates(true), QStringLiteral("09/12/2026 17:10"), true)))
        return {};

    const QDir scans(scansDir);
    auto batchPath = [&](const char *day, const char *name) {
        scans.mkpath(QString::fromLatin1(day));
        return scans.filePath(QString::fromLatin1(day) + QLatin1Char('/') +
                              QString::fromLatin1(name));
    };

    // 4 December: the lycée's dossiers.
    BatchBuilder first(100);
    first.confirmation(lp, lpFirst[0], lpFirst[0].number, false, true);
    first.blank();
    first.confirmation(lp, lpFirst[1], lpFirst[1].number);
    first.separator(QStringLiteral("DIPLOME"));
    first.supporting();
    first.confirmation(lp, lpFirst[2], lpFirst[2].number);
    first.confirmation(lp, lpFirst[3], lpFirst[3].number);
    first.confirmation(lp, lpFirst[5], lpFirst[5].number, true); // fed upside down
    first.confirmation(lp, lpFirst[6], lpFirst[6].number + QStringLiteral("-107V1"));
    first.confirmation(lp, lpFirst[7], QStringLiteral("0") + lpFirst[7].number);
    first.foreign(ean13WithCheckDigit(QStringLiteral("376012345678")));
    if (!first.write(batchPath("2026-12-04", "lot-001.pdf")))
        return {};
    written.append(batchPath("2026-12-04", "lot-001.pdf"));

    // 9 December: the CFA and the GRETA.
    BatchBuilder second(200);
    second.confirmation(cfa, cfaFirst[0], cfaFirst[0].number);
    second.separator(QStringLiteral("CFA"));
    second.supporting();
    second.confirmation(cfa, cfaFirst[1], cfaFirst[1].number);
    second.confirmation(cfa, cfaFirst[3], cfaFirst[3].number);
    // The candidate signed across the box's edge: the check leaves it to a person.
    second.confirmation(greta, gretaList[0], gretaList[0].number, false, false,
                        SignatureInk::OutsideBox);
    second.separator(QStringLiteral("ID"));
    second.supporting();
    second.separator(QStringLiteral("FORMATION"));
    second.supporting();
    second.confirmation(greta, gretaList[1], gretaList[1].number);
    second.separator(QStringLiteral("ID"));
    second.supporting();
    second.damagedConfirmation(greta, gretaList[2]);
    second.supporting();
    if (!second.write(batchPath("2026-12-09", "lot-002.pdf")))
        return {};
    written.append(batchPath("2026-12-09", "lot-002.pdf"));

    // 23 December, the day after the deadline: a late dossier, a duplicate, a stranger.
    BatchBuilder third(300);
    third.confirmation(cfa, cfaFirst[2], cfaFirst[2].number);
    third.separator(QStringLiteral("CFA"));
    third.supporting();
    third.confirmation(lp, lpFirst[7], QStringLiteral("0") + lpFirst[7].number);
    third.confirmation(lp, lpFirst[4], QStringLiteral("02279999999"));
    third.blank();
    if (!third.write(batchPath("2026-12-23", "lot-003.pdf")))
        return {};
    written.append(batchPath("2026-12-23", "lot-003.pdf"));

    // 15 December: the private school put Pointage's bordereaux on its dossiers. One holds the
    // signed confirmation behind its bordereau; the other came without it. A third
    // confirmation came without the head of school's signature.
    const QList<Candidate> priveList = priveCandidates();
    BatchBuilder fourth(400);
    fourth.coverSheet(prive, priveList[0]);
    fourth.confirmation(prive, priveList[0], priveList[0].number);
    fourth.coverSheet(prive, priveList[1]);
    fourth.supporting();
    // Signed by the candidate, not by the head of school: to be sent back signed.
    fourth.confirmation(prive, priveList[2], priveList[2].number, false, false,
                        SignatureInk::Signed, SignatureInk::Unsigned);
    if (!fourth.write(batchPath("2026-12-15", "lot-004.pdf")))
        return {};
    written.append(batchPath("2026-12-15", "lot-004.pdf"));
    return written;
}

} // namespace pointage::testkit
