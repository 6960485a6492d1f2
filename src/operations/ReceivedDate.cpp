#include "pointage/ReceivedDate.h"

namespace pointage {

namespace {

QString shortDate(QDate date)
{
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

} // namespace

SessionPeriod receiptPeriod(const SessionConfig &config)
{
    const QDate opens = config.window.opens();
    const QDate closes = config.window.closes();
    const QDate first = QDate(opens.year(), opens.month(), 1).addMonths(-3);
    const QDate sixthMonth = QDate(closes.year(), closes.month(), 1).addMonths(6);
    return {first, sixthMonth.addDays(sixthMonth.daysInMonth() - 1)};
}

Status checkReceiptDate(QDate date, const SessionConfig &config)
{
    const SessionPeriod period = receiptPeriod(config);
    if (date.isValid() && date >= period.first && date <= period.last)
        return Ok{};
    return makeError(ErrorCode::Format,
                     QStringLiteral("date de réception %1 hors de la %2 (acceptée du %3 au %4) : "
                                    "vérifiez l'année.")
                         .arg(shortDate(date), config.session.toLower(), shortDate(period.first),
                              shortDate(period.last)));
}

QList<ReceivedDateWarning> receivedDateWarnings(QDate date, ReceivedDateSource source,
                                                const SessionConfig &config)
{
    QList<ReceivedDateWarning> warnings;
    if (source == ReceivedDateSource::Today) {
        warnings.append({ReceivedDateWarning::Kind::FromToday,
                         QStringLiteral("date de réception %1 = aujourd'hui, faute d'indication : "
                                        "si le courrier est arrivé un autre jour, rangez le lot "
                                        "dans un dossier daté (scans/AAAA-MM-JJ/) ou indiquez "
                                        "sa date de réception, puis relisez-le.")
                             .arg(shortDate(date))});
    }
    const ReturnWindow &window = config.window;
    if (date < window.opens()) {
        warnings.append({ReceivedDateWarning::Kind::BeforeWindow,
                         QStringLiteral("date de réception %1 avant l'ouverture de la période de "
                                        "retour (%2) : vérifiez la date.")
                             .arg(shortDate(date), shortDate(window.opens()))});
    } else if (window.isPastDeadline(date)) {
        warnings.append({ReceivedDateWarning::Kind::AfterWindow,
                         QStringLiteral("date de réception %1 après la date limite (%2) : ces "
                                        "dossiers comptent comme reçus hors délai ; vérifiez la "
                                        "date.")
                             .arg(shortDate(date), shortDate(window.closes()))});
    }
    return warnings;
}

} // namespace pointage
