#include "pointage/RelanceMail.h"

#include "SchoolMail.h"

namespace pointage {

Result<WrittenReports> writeSchoolReportsWithMail(const AcademieStatus &status,
                                                  const ReportSettings &report,
                                                  const MailSettings &mail,
                                                  const QString &outputDirectory,
                                                  const QString &onlyUai, const QDateTime &now)
{
    if (mail.from.isEmpty()) {
        return makeError(ErrorCode::Config,
                         QStringLiteral("l'adresse de l'expéditeur n'est pas réglée : indiquez "
                                        "\"mail\": { \"from\": \"…\" } dans la configuration "
                                        "(l'adresse du service, par exemple "
                                        "ce.diec@ac-aix-marseille.fr)."));
    }
    auto addresses = loadSchoolAddresses(mail);
    if (!addresses)
        return addresses.error();
    const SchoolAddressBook book = addresses.value();
    const ReturnWindowInfo window = status.window;
    const SchoolExtraFiles eml = [&](const SchoolReminder &reminder, const QString &stem,
                                     const QByteArray &pdf,
                                     const QByteArray &csv) -> QList<ExtraReportFile> {
        if (reminder.nothingMissing())
            return {};
        const MailMessage message = schoolMail(reminder, window, report, mail,
                                               book.addressFor(reminder.school.uai), pdf, csv, now);
        return {{stem + QStringLiteral(".eml"), composeMime(message)}};
    };
    return writeSchoolReports(status, report, outputDirectory, onlyUai, eml);
}

} // namespace pointage
