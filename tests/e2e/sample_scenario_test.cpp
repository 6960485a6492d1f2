// End to end: the real `pointage` binary through the bundled sample (samples/cyclades/ and
// scans/), checking every candidate's status, every exception, two schools' reports, a
// decision and its undo, and that running the whole job again changes nothing.
#include "QtPrinters.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <poppler-qt6.h>

namespace {

const QString asOf = QStringLiteral("2026-12-23");

struct CommandRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

class SampleScenario : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        ASSERT_TRUE(s_dir->isValid());
        const CommandRun imported = run(QStringList{QStringLiteral("import")} + rosterFiles());
        ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
        const CommandRun ingested =
            run({QStringLiteral("ingest"), source(QStringLiteral("scans"))});
        ASSERT_EQ(ingested.exitCode, 0) << ingested.err.toStdString();
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }

    static QString source(const QString &relative)
    {
        return QDir(QStringLiteral(POINTAGE_SOURCE_DIR)).filePath(relative);
    }
    static QStringList rosterFiles()
    {
        QStringList files;
        const QDir dir(source(QStringLiteral("samples/cyclades")));
        for (const QString &name :
             dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name))
            files.append(dir.filePath(name));
        return files;
    }

    static CommandRun run(const QStringList &arguments, const QByteArray &input = {},
                          const QString &ledger = QStringLiteral("ledger.sqlite"))
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("POINTAGE_DB"), s_dir->filePath(ledger));
        env.insert(QStringLiteral("POINTAGE_CONFIG"),
                   source(QStringLiteral("config/pointage.json")));
        env.insert(QStringLiteral("CI"), QStringLiteral("true"));
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(s_dir->path());
        process.start(QStringLiteral(POINTAGE_BINARY), arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(300000))
            return {};
        return {process.exitCode(), process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

    static QJsonDocument json(const QStringList &arguments)
    {
        const CommandRun r = run(arguments + QStringList{QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out);
    }

    static QHash<QString, QString> states()
    {
        QHash<QString, QString> result;
        for (const char *uai : {"0131234W", "0133456L", "0134567U", "0840012G"}) {
            const QJsonObject school =
                json({QStringLiteral("status"), QStringLiteral("--school"),
                      QString::fromLatin1(uai), QStringLiteral("--as-of"), asOf})
                    .object();
            for (const QJsonValue &c : school.value(QStringLiteral("candidateStatus")).toArray()) {
                const QJsonObject o = c.toObject();
                QString state = o.value(QStringLiteral("state")).toString();
                // What an incomplete dossier lacks is part of its expected state.
                if (state == QStringLiteral("incomplete")) {
                    for (const QJsonValue &m : o.value(QStringLiteral("missingPieces")).toArray())
                        state += QLatin1Char(' ') + m.toString();
                }
                result.insert(o.value(QStringLiteral("candidateNumber")).toString(), state);
            }
        }
        return result;
    }

    // "lot-002.pdf#14 unreadable_code" for every open exception.
    static QStringList exceptions()
    {
        QStringList list;
        for (const QJsonValue &v :
             json({QStringLiteral("exceptions"), QStringLiteral("--as-of"), asOf}).array()) {
            const QJsonObject o = v.toObject();
            list.append(QStringLiteral("%1#%2 %3")
                            .arg(QFileInfo(o.value(QStringLiteral("file")).toString()).fileName())
                            .arg(o.value(QStringLiteral("page")).toInt())
                            .arg(o.value(QStringLiteral("reason")).toString()));
        }
        list.sort();
        return list;
    }

    static QTemporaryDir *s_dir;
};

QTemporaryDir *SampleScenario::s_dir = nullptr;

const QHash<QString, QString> expectedStates{
    {"02270001001", "complete"},
    {"02270001002", "complete"},
    {"02270001003", "complete"},
    {"02270001004", "complete"},
    {"02270001005", "late_missing"},
    {"02270001006", "complete"},
    {"02270001007", "stale"},
    {"02270001008", "complete"},
    {"02270002001", "complete"},
    {"02270002002", "incomplete CFA"},
    {"02270002003", "received_late"},
    {"02270002004", "withdrawn_received"},
    {"02270003001", "complete"},
    {"02270003002", "incomplete FORMATION"},
    {"02270003003", "late_missing"},
    {"02270004001", "complete"},             // bordereau + confirmation
    {"02270004002", "without_confirmation"}, // bordereau alone
    {"02270004003", "late_missing"},
};

QString pdfText(const QString &path)
{
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(path);
    if (!doc)
        return {};
    QString text;
    for (int i = 0; i < doc->numPages(); ++i)
        text += doc->page(i)->text(QRectF());
    return text;
}

QString reportFile(const QString &dir, const QString &uai, const QString &suffix)
{
    const QStringList found =
        QDir(dir).entryList({uai + QStringLiteral("*") + suffix}, QDir::Files);
    return found.isEmpty() ? QString() : QDir(dir).filePath(found.first());
}

} // namespace

