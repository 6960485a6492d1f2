// Relances by e-mail, written as files first: per school a ready-to-send .eml (the letter's
// PDF and CSV attached, subject and body from the configuration's template) beside the letter,
// addressed from the configured pattern or the per-school addresses CSV. `pointage send`
// (MailSending.h) sends those files; any mail client can open them too.
// Thread-safety: reentrant; writeSchoolReportsWithMail() as writeSchoolReports().
#pragma once

#include "pointage/MailSettings.h"
#include "pointage/ReportSettings.h"
#include "pointage/Result.h"
#include "pointage/SchoolReports.h"

#include <QDateTime>
#include <QHash>

namespace pointage {

class SchoolAddressBook
{
public:
    SchoolAddressBook() = default;
    SchoolAddressBook(QString pattern, QHash<QString, QString> overrides);

    // The overriding address when the CSV lists the school, else the pattern with its UAI.
    QString addressFor(const QString &uai) const;
    int overrideCount() const { return int(m_overrides.size()); }

private:
    QString m_pattern;
    QHash<QString, QString> m_overrides; // UAI -> address
};

// The pattern, plus the overrides of MailSettings::addressesFile when one is set: a CSV with
// one "UAI;adresse" per line (a header line is allowed, ';' or ',', UTF-8 or Windows-1252).
// A bad row (UAI without its checksum letter, no address, a school listed twice) fails the
// whole file with a French message naming the file and the line.
Result<SchoolAddressBook> loadSchoolAddresses(const MailSettings &settings);
// The same, from the CSV's bytes; `fileName` names the file in messages.
Result<SchoolAddressBook> parseSchoolAddresses(const QString &pattern, const QByteArray &csv,
                                               const QString &fileName);

// What each school's .eml carries beside the message, for `pointage send`.
inline constexpr char schoolUaiHeader[] = "X-Pointage-UAI";
// The letter's fingerprint: SHA-256 over the recipient, subject, body and the list of missing
// items (the CSV's bytes). Rewriting the same relance gives the same fingerprint; a new as-of
// date or a changed list gives another.
inline constexpr char letterFingerprintHeader[] = "X-Pointage-Empreinte";

// writeSchoolReports(), plus "<stem>.eml" for every school with something missing (a school
// with nothing missing gets no e-mail: its acknowledgement is a letter). `now` dates the
// messages. Fails like writeSchoolReports(), or when the addresses CSV is faulty, or when the
// sender (mail.from) is not set.
Result<WrittenReports>
writeSchoolReportsWithMail(const AcademieStatus &status, const ReportSettings &report,
                           const MailSettings &mail, const QString &outputDirectory,
                           const QString &onlyUai = {},
                           const QDateTime &now = QDateTime::currentDateTime());

} // namespace pointage
