// The clerk's day with signatures, through the real `pointage` binary on generated scans: one
// confirmation comes signed, one without the head of school's signature, one signed across
// its box. The unsigned one is asked back signed in the school's letter and CSV; the doubtful
// one waits in the queue (never in the letter) until a person looks at its crop and decides;
// a decision on a page that is no confirmation is refused; the confirmation sent back signed
// settles the candidate and is no duplicate, and is not called late when it comes after the
// closing date in answer to the letter.
#include "PageDegradation.h"
#include "PagePainter.h"
#include "ScanPdfWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <poppler-qt6.h>

using namespace pointage::testkit;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString letterTextOf(const QString &path)
{
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(path);
    QString text;
    for (int i = 0; doc && i < doc->numPages(); ++i)
        text += doc->page(i)->text(QRectF());
    return text.simplified();
}

class SignatureWorkflow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        const CliRun imported =
            run({QStringLiteral("import"),
                 QStringLiteral(POINTAGE_SOURCE_DIR "/samples/cyclades/"
                                                    "04-cours-prive-saint-eloi.csv")});
        ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    }

    CliRun run(const QStringList &arguments) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("POINTAGE_DB"), m_dir.filePath(QStringLiteral("ledger.sqlite")));
        env.insert(QStringLiteral("POINTAGE_CONFIG"),
                   QStringLiteral(POINTAGE_SOURCE_DIR "/config/pointage.json"));
        env.insert(QStringLiteral("CI"), QStringLiteral("true"));
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral(POINTAGE_BINARY), arguments);
        if (!process.waitForFinished(120000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    CliRun ingest(const QString &received, const QString &pdf) const
    {
        return run({QStringLiteral("ingest"), QStringLiteral("--received"), received, pdf});
    }

    // The private school's letter as of `asOf`, written afresh by `pointage report`.
    QString schoolLetter(const QString &asOf = QStringLiteral("2026-12-20")) const
    {
        const QString reports = m_dir.filePath(QStringLiteral("reports"));
        QDir(reports).removeRecursively();
        EXPECT_EQ(run({QStringLiteral("report"), QStringLiteral("--as-of"), asOf,
                       QStringLiteral("--out"), reports})
                      .exitCode,
                  0);
        const QStringList letters =
            QDir(reports).entryList({QStringLiteral("0840012G*.pdf")}, QDir::Files);
        EXPECT_EQ(letters.size(), 1);
        return letterTextOf(QDir(reports).filePath(letters.value(0)));
    }

    // Confirmations of the private school's candidates, drawn at 300 dpi and scanned.
    QString batch(const QString &name,
                  const QList<std::tuple<QString, SignatureInk, SignatureInk>> &confirmations,
                  bool withSupportingPage = false) const
    {
        ScanPdfWriter writer;
        quint32 seed = 11;
        for (const auto &[number, candidate, head] : confirmations) {
            PageSpec spec;
            spec.kind = PageKind::Confirmation;
            spec.payload = number;
            spec.candidateSignature = candidate;
            spec.headSignature = head;
            writer.addPage(degrade(drawPage(spec, 300), Degradation::typicalScan(seed++)), 300);
        }
        if (withSupportingPage)
            writer.addPage(drawPage(PageSpec{}, 300), 300);
        const QString path = m_dir.filePath(name);
        EXPECT_TRUE(writer.save(path));
        return path;
    }

    QHash<QString, QString> states(const QString &asOf = QStringLiteral("2026-12-20")) const
    {
        const CliRun r =
            run({QStringLiteral("status"), QStringLiteral("--school"), QStringLiteral("0840012G"),
                 QStringLiteral("--as-of"), asOf, QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QHash<QString, QString> states;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("candidateStatus"))
                                       .toArray()) {
            const QJsonObject o = v.toObject();
            states.insert(o.value(QStringLiteral("candidateNumber")).toString(),
                          o.value(QStringLiteral("state")).toString());
        }
        return states;
    }

    // Page id -> what needs a person, for every page of the queue.
    QHash<qint64, QString> queue() const
    {
        const CliRun r = run({QStringLiteral("exceptions"), QStringLiteral("--as-of"),
                              QStringLiteral("2026-12-20"), QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        QHash<qint64, QString> pages;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            pages.insert(o.value(QStringLiteral("pageId")).toInteger(),
                         o.value(QStringLiteral("attention")).toString());
        }
        return pages;
    }

    QTemporaryDir m_dir;
};

const QString kSanchez = QStringLiteral("02270004001");
const QString kTessier = QStringLiteral("02270004002");
const QString kVidal = QStringLiteral("02270004003");

} // namespace

TEST_F(SignatureWorkflow, UnsignedIsAskedBackDoubtfulWaitsForAPersonAndTheSignedCopySettles)
{
    const QString first = batch(QStringLiteral("lot-1.pdf"),
                                {{kSanchez, SignatureInk::Signed, SignatureInk::Signed},
                                 {kTessier, SignatureInk::Signed, SignatureInk::Unsigned},
                                 {kVidal, SignatureInk::OutsideBox, SignatureInk::Signed}},
                                true);
    const CliRun ingested = ingest(QStringLiteral("05/12/2026"), first);
    ASSERT_EQ(ingested.exitCode, 0) << ingested.err.toStdString();

    QHash<QString, QString> s = states();
    EXPECT_EQ(s.value(kSanchez), QStringLiteral("complete"));
    EXPECT_EQ(s.value(kTessier), QStringLiteral("unsigned_confirmation"));
    EXPECT_EQ(s.value(kVidal), QStringLiteral("signature_to_verify"));

    // Only the doubtful page waits for a person, and the text queue says how to look at it.
    const QHash<qint64, QString> waiting = queue();
    ASSERT_EQ(waiting.size(), 1);
    const qint64 doubtful = waiting.cbegin().key();
    EXPECT_EQ(waiting.cbegin().value(), QStringLiteral("signature_to_check"));
    const CliRun listed = run(
        {QStringLiteral("exceptions"), QStringLiteral("--as-of"), QStringLiteral("2026-12-20")});
    EXPECT_TRUE(listed.out.contains(QStringLiteral("pointage signature %1 --signee").arg(doubtful)))
        << listed.out.toStdString();

    // The letter asks the unsigned one back signed, and says nothing of the doubtful one.
    const QString letter = schoolLetter();
    EXPECT_TRUE(letter.contains(QStringLiteral("non signées, à renvoyer signées (1)")))
        << letter.toStdString();
    EXPECT_TRUE(letter.contains(QStringLiteral("TESSIER")));
    EXPECT_FALSE(letter.contains(QStringLiteral("VIDAL")));
    EXPECT_FALSE(letter.contains(QStringLiteral("SANCHEZ")));
    const QDir reports(m_dir.filePath(QStringLiteral("reports")));
    QFile csv(reports.filePath(
        reports.entryList({QStringLiteral("0840012G*.csv")}, QDir::Files).value(0)));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QString rows = QString::fromUtf8(csv.readAll());
    EXPECT_TRUE(rows.contains(QStringLiteral("non signée : à renvoyer signée")));
    EXPECT_FALSE(rows.contains(QStringLiteral("VIDAL")));

    // The clerk looks at the zone: a PNG only its owner can read.
    const CliRun shown = run({QStringLiteral("signature"), QString::number(doubtful),
                              QStringLiteral("--out"), m_dir.path()});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("à vérifier"))) << shown.out.toStdString();
    const QString crop =
        m_dir.filePath(QStringLiteral("signature-page-%1-candidat.png").arg(doubtful));
    EXPECT_TRUE(shown.out.contains(crop)) << shown.out.toStdString();
    const QImage picture(crop);
    ASSERT_FALSE(picture.isNull());
    EXPECT_GT(picture.width(), picture.height()); // the box, upright
    EXPECT_FALSE(QFileInfo(crop).permissions() & QFileDevice::ReadOther);

    // A clerk's slip: judging the supporting page (page 4) is refused, naming the page.
    const CliRun slip = run(
        {QStringLiteral("signature"), first + QStringLiteral("#4"), QStringLiteral("--signee")});
    EXPECT_NE(slip.exitCode, 0);
    EXPECT_TRUE(slip.err.contains(QStringLiteral("n'est pas une confirmation")))
        << slip.err.toStdString();
    EXPECT_TRUE(slip.err.contains(QStringLiteral("pointage exceptions"))) << "says what to do";

    // Signed, says the clerk: settled, gone from the queue; undone: back as it was.
    const CliRun judged =
        run({QStringLiteral("signature"), QString::number(doubtful), QStringLiteral("--signee")});
    ASSERT_EQ(judged.exitCode, 0) << judged.err.toStdString();
    EXPECT_EQ(states().value(kVidal), QStringLiteral("complete"));
    EXPECT_TRUE(queue().isEmpty());
    const QString decision =
        judged.out.section(QStringLiteral("décision n° "), 1).section(QLatin1Char(','), 0, 0);
    ASSERT_EQ(run({QStringLiteral("undo"), decision}).exitCode, 0);
    EXPECT_EQ(states().value(kVidal), QStringLiteral("signature_to_verify"));

    // The school sends Tessier's confirmation back, signed: complete, and no duplicate.
    const QString second = batch(QStringLiteral("lot-2.pdf"),
                                 {{kTessier, SignatureInk::Signed, SignatureInk::Signed}});
    ASSERT_EQ(ingest(QStringLiteral("12/12/2026"), second).exitCode, 0);
    s = states();
    EXPECT_EQ(s.value(kTessier), QStringLiteral("complete"));
    EXPECT_EQ(queue().size(), 1); // still only the doubtful page
}