TEST_F(SampleScenario, EveryCandidateHasTheExpectedStatus)
{
    const QHash<QString, QString> actual = states();
    for (auto it = expectedStates.cbegin(); it != expectedStates.cend(); ++it)
        EXPECT_EQ(actual.value(it.key()), it.value()) << it.key().toStdString();
    EXPECT_EQ(actual.size(), expectedStates.size());
}

TEST_F(SampleScenario, EveryExceptionIsQueuedWithItsReason)
{
    const QStringList expected{
        "lot-001.pdf#11 foreign_code",       "lot-001.pdf#9 stale_version",
        "lot-002.pdf#14 unreadable_code",    "lot-002.pdf#15 in_dossier_of_exception",
        "lot-002.pdf#5 withdrawn_candidate", "lot-003.pdf#4 duplicate",
        "lot-003.pdf#5 unknown_candidate",
    };
    EXPECT_EQ(exceptions(), expected);
}

TEST_F(SampleScenario, BlankBacksAndUpsideDownPageAreRecognised)
{
    int blanks = 0;
    bool upsideDownRead = false;
    for (const QJsonValue &v :
         json({QStringLiteral("pages"), QStringLiteral("--as-of"), asOf}).array()) {
        const QJsonObject o = v.toObject();
        blanks += o.value(QStringLiteral("bucket")).toString() == QStringLiteral("blank");
        if (o.value(QStringLiteral("candidateNumber")).toString() ==
                QStringLiteral("02270001006") &&
            o.value(QStringLiteral("bucket")).toString() == QStringLiteral("confirmation"))
            upsideDownRead = true;
    }
    EXPECT_EQ(blanks, 2);
    EXPECT_TRUE(upsideDownRead);
}

TEST_F(SampleScenario, SchoolReportsHoldOnlyTheirOwnCandidates)
{
    const QString out = s_dir->filePath(QStringLiteral("reports"));
    const CommandRun r = run(
        {QStringLiteral("report"), QStringLiteral("--as-of"), asOf, QStringLiteral("--out"), out});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();

    const QString lycee =
        pdfText(reportFile(out, QStringLiteral("0131234W"), QStringLiteral(".pdf")));
    ASSERT_FALSE(lycee.isEmpty());
    EXPECT_TRUE(lycee.contains(QStringLiteral("ÉTIENNE"))); // confirmation missing
    EXPECT_TRUE(lycee.contains(QStringLiteral("OLIVIER"))); // stale version
    EXPECT_FALSE(lycee.contains(QStringLiteral("AUBERT"))); // complete: not chased
    for (const char *other : {"FABRE", "GARNIER", "PERRIN", "SANCHEZ"})
        EXPECT_FALSE(lycee.contains(QString::fromUtf8(other))) << other;

    QFile csv(reportFile(out, QStringLiteral("0133456L"), QStringLiteral(".csv")));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(bytes);
    EXPECT_TRUE(text.contains(QStringLiteral("FABRE")));   // CFA certificate missing
    EXPECT_TRUE(text.contains(QStringLiteral("GARNIER"))); // late
    for (const char *other : {"ÉTIENNE", "OLIVIER", "PERRIN", "SANCHEZ"})
        EXPECT_FALSE(text.contains(QString::fromUtf8(other))) << other;
    EXPECT_FALSE(QFileInfo(csv).permissions().testFlag(QFileDevice::ReadOther));
    EXPECT_TRUE(QFileInfo::exists(QDir(out).filePath(QStringLiteral("tableau-de-bord.html"))));
}

