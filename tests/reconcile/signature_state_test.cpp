// How the signature check and people's verdicts make a candidate's state: one unsigned zone
// makes the confirmation unsigned (asked back signed), a doubtful one puts it before a person
// (never the school), a person's verdict wins, and the copy sent back signed counts — it is
// neither a duplicate nor outweighed by the unsigned one.
#include "ReconcileFixtures.h"
#include "SnapshotBuilder.h"
#include "pointage/SchoolReminder.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testfixtures;
using pointage::testkit::SnapshotBuilder;

namespace {

const QString kSigner = QStringLiteral("01300000009");

// A confirmation page whose zones the check judged as given.
PageRead confirmationRead(std::initializer_list<SignatureFinding> findings)
{
    PageRead read;
    read.codes.append({QStringLiteral("Code128"), kSigner, 0});
    read.signatureDpi = 150;
    int zone = 0;
    for (const SignatureFinding finding : findings) {
        ZoneReading reading;
        reading.key = QStringLiteral("zone%1").arg(++zone);
        reading.finding = finding;
        read.signatures.append(reading);
    }
    return read;
}

constexpr auto kSigned = {SignatureFinding::Handwriting, SignatureFinding::StampAccepted};
constexpr auto kUnsigned = {SignatureFinding::Handwriting, SignatureFinding::EmptyBox};
constexpr auto kDoubtful = {SignatureFinding::MostlyOutside, SignatureFinding::Handwriting};
constexpr auto kUnchecked = std::initializer_list<SignatureFinding>{};

} // namespace

