// One school's relance as an e-mail: the template filled in with the school's figures, the
// letter and its CSV attached under names the school can read, the fingerprint that tells
// `pointage send` whether this very letter already went out.
// Thread-safety: pure functions.
#pragma once

#include "MimeMessage.h"
#include "pointage/MailSettings.h"
#include "pointage/ReportSettings.h"
#include "pointage/SchoolReminder.h"

#include <QHash>

namespace pointage {

// The values of mailPlaceholders() for this school.
QHash<QString, QString> mailFields(const SchoolReminder &reminder, const ReturnWindowInfo &window,
                                   const ReportSettings &report, const MailSettings &mail);
// "{name}" replaced by its value; an unknown name is left as written.
QString fillMailTemplate(const QString &text, const QHash<QString, QString> &fields);

// "Relance CAP 2027 – Lycée Le Châtelier (0131234W)": accents kept, no character a file
// system refuses.
QString attachmentBaseName(const SchoolReminder &reminder, const ReturnWindowInfo &window,
                           const ReportSettings &report);

QByteArray letterFingerprint(const QString &to, const QString &subject, const QString &body,
                             const QByteArray &csv);

MailMessage schoolMail(const SchoolReminder &reminder, const ReturnWindowInfo &window,
                       const ReportSettings &report, const MailSettings &mail, const QString &to,
                       const QByteArray &pdf, const QByteArray &csv, const QDateTime &now);

} // namespace pointage