// A confirmation whose barcode cannot be read, only its 2D code: the signature boxes cannot be
// placed, so the page waits for the clerk (never a request to the school on a guess); the
// clerk is told to look at the page itself, and the verdict decides the letter.
TEST_F(SignatureWorkflow, AConfirmationReadFromIts2DCodeOnlyWaitsForTheClerkNotTheSchool)
{
    ScanPdfWriter writer;
    PageSpec spec;
    spec.kind = PageKind::Confirmation;
    spec.payload = kTessier;
    spec.symbology = Symbology::QRCode;
    spec.headSignature = SignatureInk::Unsigned;
    writer.addPage(degrade(drawPage(spec, 300), Degradation::typicalScan(5)), 300);
    const QString lot = m_dir.filePath(QStringLiteral("lot-qr.pdf"));
    ASSERT_TRUE(writer.save(lot));
    ASSERT_EQ(ingest(QStringLiteral("05/12/2026"), lot).exitCode, 0);

    EXPECT_EQ(states().value(kTessier), QStringLiteral("signature_to_verify"));
    const QHash<qint64, QString> waiting = queue();
    ASSERT_EQ(waiting.size(), 1);
    EXPECT_EQ(waiting.cbegin().value(), QStringLiteral("signature_to_check"));
    const qint64 page = waiting.cbegin().key();

    const CliRun shown = run({QStringLiteral("signature"), QString::number(page),
                              QStringLiteral("--out"), m_dir.path()});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("code-barres illisible ou mal situé")))
        << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("regardez la signature sur la page elle-même")))
        << shown.out.toStdString();
    EXPECT_FALSE(shown.out.contains(QStringLiteral("zone à regarder"))) << "no crop to show";

    // Received, and the clerk's to judge: the letter neither asks it back nor calls it missing.
    const QString waitingLetter = schoolLetter();
    EXPECT_FALSE(waitingLetter.contains(QStringLiteral("à renvoyer signées (")))
        << waitingLetter.toStdString();
    EXPECT_FALSE(waitingLetter.contains(QStringLiteral("TESSIER"))) << waitingLetter.toStdString();

    // The clerk looks at the sheet: the head of school did not sign. Now the school is asked.
    ASSERT_EQ(
        run({QStringLiteral("signature"), QString::number(page), QStringLiteral("--non-signee")})
            .exitCode,
        0);
    EXPECT_EQ(states().value(kTessier), QStringLiteral("unsigned_confirmation"));
    const QString asked = schoolLetter();
    EXPECT_TRUE(asked.contains(QStringLiteral("non signées, à renvoyer signées (1)")))
        << asked.toStdString();
    EXPECT_TRUE(asked.contains(QStringLiteral("TESSIER")));
}

