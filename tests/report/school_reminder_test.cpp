#include "ReportFixtures.h"
#include "pointage/SchoolReminder.h"

#include <gtest/gtest.h>

using namespace pointage;
using namespace pointage::testkit;

namespace {

QStringList numbers(const QList<CandidateStatus> &list)
{
    QStringList result;
    for (const CandidateStatus &c : list)
        result.append(c.candidate.candidateNumber);
    return result;
}

} // namespace

TEST(SchoolReminder, FilesEachCandidateUnderWhatIsMissing)
{
    const QList<SchoolReminder> reminders = schoolReminders(twoSchoolsSharingAName());
    ASSERT_EQ(reminders.size(), 2);
    const SchoolReminder &a = reminders.at(0);
    EXPECT_EQ(a.school.uai, schoolA);
    EXPECT_EQ(numbers(a.missingConfirmation), QStringList{QStringLiteral("02700000001")});
    EXPECT_EQ(numbers(a.missingPieces), QStringList{QStringLiteral("02700000002")});
    EXPECT_EQ(numbers(a.receivedLate), QStringList{QStringLiteral("02700000004")});
    EXPECT_EQ(numbers(a.staleConfirmation), QStringList{QStringLiteral("02700000005")});
    EXPECT_FALSE(a.nothingMissing());
}

TEST(SchoolReminder, NeverListsAnotherSchoolsCandidate)
{
    for (const SchoolReminder &reminder : schoolReminders(twoSchoolsSharingAName())) {
        for (const ReminderReason reason : allReminderReasons) {
            for (const CandidateStatus &c : reminder.candidates(reason))
                EXPECT_EQ(c.candidate.uai, reminder.school.uai);
        }
    }
}

TEST(SchoolReminder, LeavesWithdrawnAndCompleteCandidatesOut)
{
    const SchoolReminder a = schoolReminders(twoSchoolsSharingAName()).at(0);
    for (const ReminderReason reason : allReminderReasons) {
        EXPECT_FALSE(numbers(a.candidates(reason)).contains(QStringLiteral("02700000003")));
        EXPECT_FALSE(numbers(a.candidates(reason)).contains(QStringLiteral("02700000006")));
    }
}

TEST(SchoolReminder, KeepsTheStatusOrder)
{
    const AcademieStatus status = oneSchoolNothingReceived(30);
    const SchoolReminder reminder = schoolReminders(status).at(0);
    QStringList expected;
    for (const CandidateStatus &c : status.candidateStatus)
        expected.append(c.candidate.candidateNumber);
    EXPECT_EQ(numbers(reminder.missingConfirmation), expected);
}

TEST(SchoolReminder, KeepsCandidatesOfASchoolMissingFromTheSchoolList)
{
    AcademieStatus status = twoSchoolsSharingAName();
    status.schools.removeLast();
    const QList<SchoolReminder> reminders = schoolReminders(status);
    ASSERT_EQ(reminders.size(), 2);
    EXPECT_EQ(reminders.at(1).school.uai, schoolB);
    EXPECT_EQ(reminders.at(1).missingConfirmation.size(), 2);
}
