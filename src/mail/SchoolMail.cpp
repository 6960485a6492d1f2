#include "SchoolMail.h"

#include "pointage/RelanceMail.h"
#include "pointage/SchoolCsv.h"
#include "pointage/SchoolLetter.h"
#include "report/FrenchDates.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

namespace pointage {

namespace {

QString contactOf(const ReportSettings &report, const MailSettings &mail)
{
    for (const QString &value : {report.contact, report.email, report.phone, mail.from}) {
        if (!value.trimmed().isEmpty())
            return value.trimmed();
    }
    return report.service;
}

int concernedCandidates(const SchoolReminder &reminder)
{
    QSet<QString> numbers;
    for (ReminderReason reason : allReminderReasons) {
        for (const CandidateStatus &c : reminder.candidates(reason))
            numbers.insert(c.candidate.candidateNumber);
    }
    return int(numbers.size());
}

int missingPieceCount(const SchoolReminder &reminder)
{
    int count = 0;
    for (const CandidateStatus &c : reminder.missingPieces)
        count += int(c.missingPieces.size());
    return count;
}

} // namespace

QHash<QString, QString> mailFields(const SchoolReminder &reminder, const ReturnWindowInfo &window,
                                   const ReportSettings &report, const MailSettings &mail)
{
    const SchoolStatus &school = reminder.school;
    return {
        {QStringLiteral("etablissement"), school.name},
        {QStringLiteral("uai"), school.uai},
        {QStringLiteral("session"), window.session},
        {QStringLiteral("examen"), report.examination},
        {QStringLiteral("date_limite"), frenchLongDate(letterReplyBy(window, report))},
        {QStringLiteral("date_etat"), frenchLongDate(window.asOf)},
        {QStringLiteral("candidats"), QString::number(school.candidates)},
        {QStringLiteral("candidats_concernes"), QString::number(concernedCandidates(reminder))},
        {QStringLiteral("elements_manquants"),
         QString::number(missingItemRows(reminder, window.asOf).size())},
        {QStringLiteral("confirmations_manquantes"),
         QString::number(reminder.missingConfirmation.size() + reminder.withoutConfirmation.size() +
                         reminder.unsignedConfirmation.size())},
        {QStringLiteral("pieces_manquantes"), QString::number(missingPieceCount(reminder))},
        {QStringLiteral("contact"), contactOf(report, mail)},
        {QStringLiteral("service"), report.service},
        {QStringLiteral("academie"), report.academie},
        {QStringLiteral("signataire"), report.signatoryName},
    };
}

QString fillMailTemplate(const QString &text, const QHash<QString, QString> &fields)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([a-z_]+)\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        const auto field = fields.constFind(match.captured(1));
        out += field != fields.constEnd() ? *field : match.captured(0);
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString attachmentBaseName(const SchoolReminder &reminder, const ReturnWindowInfo &window,
                           const ReportSettings &report)
{
    static const QRegularExpression refused(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]+"));
    QString name = QStringLiteral("Relance %1 %2 – %3 (%4)")
                       .arg(report.examination, sessionYear(window.session), reminder.school.name,
                            reminder.school.uai)
                       .simplified();
    name.replace(refused, QStringLiteral(" "));
    return name.simplified().left(120);
}

QByteArray letterFingerprint(const QString &to, const QString &subject, const QString &body,
                             const QByteArray &csv)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &part : {to.toLower(), subject, body}) {
        const QByteArray bytes = part.toUtf8();
        hash.addData(QByteArray(QByteArray::number(bytes.size()) + ':' + bytes));
    }
    hash.addData(csv);
    return hash.result().toHex();
}

MailMessage schoolMail(const SchoolReminder &reminder, const ReturnWindowInfo &window,
                       const ReportSettings &report, const MailSettings &mail, const QString &to,
                       const QByteArray &pdf, const QByteArray &csv, const QDateTime &now)
{
    const QHash<QString, QString> fields = mailFields(reminder, window, report, mail);
    MailMessage message;
    message.from = {mail.fromName, mail.from};
    message.to = {reminder.school.name, to};
    // A header is one line: the template's line breaks, if any, become spaces.
    message.subject = fillMailTemplate(mail.subject, fields).simplified();
    message.body = fillMailTemplate(mail.body.join(QLatin1Char('\n')), fields);
    const QString base = attachmentBaseName(reminder, window, report);
    message.attachments = {{base + QStringLiteral(".pdf"), "application/pdf", pdf},
                           {base + QStringLiteral(".csv"), "text/csv; charset=UTF-8", csv}};
    message.date = now;
    message.messageId = newMessageId(mail.from);
    message.extraHeaders = {
        {schoolUaiHeader, reminder.school.uai.toLatin1()},
        {letterFingerprintHeader, letterFingerprint(to, message.subject, message.body, csv)}};
    return message;
}

} // namespace pointage
