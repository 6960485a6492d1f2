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

    static QProcessEnvironment environment(const QString &ledger)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("POINTAGE_DB"), s_dir->filePath(ledger));
        env.insert(QStringLiteral("POINTAGE_CONFIG"),
                   source(QStringLiteral("config/pointage.json")));
        env.insert(QStringLiteral("CI"), QStringLiteral("true"));
        return env;
    }

    static CommandRun run(const QStringList &arguments, const QByteArray &input = {},
                          const QString &ledger = QStringLiteral("ledger.sqlite"))
    {
        return runIn(environment(ledger), s_dir->path(), arguments, input);
    }

    static CommandRun runIn(const QProcessEnvironment &env, const QString &workingDirectory,
                            const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(workingDirectory);
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
                            .arg(o.value(QStringLiteral("attention")).toString()));
        }
        list.sort();
        return list;
    }

    // The open exception at "lot-001.pdf#11", as `exceptions --json` gives it.
    static QJsonObject exceptionAt(const QString &filePage)
    {
        for (const QJsonValue &v :
             json({QStringLiteral("exceptions"), QStringLiteral("--as-of"), asOf}).array()) {
            const QJsonObject o = v.toObject();
            if (QStringLiteral("%1#%2")
                    .arg(QFileInfo(o.value(QStringLiteral("file")).toString()).fileName())
                    .arg(o.value(QStringLiteral("page")).toInt()) == filePage)
                return o;
        }
        ADD_FAILURE() << "no exception at " << filePage.toStdString();
        return {};
    }

    // The block `exceptions` prints for one page: its line and the indented lines below it.
    static QString exceptionBlock(const QString &text, qint64 pageId)
    {
        const QString head = QStringLiteral("[n° %1] ").arg(pageId);
        const int start = text.indexOf(head);
        if (start < 0)
            return {};
        const int next = text.indexOf(QStringLiteral("\n["), start);
        const int end = next < 0 ? text.indexOf(QStringLiteral("\n\n"), start) : next;
        return text.mid(start, end < 0 ? -1 : end - start);
    }

    static QJsonObject candidate(const QString &number)
    {
        for (const QJsonValue &v : json({QStringLiteral("candidates")}).array()) {
            if (v.toObject().value(QStringLiteral("candidateNumber")).toString() == number)
                return v.toObject();
        }
        ADD_FAILURE() << "no candidate " << number.toStdString();
        return {};
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
    {"02270003001", "signature_to_verify"}, // signed across the box's edge: a person looks
    {"02270003002", "incomplete FORMATION"},
    {"02270003003", "late_missing"},
    {"02270004001", "complete"},              // bordereau + confirmation
    {"02270004002", "without_confirmation"},  // bordereau alone
    {"02270004003", "unsigned_confirmation"}, // the head of school did not sign
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
        "lot-002.pdf#5 withdrawn_candidate", "lot-002.pdf#6 signature_to_check",
        "lot-003.pdf#4 duplicate",           "lot-003.pdf#5 unknown_candidate",
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
                                 "cover_sheet 02270004002", "supporting 02270004002",
                                 "confirmation 02270004003"}));

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
    const CommandRun desk =
        run({QStringLiteral("desk"), QStringLiteral("--date"), QStringLiteral("09/12/2026")},
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
    for (const QJsonValue &v : QJsonDocument::fromJson(listed.out).array())
        EXPECT_EQ(v.toObject().value(QStringLiteral("date")).toString(),
                  QStringLiteral("2026-12-09"));
}

