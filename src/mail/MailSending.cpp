#include "pointage/MailSending.h"

#include "SmtpSession.h"
#include "pointage/Ledger.h"
#include "pointage/RelanceMail.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace pointage {

namespace {

struct Envelope
{
    QString path;
    QString file;
    QString uai;
    QString recipient;
    QString fingerprint;
    QString messageId;
    QByteArray bytes;
};

// The few headers `send` needs, read from the top of the file (unfolded).
QHash<QByteArray, QByteArray> headersOf(const QByteArray &eml)
{
    QHash<QByteArray, QByteArray> headers;
    QByteArray name;
    for (const QByteArray &raw : eml.left(eml.indexOf("\r\n\r\n")).split('\n')) {
        const QByteArray line = raw.endsWith('\r') ? raw.chopped(1) : raw;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !name.isEmpty()) {
            headers[name] += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        name = line.left(colon).trimmed().toLower();
        headers[name] = line.mid(colon + 1).trimmed();
    }
    return headers;
}

Result<Envelope> readEnvelope(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::FileUnreadable, QStringLiteral("courriel illisible."), path);
    Envelope envelope;
    envelope.path = path;
    envelope.file = QFileInfo(path).fileName();
    envelope.bytes = file.readAll();
    const auto headers = headersOf(envelope.bytes);
    static const QRegularExpression angle(QStringLiteral("<([^<>@\\s]+@[^<>\\s]+)>\\s*$"));
    envelope.recipient = angle.match(QString::fromUtf8(headers.value("to"))).captured(1);
    envelope.uai = QString::fromLatin1(headers.value(QByteArray(schoolUaiHeader).toLower()));
    envelope.fingerprint =
        QString::fromLatin1(headers.value(QByteArray(letterFingerprintHeader).toLower()));
    envelope.messageId = QString::fromLatin1(headers.value("message-id"));
    if (envelope.recipient.isEmpty()) {
        return makeError(ErrorCode::Format,
                         QStringLiteral("destinataire (To: <adresse>) introuvable : ce fichier "
                                        "n'a pas été écrit par « pointage report --eml »."),
                         envelope.file);
    }
    // A message written by hand or by another tool: its own bytes identify it.
    if (envelope.fingerprint.isEmpty())
        envelope.fingerprint = QString::fromLatin1(
            QCryptographicHash::hash(envelope.bytes, QCryptographicHash::Sha256).toHex());
    return envelope;
}

Result<QList<Envelope>> envelopesIn(const QString &directory, const QString &onlyUai)
{
    const QDir dir(directory);
    const QStringList names = dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    QList<Envelope> envelopes;
    for (const QString &name : names) {
        auto envelope = readEnvelope(dir.filePath(name));
        if (!envelope)
            return envelope.error();
        if (!onlyUai.isEmpty() && envelope->uai.compare(onlyUai.trimmed(), Qt::CaseInsensitive))
            continue;
        envelopes.append(std::move(envelope).value());
    }
    if (envelopes.isEmpty()) {
        const QString which =
            onlyUai.isEmpty() ? QString() : QStringLiteral(" pour l'établissement %1").arg(onlyUai);
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("aucun courriel à envoyer%1 dans ce dossier : écrivez-les "
                           "d'abord avec « pointage report --eml »%2.")
                .arg(which, onlyUai.isEmpty() ? QString() : QStringLiteral(" --school ") + onlyUai),
            directory);
    }
    return envelopes;
}

MailDelivery deliveryOf(const Envelope &envelope, SendOutcome outcome)
{
    MailDelivery delivery;
    delivery.file = envelope.file;
    delivery.uai = envelope.uai;
    delivery.recipient = envelope.recipient;
    delivery.outcome = outcome;
    return delivery;
}

} // namespace

int SendSummary::count(SendOutcome outcome) const
{
    return int(std::count_if(deliveries.begin(), deliveries.end(),
                             [outcome](const MailDelivery &d) { return d.outcome == outcome; }));
}

Result<SendSummary> sendSchoolMails(Ledger &ledger, const MailSettings &settings,
                                    const QString &directory, const QString &password,
                                    const SendOptions &options, const SendProgress &progress)
{
    auto envelopes = envelopesIn(directory, options.onlyUai);
    if (!envelopes)
        return envelopes.error();
    SendSummary summary;
    QList<const Envelope *> toSend;
    for (const Envelope &envelope : std::as_const(envelopes.value())) {
        auto before = ledger.sentMails(envelope.fingerprint);
        if (!before)
            return before.error();
        if (!before->isEmpty() && !options.again) {
            MailDelivery delivery = deliveryOf(envelope, SendOutcome::AlreadySent);
            delivery.sentBefore = before->first().sentAt;
            summary.deliveries.append(delivery);
            continue;
        }
        toSend.append(&envelope);
        summary.deliveries.append(
            deliveryOf(envelope, options.dryRun ? SendOutcome::WouldSend : SendOutcome::NotSent));
    }
    if (options.dryRun || toSend.isEmpty())
        return summary;
    if (settings.from.isEmpty())
        return makeError(ErrorCode::Config,
                         QStringLiteral("l'adresse de l'expéditeur n'est pas réglée (\"mail\": { "
                                        "\"from\": \"…\" } dans la configuration)."));

    auto session = SmtpSession::open(settings.smtp, password);
    if (!session)
        return session.error();
    auto deliveryFor = [&summary](const Envelope *envelope) -> MailDelivery & {
        for (MailDelivery &d : summary.deliveries) {
            if (d.file == envelope->file)
                return d;
        }
        Q_UNREACHABLE();
    };
    bool connectionLost = false;
    for (int i = 0; i < toSend.size(); ++i) {
        const Envelope *envelope = toSend.at(i);
        MailDelivery &delivery = deliveryFor(envelope);
        if (connectionLost) {
            delivery.message = QStringLiteral("non envoyé : la connexion au serveur a été perdue.");
            continue;
        }
        if (progress)
            progress(envelope->file, i, int(toSend.size()));
        const Status sent =
            session.value()->send(settings.from, envelope->recipient, envelope->bytes);
        if (!sent) {
            const bool refused = sent.error().code == ErrorCode::MailRefused;
            delivery.outcome = refused ? SendOutcome::Refused : SendOutcome::NotSent;
            delivery.message =
                QStringLiteral("établissement %1 : %2").arg(envelope->uai, sent.error().message);
            connectionLost = !refused;
            continue;
        }
        delivery.outcome = SendOutcome::Sent;
        SentMail record;
        record.uai = envelope->uai;
        record.recipient = envelope->recipient;
        record.file = envelope->file;
        record.fingerprint = envelope->fingerprint;
        record.messageId = envelope->messageId;
        if (Status s = ledger.recordSentMail(record); !s)
            delivery.message = QStringLiteral("envoyé, mais non inscrit au registre (%1) : un "
                                              "nouvel envoi le renverrait.")
                                   .arg(s.error().message);
    }
    if (progress)
        progress(QString(), int(toSend.size()), int(toSend.size()));
    session.value()->quit();
    return summary;
}

} // namespace pointage
