// How relances go out by e-mail: each school's address (a pattern, overridden per school by a
// CSV file), the sender, the editable subject and body, and the SMTP server. Read from the
// "mail" section of the session configuration (see SessionConfig).
// Thread-safety: plain values.
#pragma once

#include <QString>
#include <QStringList>

namespace pointage {

struct SmtpSettings
{
    enum class Security {
        StartTls,    // plain connection upgraded with STARTTLS before anything else (port 587)
        ImplicitTls, // TLS from the first byte (port 465)
        None,        // no encryption: only for a relay on this machine
    };

    QString host; // empty: `pointage send` explains that the server must be configured
    int port = 587;
    Security security = Security::StartTls;
    QString login; // empty: no authentication
    // The password is never written in a file: it is read from this environment variable.
    QString passwordVariable = QStringLiteral("POINTAGE_SMTP_PASSWORD");
    QString caFile; // extra certificate authorities (PEM, absolute path), e.g. the rectorat's
    // Sending a login and password over an unencrypted connection is refused unless this is set.
    bool allowPlainAuthWithoutTls = false;
    int timeoutSeconds = 30;
};

struct MailSettings
{
    QString from;     // the sender's address, e.g. ce.diec@ac-aix-marseille.fr
    QString fromName; // its display name, e.g. "Rectorat d'Aix-Marseille – DIEC"
    // A school's address, "{uai}" replaced by its UAI (French schools' official mailbox).
    QString schoolAddress = QStringLiteral("ce.{uai}@ac-aix-marseille.fr");
    QString addressesFile; // CSV "UAI;adresse" overriding the pattern (absolute path), optional
    QString subject =
        QStringLiteral("{examen} {session} – pièces manquantes – {etablissement} ({uai})");
    QStringList body = {
        QStringLiteral("Madame, Monsieur le chef d'établissement,"),
        QString(),
        QStringLiteral("Au {date_etat}, il manque pour {etablissement} ({uai}) "
                       "{elements_manquants} élément(s) concernant {candidats_concernes} "
                       "candidat(s) sur {candidats} inscrit(s) à l'examen {examen} "
                       "({session})."),
        QString(),
        QStringLiteral("Vous trouverez ci-joint le courrier de relance (PDF) et la liste "
                       "détaillée (CSV). Merci de faire parvenir les pièces manquantes au "
                       "service avant le {date_limite}."),
        QString(),
        QStringLiteral("Pour toute question : {contact}."),
        QString(),
        QStringLiteral("{service}"),
        QStringLiteral("{academie}"),
    };
    SmtpSettings smtp;
};

// The placeholders a subject or body may use, without braces; any other "{…}" in the template
// is refused when the configuration is read, so that a typo never reaches 300 schools.
inline const QStringList &mailPlaceholders()
{
    static const QStringList names = {QStringLiteral("etablissement"),
                                      QStringLiteral("uai"),
                                      QStringLiteral("session"),
                                      QStringLiteral("examen"),
                                      QStringLiteral("date_limite"),
                                      QStringLiteral("date_etat"),
                                      QStringLiteral("candidats"),
                                      QStringLiteral("candidats_concernes"),
                                      QStringLiteral("elements_manquants"),
                                      QStringLiteral("confirmations_manquantes"),
                                      QStringLiteral("pieces_manquantes"),
                                      QStringLiteral("contact"),
                                      QStringLiteral("service"),
                                      QStringLiteral("academie"),
                                      QStringLiteral("signataire")};
    return names;
}

} // namespace pointage