TEST_F(SampleScenario, DeskWarnsOnRepeatedAndUnowedPiecesUndoesAndFindsNames)
{
    const QString ledger = QStringLiteral("desk-more.sqlite");
    ASSERT_EQ(run(QStringList{QStringLiteral("import")} + rosterFiles(), {}, ledger).exitCode, 0);
    const QString fabre =
        candidate(QStringLiteral("02270002002")).value(QStringLiteral("lastName")).toString();
    const CommandRun desk =
        run({QStringLiteral("desk"), QStringLiteral("--date"), QStringLiteral("2026-12-09")},
            "02270002002\nPJ-CFA\nPJ-CFA\nPJ-DIPLOME\nannuler\n" + fabre.toLower().toUtf8() +
                "\nZZZZZ\nfin\n",
            ledger);
    ASSERT_EQ(desk.exitCode, 0) << desk.err.toStdString();
    const QString out = QString::fromUtf8(desk.out);
    EXPECT_TRUE(out.contains(QStringLiteral("DÉJÀ POINTÉE"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("PIÈCE NON DEMANDÉE")));
    EXPECT_TRUE(out.contains(QStringLiteral("annulé")));
    EXPECT_TRUE(out.contains(QStringLiteral("AUCUN CANDIDAT")));
    EXPECT_TRUE(out.contains(QStringLiteral("(0133456L)"))); // the school beside the name

    const CommandRun listed =
        run({QStringLiteral("decisions"), QStringLiteral("--json")}, {}, ledger);
    QStringList kinds;
    for (const QJsonValue &v : QJsonDocument::fromJson(listed.out).array())
        kinds.append(v.toObject().value(QStringLiteral("kind")).toString() + QLatin1Char(' ') +
                     v.toObject().value(QStringLiteral("pieceCode")).toString());
    EXPECT_EQ(kinds, (QStringList{"receive_confirmation ", "receive_piece CFA"}));

    const CommandRun text = run({QStringLiteral("decisions")}, {}, ledger);
    EXPECT_TRUE(QString::fromUtf8(text.out).contains(fabre));
    EXPECT_FALSE(text.out.contains("receive_")) << text.out.toStdString();
}

TEST_F(SampleScenario, StaleExceptionAsksForTheCurrentVersionInsteadOfAnAssignment)
{
    const QJsonObject stale = exceptionAt(QStringLiteral("lot-001.pdf#9"));
    const qint64 id = stale.value(QStringLiteral("pageId")).toInteger();
    const CommandRun listed = run(
        {QStringLiteral("exceptions"), QStringLiteral("--as-of"), QStringLiteral("23/12/2026")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    const QString block = exceptionBlock(QString::fromUtf8(listed.out), id);
    EXPECT_TRUE(block.contains(QStringLiteral("confirmation signée de la version en cours")))
        << block.toStdString();
    EXPECT_FALSE(block.contains(QStringLiteral("pointage assign"))) << block.toStdString();
    const QString number = stale.value(QStringLiteral("candidateNumber")).toString();
    const QJsonObject who = candidate(number);
    EXPECT_TRUE(block.contains(who.value(QStringLiteral("lastName")).toString()));
    EXPECT_TRUE(
        block.contains(QStringLiteral("(%1)").arg(who.value(QStringLiteral("uai")).toString())));
}

TEST_F(SampleScenario, ForeignCodeIsSuggestedAsAPieceOrToBeIgnored)
{
    const QJsonObject foreign = exceptionAt(QStringLiteral("lot-001.pdf#11"));
    const qint64 id = foreign.value(QStringLiteral("pageId")).toInteger();
    const CommandRun listed = run({QStringLiteral("exceptions"), QStringLiteral("--as-of"), asOf});
    const QString block = exceptionBlock(QString::fromUtf8(listed.out), id);
    EXPECT_TRUE(block.contains(QStringLiteral("--piece"))) << block.toStdString();
    EXPECT_TRUE(block.contains(QStringLiteral("pointage ignore %1").arg(id)))
        << block.toStdString();
    for (const QString &line : block.split(QLatin1Char('\n'))) {
        if (line.contains(QStringLiteral("pointage assign")))
            EXPECT_TRUE(line.contains(QStringLiteral("--piece"))) << line.toStdString();
    }
    QStringList advice;
    for (const QJsonValue &a : foreign.value(QStringLiteral("advice")).toArray())
        advice.append(a.toObject().value(QStringLiteral("kind")).toString());
    EXPECT_FALSE(advice.contains(QStringLiteral("assign_confirmation")));
    EXPECT_TRUE(advice.contains(QStringLiteral("ignore_page")));
}

TEST_F(SampleScenario, AssignRefusesAnotherCandidatesConfirmationUnlessForced)
{
    const QString page = QStringLiteral("lot-001.pdf#1");
    QString owner;
    for (const QJsonValue &v : json({QStringLiteral("pages"), QStringLiteral("lot-001.pdf"),
                                     QStringLiteral("--as-of"), asOf})
                                   .array()) {
        if (v.toObject().value(QStringLiteral("page")).toInt() == 1)
            owner = v.toObject().value(QStringLiteral("candidateNumber")).toString();
    }
    ASSERT_FALSE(owner.isEmpty());
    const QString other = owner == QStringLiteral("02270003003") ? QStringLiteral("02270003002")
                                                                 : QStringLiteral("02270003003");
    const QHash<QString, QString> before = states();

    const CommandRun refused = run({QStringLiteral("assign"), page, other});
    EXPECT_EQ(refused.exitCode, 1);
    const QString err = QString::fromUtf8(refused.err);
    const QJsonObject who = candidate(owner);
    EXPECT_TRUE(err.contains(owner)) << err.toStdString();
    EXPECT_TRUE(err.contains(who.value(QStringLiteral("lastName")).toString()));
    EXPECT_TRUE(err.contains(who.value(QStringLiteral("uai")).toString()));
    EXPECT_TRUE(err.contains(QStringLiteral("--force")));
    EXPECT_EQ(states(), before);

    const CommandRun forced =
        run({QStringLiteral("assign"), page, other, QStringLiteral("--force")});
    ASSERT_EQ(forced.exitCode, 0) << forced.err.toStdString();
    EXPECT_NE(states(), before);
    const QJsonArray decisions = json({QStringLiteral("decisions")}).array();
    ASSERT_FALSE(decisions.isEmpty());
    const QString id =
        QString::number(decisions.last().toObject().value(QStringLiteral("id")).toInteger());
    ASSERT_EQ(run({QStringLiteral("undo"), id}).exitCode, 0);
    EXPECT_EQ(states(), before);
}

TEST_F(SampleScenario, StrictArgumentsAreRefusedInFrenchWithExitCode2)
{
    static const struct
    {
        QStringList arguments;
        const char *said; // a French word the message must hold
    } cases[] = {
        {{"status", "--bogus"}, "bogus"},
        {{"status", "extra"}, "en trop"},
        {{"exceptions", "extra"}, "en trop"},
        {{"assign", "1", "02270001001", "extra"}, "en trop"},
        {{"assign", "1"}, "manque"},
        {{"ingest", "--jobs", "deux"}, "--jobs"},
        {{"journal", "--limit", "x"}, "--limit"},
        {{"pages", "inconnu.pdf"}, "inconnu.pdf"},
        {{"candidates", "--school", "0000000A"}, "0000000A"},
        {{"receive", "02270001001", "--date", "09/12/2025"}, "session"},
        {{"receive", "02270001001", "--date", "31/11/2026"}, "JJ/MM/AAAA"},
        {{"status", "--as-of", "demain"}, "JJ/MM/AAAA"},
        {{"report", "--as-of"}, "as-of"},
    };
    const QStringList decisionsBefore = QStringList{
        QString::fromUtf8(run({QStringLiteral("decisions"), QStringLiteral("--json")}).out)};
    for (const auto &c : cases) {
        const CommandRun r = run(c.arguments);
        const QString err = QString::fromUtf8(r.err);
        EXPECT_EQ(r.exitCode, 2) << c.arguments.join(' ').toStdString() << "\n"
                                 << err.toStdString();
        EXPECT_TRUE(err.contains(QString::fromUtf8(c.said))) << err.toStdString();
        EXPECT_FALSE(err.contains(QStringLiteral("Unknown")) ||
                     err.contains(QStringLiteral("Missing")))
            << err.toStdString();
    }
    EXPECT_EQ(QStringList{QString::fromUtf8(
                  run({QStringLiteral("decisions"), QStringLiteral("--json")}).out)},
              decisionsBefore);
}

TEST_F(SampleScenario, GlobalOptionsMayComeBeforeTheCommand)
{
    const CommandRun r =
        run({QStringLiteral("--db"), s_dir->filePath(QStringLiteral("ledger.sqlite")),
             QStringLiteral("--json"), QStringLiteral("status"), QStringLiteral("--as-of"), asOf},
            {}, QStringLiteral("elsewhere.sqlite"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const CommandRun usual =
        run({QStringLiteral("status"), QStringLiteral("--as-of"), asOf, QStringLiteral("--json")});
    EXPECT_EQ(r.out, usual.out);
    EXPECT_FALSE(QFileInfo::exists(s_dir->filePath(QStringLiteral("elsewhere.sqlite"))));
}

TEST_F(SampleScenario, DatesAreAcceptedAsJJMMAAAA)
{
    const CommandRun iso =
        run({QStringLiteral("status"), QStringLiteral("--as-of"), asOf, QStringLiteral("--json")});
    const CommandRun french = run({QStringLiteral("status"), QStringLiteral("--as-of"),
                                   QStringLiteral("23/12/2026"), QStringLiteral("--json")});
    ASSERT_EQ(french.exitCode, 0) << french.err.toStdString();
    EXPECT_EQ(french.out, iso.out);
}

TEST_F(SampleScenario, IngestSaysTheReceivedDateItUsedAndWarnsAboutIt)
{
    const QString loose = s_dir->filePath(QStringLiteral("loose"));
    QDir().mkpath(loose);
    const QString copy = QDir(loose).filePath(QStringLiteral("lot-001.pdf"));
    ASSERT_TRUE(QFile::copy(source(QStringLiteral("scans/2026-12-04/lot-001.pdf")), copy));

    const CommandRun today =
        run({QStringLiteral("ingest"), copy}, {}, QStringLiteral("dates-today.sqlite"));
    ASSERT_EQ(today.exitCode, 0) << today.err.toStdString();
    const QString todayText = QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy"));
    EXPECT_TRUE(QString::fromUtf8(today.out).contains(QStringLiteral("reçu(s) le ") + todayText))
        << today.out.toStdString();
    EXPECT_TRUE(QString::fromUtf8(today.err).contains(QStringLiteral("aujourd'hui")))
        << today.err.toStdString();

    const CommandRun late = run({QStringLiteral("ingest"), copy, QStringLiteral("--received"),
                                 QStringLiteral("23/12/2026")},
                                {}, QStringLiteral("dates-late.sqlite"));
    ASSERT_EQ(late.exitCode, 0) << late.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(late.out).contains(QStringLiteral("reçu(s) le 23/12/2026")));
    EXPECT_TRUE(QString::fromUtf8(late.err).contains(QStringLiteral("date limite")))
        << late.err.toStdString();
    EXPECT_FALSE(QString::fromUtf8(late.err).contains(QStringLiteral("aujourd'hui")));
}

TEST_F(SampleScenario, WithoutAConfigurationItSaysHowToGetOne)
{
    QTemporaryDir elsewhere;
    ASSERT_TRUE(elsewhere.isValid());
    QProcessEnvironment env = environment(QStringLiteral("unused.sqlite"));
    env.remove(QStringLiteral("POINTAGE_CONFIG"));
    env.remove(QStringLiteral("POINTAGE_DB"));
    const CommandRun r = runIn(env, elsewhere.path(), {QStringLiteral("status")});
    EXPECT_EQ(r.exitCode, 1);
    const QString err = QString::fromUtf8(r.err);
    EXPECT_TRUE(err.contains(QStringLiteral("pointage init"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("--config")));

    const CommandRun fresh =
        runIn(env, elsewhere.path(),
              {QStringLiteral("--config"), source(QStringLiteral("config/pointage.json")),
               QStringLiteral("status")});
    EXPECT_EQ(fresh.exitCode, 0) << fresh.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(fresh.err).contains(QStringLiteral("nouveau registre vide")))
        << fresh.err.toStdString();
    EXPECT_EQ(fresh.err.count('\n'), 1) << fresh.err.toStdString();
}

TEST_F(SampleScenario, HelpAndMessagesAreFrenchAndNameTheCommand)
{
    const CommandRun help = run({QStringLiteral("ingest"), QStringLiteral("--help")});
    ASSERT_EQ(help.exitCode, 0);
    const QString text = QString::fromUtf8(help.out);
    EXPECT_TRUE(text.contains(QStringLiteral("pointage ingest [options]"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral(POINTAGE_BINARY)));
    EXPECT_FALSE(text.contains(QStringLiteral("Displays help"))) << text.toStdString();
}

// A clerk asks about a batch as of a day before it arrived: told why nothing is listed.
TEST_F(SampleScenario, PagesOfABatchReceivedLaterSayWhyNoneIsListed)
{
    const CommandRun r = run({QStringLiteral("pages"), QStringLiteral("lot-004.pdf"),
                              QStringLiteral("--as-of"), QStringLiteral("2026-12-10")});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
    EXPECT_TRUE(QString::fromUtf8(r.err).contains(QStringLiteral("reçu plus tard")))
        << r.err.toStdString();
}