// A clerk re-prints one school's letter after the full run: only that school's files change.
TEST_F(SampleScenario, AScopedReportAfterAFullOneLeavesTheOtherSchoolsFilesAlone)
{
    const QString out = s_dir->filePath(QStringLiteral("reports-scoped"));
    ASSERT_EQ(run({QStringLiteral("report"), QStringLiteral("--as-of"), asOf,
                   QStringLiteral("--out"), out})
                  .exitCode,
              0);
    // A letter's PDF carries its creation time: compare what it says, and a CSV byte for byte.
    const auto textOf = [&out](const QString &name) {
        const QString path = QDir(out).filePath(name);
        if (name.endsWith(QStringLiteral(".pdf")))
            return pdfText(path);
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    QHash<QString, QString> before;
    for (const QString &name : QDir(out).entryList(QDir::Files))
        before.insert(name, textOf(name));
    const CommandRun scoped =
        run({QStringLiteral("report"), QStringLiteral("--as-of"), asOf, QStringLiteral("--school"),
             QStringLiteral("0131234W"), QStringLiteral("--out"), out});
    ASSERT_EQ(scoped.exitCode, 0) << scoped.err.toStdString();
    EXPECT_EQ(QDir(out).entryList(QDir::Files).size(), before.size());
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!it.key().startsWith(QStringLiteral("0131234W")))
            EXPECT_EQ(textOf(it.key()), it.value()) << it.key().toStdString();
    }
    const QString cfa =
        pdfText(reportFile(out, QStringLiteral("0133456L"), QStringLiteral(".pdf"))).simplified();
    EXPECT_FALSE(cfa.contains(QStringLiteral("Candidats inscrits 0")));
}

// Pointage's own CSV fed back to `import` (the mistake of the issue): refused, nothing changes.
TEST_F(SampleScenario, ImportRefusesPointagesOwnReportCsvAndChangesNothing)
{
    const QString out = s_dir->filePath(QStringLiteral("reports-foreign"));
    ASSERT_EQ(run({QStringLiteral("report"), QStringLiteral("--as-of"), asOf,
                   QStringLiteral("--out"), out})
                  .exitCode,
              0);
    const QHash<QString, QString> before = states();
    const CommandRun refused =
        run({QStringLiteral("import"),
             reportFile(out, QStringLiteral("0131234W"), QStringLiteral(".csv"))});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(
        QString::fromUtf8(refused.err).contains(QStringLiteral("n'est pas un export Cyclades")))
        << refused.err.toStdString();
    EXPECT_EQ(states(), before);
}

// An import undone: the candidate it withdrew is back, the registration it changed is the old
// one again; importing it anew brings the change back.
TEST_F(SampleScenario, AnImportUndoneRestoresTheRosterAndCanBeDoneAgain)
{
    const QString ledger = QStringLiteral("undo.sqlite");
    ASSERT_EQ(run(QStringList{QStringLiteral("import")} + rosterFiles(), {}, ledger).exitCode, 0);
    const QJsonArray imports =
        QJsonDocument::fromJson(
            run({QStringLiteral("imports"), QStringLiteral("--json")}, {}, ledger).out)
            .array();
    ASSERT_EQ(imports.size(), 6);
    // The last import is the CFA's update, which withdrew one candidate (02270002004).
    const QJsonObject last = imports.last().toObject();
    ASSERT_TRUE(last.value(QStringLiteral("file")).toString().contains(QStringLiteral("06-cfa")));
    const QString id = QString::number(last.value(QStringLiteral("id")).toInteger());
    const auto withdrawn = [&] {
        const QJsonArray all =
            QJsonDocument::fromJson(
                run({QStringLiteral("candidates"), QStringLiteral("--json")}, {}, ledger).out)
                .array();
        for (const QJsonValue &c : all) {
            if (c.toObject().value(QStringLiteral("candidateNumber")).toString() ==
                QStringLiteral("02270002004"))
                return c.toObject().value(QStringLiteral("withdrawn")).toBool();
        }
        ADD_FAILURE() << "02270002004 missing";
        return false;
    };
    ASSERT_TRUE(withdrawn());
    const CommandRun undone = run({QStringLiteral("undo-import"), id}, {}, ledger);
    ASSERT_EQ(undone.exitCode, 0) << undone.err.toStdString();
    EXPECT_FALSE(withdrawn());
    EXPECT_EQ(run({QStringLiteral("undo-import"), id}, {}, ledger).exitCode, 1); // already undone
    const CommandRun again =
        run({QStringLiteral("import"),
             source(QStringLiteral("samples/cyclades/06-cfa-metiers-de-bouche-maj.csv"))},
            {}, ledger);
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(withdrawn());
}

