#include "pointage/ReportSettings.h"

#include <QImageReader>

namespace pointage {

QStringList letterheadGaps(const ReportSettings &settings)
{
    QStringList gaps;
    if (settings.signatoryName.trimmed().isEmpty())
        gaps << QStringLiteral("personne ne signe les courriers : renseignez "
                               "report.signatoryName");
    if (settings.caseOfficer.trimmed().isEmpty() && settings.contact.trimmed().isEmpty())
        gaps << QStringLiteral("les établissements ne savent pas qui joindre : renseignez "
                               "report.caseOfficer (« Affaire suivie par ») ou report.contact");
    if (settings.phone.trimmed().isEmpty() && settings.email.trimmed().isEmpty() &&
        settings.contact.trimmed().isEmpty())
        gaps << QStringLiteral("aucun téléphone ni courriel dans le bloc-marque : renseignez "
                               "report.phone ou report.email");
    if (!settings.logoFile.isEmpty() && !QImageReader(settings.logoFile).canRead())
        gaps << QStringLiteral("le logo « %1 » est illisible ou introuvable : les courriers "
                               "partiront sans logo")
                    .arg(settings.logoFile);
    return gaps;
}

} // namespace pointage