// The letter of 23 December asks Tessier's confirmation back signed by a new date; it comes on
// the 28th. The next letter must not call that dossier late: it was returned on 5 December.
// Vidal's, first sent on the 28th, was late, and is listed as such.
TEST_F(SignatureWorkflow, ASignatureSentOnRequestAfterTheClosingDateIsNoLateReturn)
{
    ASSERT_EQ(ingest(QStringLiteral("05/12/2026"),
                     batch(QStringLiteral("lot-1.pdf"),
                           {{kSanchez, SignatureInk::Signed, SignatureInk::Signed},
                            {kTessier, SignatureInk::Signed, SignatureInk::Unsigned}}))
                  .exitCode,
              0);
    const QString asked = schoolLetter(QStringLiteral("2026-12-23"));
    EXPECT_TRUE(asked.contains(QStringLiteral("non signées, à renvoyer signées (1)")))
        << asked.toStdString();
    EXPECT_TRUE(asked.contains(QStringLiteral("au plus tard le 31 décembre 2026")))
        << asked.toStdString();

    ASSERT_EQ(ingest(QStringLiteral("28/12/2026"),
                     batch(QStringLiteral("lot-2.pdf"),
                           {{kTessier, SignatureInk::Signed, SignatureInk::Signed},
                            {kVidal, SignatureInk::Signed, SignatureInk::Signed}}))
                  .exitCode,
              0);
    const QHash<QString, QString> s = states(QStringLiteral("2027-01-04"));
    EXPECT_EQ(s.value(kTessier), QStringLiteral("complete"));
    EXPECT_EQ(s.value(kVidal), QStringLiteral("received_late"));
    const QString next = schoolLetter(QStringLiteral("2027-01-04"));
    EXPECT_TRUE(next.contains(QStringLiteral("après la date de clôture (1)")))
        << next.toStdString();
    EXPECT_TRUE(next.contains(QStringLiteral("VIDAL")));
    EXPECT_FALSE(next.contains(QStringLiteral("TESSIER"))) << next.toStdString();
    EXPECT_FALSE(next.contains(QStringLiteral("à renvoyer signées (")));
}