TEST_F(SampleScenario, DecisionWinsAndItsUndoRestoresTheAutomaticResult)
{
    const CommandRun assigned = run({QStringLiteral("assign"), QStringLiteral("lot-002.pdf#14"),
                                     QStringLiteral("02270003003")});
    ASSERT_EQ(assigned.exitCode, 0) << assigned.err.toStdString();
    EXPECT_NE(states().value(QStringLiteral("02270003003")), QStringLiteral("late_missing"));
    EXPECT_FALSE(exceptions().contains(QStringLiteral("lot-002.pdf#14 unreadable_code")));

    const QJsonArray decisions = json({QStringLiteral("decisions")}).array();
    ASSERT_FALSE(decisions.isEmpty());
    const QString id =
        QString::number(decisions.last().toObject().value(QStringLiteral("id")).toInteger());
    ASSERT_EQ(run({QStringLiteral("undo"), id}).exitCode, 0);
    EXPECT_EQ(states().value(QStringLiteral("02270003003")), QStringLiteral("late_missing"));
    EXPECT_TRUE(exceptions().contains(QStringLiteral("lot-002.pdf#14 unreadable_code")));
}

TEST_F(SampleScenario, RunningTheJobAgainChangesNothing)
{
    const QHash<QString, QString> before = states();
    const CommandRun imported = run(QStringList{QStringLiteral("import")} + rosterFiles());
    EXPECT_EQ(imported.exitCode, 0);
    EXPECT_TRUE(QString::fromUtf8(imported.out).contains(QStringLiteral("déjà importé")));
    const CommandRun ingested = run({QStringLiteral("ingest"), source(QStringLiteral("scans"))});
    EXPECT_EQ(ingested.exitCode, 0);
    EXPECT_TRUE(
        QString::fromUtf8(ingested.out).contains(QStringLiteral("0 fichier(s) enregistré(s)")));
    EXPECT_EQ(states(), before);
}

TEST_F(SampleScenario, ABordereauOpensTheDossierButNeverCountsAsTheSignedConfirmation)
{
    QStringList lot4;
    for (const QJsonValue &v :
         json({QStringLiteral("pages"), QStringLiteral("--as-of"), asOf}).array()) {
        const QJsonObject o = v.toObject();
        if (!o.value(QStringLiteral("file")).toString().endsWith(QStringLiteral("lot-004.pdf")))
            continue;
        lot4.append(o.value(QStringLiteral("bucket")).toString() + QLatin1Char(' ') +
                    o.value(QStringLiteral("candidateNumber")).toString());
    }
    // The confirmation behind its bordereau is no duplicate; the bordereau's dossier keeps its
    // supporting page.
    EXPECT_EQ(lot4, (QStringList{"cover_sheet 02270004001", "confirmation 02270004001",
                                 "cover_sheet 02270004002", "supporting 02270004002"}));

    const QString out = s_dir->filePath(QStringLiteral("reports-bordereaux"));
    ASSERT_EQ(run({QStringLiteral("report"), QStringLiteral("--as-of"), asOf,
                   QStringLiteral("--out"), out})
                  .exitCode,
              0);
    const QString letter =
        pdfText(reportFile(out, QStringLiteral("0840012G"), QStringLiteral(".pdf"))).simplified();
    EXPECT_TRUE(letter.contains(QStringLiteral("Dossiers reçus sans la confirmation d'inscription "
                                               "signée (1)")))
        << letter.toStdString();
    EXPECT_TRUE(letter.contains(QStringLiteral("TESSIER")));
    EXPECT_FALSE(letter.contains(QStringLiteral("SANCHEZ"))); // complete: not chased
}