TEST(SignatureState, TheCopiesAndVerdictsMakeTheState)
{
    enum Verdict { None, Signed, Unsigned };
    const struct
    {
        const char *name;
        std::initializer_list<std::initializer_list<SignatureFinding>> copies; // by arrival
        Verdict personOnFirst;
        const char *state;
        const char *firstPage; // what the first copy's page became
    } cases[] = {
        {"signed", {kSigned}, None, "complete", "confirmation"},
        {"read before the check existed", {kUnchecked}, None, "complete", "confirmation"},
        {"one zone empty", {kUnsigned}, None, "unsigned_confirmation", "confirmation"},
        {"a stamp where a hand is needed",
         {{SignatureFinding::Handwriting, SignatureFinding::StampWithoutHand}},
         None,
         "unsigned_confirmation",
         "confirmation"},
        {"unsigned beats doubtful",
         {{SignatureFinding::FaintOrShort, SignatureFinding::EmptyBox}},
         None,
         "unsigned_confirmation",
         "confirmation"},
        {"doubtful", {kDoubtful}, None, "signature_to_verify", "confirmation"},
        {"doubtful, judged signed", {kDoubtful}, Signed, "complete", "confirmation"},
        {"doubtful, judged unsigned",
         {kDoubtful},
         Unsigned,
         "unsigned_confirmation",
         "confirmation"},
        {"judged unsigned over the check",
         {kSigned},
         Unsigned,
         "unsigned_confirmation",
         "confirmation"},
        {"unsigned, then sent back signed", {kUnsigned, kSigned}, None, "complete", "confirmation"},
        {"doubtful, then a signed copy", {kDoubtful, kSigned}, None, "complete", "confirmation"},
        {"signed, then another copy", {kSigned, kSigned}, None, "complete", "confirmation"},
        {"unsigned twice", {kUnsigned, kUnsigned}, None, "unsigned_confirmation", "confirmation"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        SnapshotBuilder builder;
        builder.addCandidate(kSigner);
        QList<qint64> pages;
        int day = 3;
        for (const auto &findings : c.copies) {
            builder.beginFile(QStringLiteral("lot-%1.pdf").arg(day), december(day));
            pages.append(builder.addPage(confirmationRead(findings)));
            day += 4;
        }
        if (c.personOnFirst != None)
            builder.decide(c.personOnFirst == Signed ? DecisionKind::SignatureSigned
                                                     : DecisionKind::SignatureUnsigned,
                           pages.first(), kSigner);
        const AcademieStatus status = reconcileOn(builder.snapshot(), december(20));
        EXPECT_EQ(stateKey(statusOf(status, kSigner).state), QString::fromLatin1(c.state));
        EXPECT_EQ(bucketKey(outcomeOf(status, pages.first()).bucket),
                  QString::fromLatin1(c.firstPage));
        EXPECT_EQ(outcomeOf(status, pages.first()).signatureByDecision, c.personOnFirst != None);
    }
}

// A doubtful page needs a person only while it is all the candidate has.
TEST(SignatureState, ADoubtfulPageWaitsInTheQueueUntilAnotherCopyOrAVerdictSettlesIt)
{
    SnapshotBuilder builder;
    builder.addCandidate(kSigner);
    builder.beginFile(QStringLiteral("lot-1.pdf"), december(3));
    const qint64 doubtful = builder.addPage(confirmationRead(kDoubtful));
    AcademieStatus status = reconcileOn(builder.snapshot(), december(20));
    EXPECT_TRUE(outcomeOf(status, doubtful).signatureToCheck);
    EXPECT_TRUE(outcomeOf(status, doubtful).needsPerson());
    EXPECT_EQ(attentionKey(outcomeOf(status, doubtful)), QStringLiteral("signature_to_check"));
    EXPECT_EQ(status.toVerify, 1);
    EXPECT_EQ(status.signaturesToCheck, 1);

    builder.beginFile(QStringLiteral("lot-2.pdf"), december(8));
    builder.addPage(confirmationRead(kSigned));
    status = reconcileOn(builder.snapshot(), december(20));
    EXPECT_FALSE(outcomeOf(status, doubtful).needsPerson());
    EXPECT_EQ(status.signaturesToCheck, 0);
    EXPECT_EQ(statusOf(status, kSigner).confirmationReceived, december(8));
}

// The school's letter asks for the unsigned confirmation, never for the doubtful one.
TEST(SignatureState, OnlyTheUnsignedConfirmationIsAskedOfTheSchool)
{
    const QString doubtfulOne = QStringLiteral("01300000010");
    SnapshotBuilder builder;
    builder.addCandidate(kSigner, QStringLiteral("SANS"));
    builder.addCandidate(doubtfulOne, QStringLiteral("DOUTE"));
    builder.beginFile(QStringLiteral("lot.pdf"), december(3));
    builder.addPage(confirmationRead(kUnsigned));
    PageRead other = confirmationRead(kDoubtful);
    other.codes.first().text = doubtfulOne;
    builder.addPage(other);
    const AcademieStatus status = reconcileOn(builder.snapshot(), december(20));
    EXPECT_EQ(status.withoutConfirmation, 1); // no signed confirmation, though paper came
    EXPECT_EQ(status.toVerify, 1);
    const QList<SchoolReminder> reminders = schoolReminders(status);
    ASSERT_EQ(reminders.size(), 1);
    const SchoolReminder &r = reminders.first();
    ASSERT_EQ(r.candidates(ReminderReason::UnsignedConfirmation).size(), 1);
    EXPECT_EQ(r.unsignedConfirmation.first().candidate.candidateNumber, kSigner);
    for (const ReminderReason reason : allReminderReasons) {
        for (const CandidateStatus &c : r.candidates(reason))
            EXPECT_NE(c.candidate.candidateNumber, doubtfulOne);
    }
    EXPECT_FALSE(r.nothingMissing());
}

// The closing date is for returning the confirmation. A school that returned it on time but
// unsigned, and signs it when the office asks (the relance gives a new date), did not return
// it late: the letter must not list that dossier as « reçu après la date de clôture ».
TEST(SignatureState, LatenessIsJudgedOnTheFirstCopyOfTheConfirmation)
{
    const struct
    {
        const char *name;
        std::initializer_list<std::pair<std::initializer_list<SignatureFinding>, QDate>> copies;
        const char *state;
        QDate received; // the copy that counts
    } cases[] = {
        {"unsigned on time, signed after the deadline",
         {{kUnsigned, december(10)}, {kSigned, december(28)}},
         "complete",
         december(28)},
        {"doubtful on time, signed after the deadline",
         {{kDoubtful, december(10)}, {kSigned, december(28)}},
         "complete",
         december(28)},
        {"unsigned after the deadline, then signed",
         {{kUnsigned, december(24)}, {kSigned, december(28)}},
         "received_late",
         december(28)},
        {"signed after the deadline", {{kSigned, december(28)}}, "received_late", december(28)},
        {"signed on time", {{kSigned, december(22)}}, "complete", december(22)},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        SnapshotBuilder builder;
        builder.addCandidate(kSigner);
        for (const auto &[findings, day] : c.copies) {
            builder.beginFile(QStringLiteral("lot-%1.pdf").arg(day.day()), day);
            builder.addPage(confirmationRead(findings));
        }
        const AcademieStatus status = reconcileOn(builder.snapshot(), december(31));
        const CandidateStatus &candidate = statusOf(status, kSigner);
        EXPECT_EQ(stateKey(candidate.state), QString::fromLatin1(c.state));
        EXPECT_EQ(candidate.confirmationReceived, c.received);
        const QList<SchoolReminder> reminders = schoolReminders(status);
        const bool listedLate =
            !reminders.isEmpty() &&
            !reminders.first().candidates(ReminderReason::ReceivedLate).isEmpty();
        EXPECT_EQ(listedLate, std::string(c.state) == "received_late");
    }
}