TEST_F(SampleScenario, PrintedBordereauxAndSeparatorsAreReadBackByTheIngest)
{
    // A ledger of its own: these sheets must not change the other tests' scenario.
    const QString ledger = QStringLiteral("sheets.sqlite");
    const QString sheets = s_dir->filePath(QStringLiteral("sheets"));
    ASSERT_EQ(run(QStringList{QStringLiteral("import")} + rosterFiles(), {}, ledger).exitCode, 0);
    const CommandRun printed =
        run({QStringLiteral("bordereaux"), QStringLiteral("--school"), QStringLiteral("0133456L"),
             QStringLiteral("--out"), sheets + QStringLiteral("/bordereaux.pdf")},
            {}, ledger);
    ASSERT_EQ(printed.exitCode, 0) << printed.err.toStdString();
    ASSERT_EQ(run({QStringLiteral("separators"), QStringLiteral("--out"),
                   sheets + QStringLiteral("/intercalaires.pdf")},
                  {}, ledger)
                  .exitCode,
              0);
    const CommandRun ingested = run({QStringLiteral("ingest"), sheets}, {}, ledger);
    ASSERT_EQ(ingested.exitCode, 0) << ingested.err.toStdString();

    QStringList coverSheets;
    QStringList separators;
    const CommandRun pages = run({QStringLiteral("pages"), QStringLiteral("--json")}, {}, ledger);
    for (const QJsonValue &v : QJsonDocument::fromJson(pages.out).array()) {
        const QJsonObject o = v.toObject();
        const QString bucket = o.value(QStringLiteral("bucket")).toString();
        if (bucket == QStringLiteral("cover_sheet"))
            coverSheets.append(o.value(QStringLiteral("candidateNumber")).toString());
        else if (bucket == QStringLiteral("separator"))
            separators.append(o.value(QStringLiteral("pieceCode")).toString());
        else
            ADD_FAILURE() << "page " << o.value(QStringLiteral("page")).toInt() << " of "
                          << o.value(QStringLiteral("file")).toString().toStdString() << " is "
                          << bucket.toStdString();
    }
    // The CFA's active candidates (the withdrawn one gets no bordereau), in filing order.
    EXPECT_EQ(coverSheets, (QStringList{"02270002001", "02270002002", "02270002003"}));
    // Bordereaux alone are dossiers without the signed confirmation, never "complete".
    const QJsonObject school =
        QJsonDocument::fromJson(run({QStringLiteral("status"), QStringLiteral("--school"),
                                     QStringLiteral("0133456L"), QStringLiteral("--json")},
                                    {}, ledger)
                                    .out)
            .object();
    for (const QJsonValue &c : school.value(QStringLiteral("candidateStatus")).toArray()) {
        const QJsonObject o = c.toObject();
        if (coverSheets.contains(o.value(QStringLiteral("candidateNumber")).toString()))
            EXPECT_EQ(o.value(QStringLiteral("state")).toString(),
                      QStringLiteral("without_confirmation"));
    }
    separators.sort();
    EXPECT_EQ(separators,
              (QStringList{"AMENAGEMENT", "CFA", "DIPLOME", "FORMATION", "ID", "RELEVE"}));
}

TEST_F(SampleScenario, DeskRecordsWhatIsScannedAndSaysUnknownAndDuplicateCodesLoudly)
{
    const QString ledger = QStringLiteral("desk.sqlite");
    ASSERT_EQ(run(QStringList{QStringLiteral("import")} + rosterFiles(), {}, ledger).exitCode, 0);
    const CommandRun desk = run({QStringLiteral("desk")},
                                "02270002002\nPJ-CFA\n99999999999\n02270002002\nfin\n", ledger);
    ASSERT_EQ(desk.exitCode, 0) << desk.err.toStdString();
    const QString out = QString::fromUtf8(desk.out);
    EXPECT_TRUE(out.contains(QStringLiteral("FABRE")));
    EXPECT_TRUE(out.contains(QStringLiteral("CANDIDAT INCONNU")));
    EXPECT_TRUE(out.contains(QStringLiteral("DÉJÀ POINTÉ")));
    EXPECT_TRUE(out.contains(QLatin1Char('\a')));

    const CommandRun listed =
        run({QStringLiteral("decisions"), QStringLiteral("--json")}, {}, ledger);
    QStringList kinds;
    for (const QJsonValue &v : QJsonDocument::fromJson(listed.out).array())
        kinds.append(v.toObject().value(QStringLiteral("kind")).toString() + QLatin1Char(' ') +
                     v.toObject().value(QStringLiteral("candidateNumber")).toString() +
                     v.toObject().value(QStringLiteral("pieceCode")).toString());
    EXPECT_EQ(kinds,
              (QStringList{"receive_confirmation 02270002002", "receive_piece 02270002002CFA"}));
}
