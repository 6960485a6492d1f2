#include "pointage/CsvReader.h"
#include "pointage/RelanceMail.h"
#include "pointage/RosterTypes.h"
#include "pointage/TextDecoding.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>

namespace pointage {

namespace {

bool looksLikeAddress(const QString &address)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[^@\\s<>\"(),;:]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$"));
    return pattern.match(address).hasMatch();
}

bool isHeader(const QStringList &fields)
{
    return fields.value(0).trimmed().compare(QLatin1String("UAI"), Qt::CaseInsensitive) == 0;
}

} // namespace

SchoolAddressBook::SchoolAddressBook(QString pattern, QHash<QString, QString> overrides)
    : m_pattern(std::move(pattern)), m_overrides(std::move(overrides))
{}

QString SchoolAddressBook::addressFor(const QString &uai) const
{
    const QString key = uai.trimmed().toUpper();
    if (const auto it = m_overrides.constFind(key); it != m_overrides.constEnd())
        return *it;
    return QString(m_pattern).replace(QStringLiteral("{uai}"), key);
}

Result<SchoolAddressBook> parseSchoolAddresses(const QString &pattern, const QByteArray &csv,
                                               const QString &fileName)
{
    auto decoded = decodeText(csv, fileName);
    if (!decoded)
        return decoded.error();
    const QString &text = decoded->text;
    // Excel writes ';' in France, other tools ','.
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
    CsvDialect dialect;
    dialect.singleQuotes = false;
    if (!firstLine.contains(QLatin1Char(';')) && firstLine.contains(QLatin1Char(',')))
        dialect.separator = QLatin1Char(',');
    CsvReader reader(text, dialect);
    QHash<QString, QString> overrides;
    QHash<QString, int> lineOf;
    CsvRecord record;
    while (reader.next(record)) {
        const QStringList &fields = record.fields;
        if (std::all_of(fields.begin(), fields.end(),
                        [](const QString &f) { return f.trimmed().isEmpty(); }))
            continue;
        if (overrides.isEmpty() && lineOf.isEmpty() && isHeader(fields))
            continue;
        const QString uai = fields.value(0).trimmed().toUpper();
        const QString address = fields.value(1).trimmed();
        auto bad = [&](const QString &message) {
            return makeError(ErrorCode::Format, message, fileName, record.line);
        };
        if (!isValidUai(uai))
            return bad(QStringLiteral("« %1 » n'est pas un UAI (7 chiffres et la lettre clé, "
                                      "par exemple 0131234W). Chaque ligne : UAI;adresse.")
                           .arg(fields.value(0).trimmed()));
        if (!looksLikeAddress(address))
            return bad(QStringLiteral("« %1 » n'est pas une adresse électronique (établissement "
                                      "%2).")
                           .arg(address, uai));
        if (lineOf.contains(uai))
            return bad(QStringLiteral("l'établissement %1 figure déjà ligne %2 : une seule "
                                      "adresse par établissement.")
                           .arg(uai)
                           .arg(lineOf.value(uai)));
        overrides.insert(uai, address);
        lineOf.insert(uai, record.line);
    }
    if (reader.error()) {
        Error error = *reader.error();
        error.file = fileName;
        return error;
    }
    return SchoolAddressBook(pattern, overrides);
}

Result<SchoolAddressBook> loadSchoolAddresses(const MailSettings &settings)
{
    if (settings.addressesFile.isEmpty())
        return SchoolAddressBook(settings.schoolAddress, {});
    QFile file(settings.addressesFile);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(file.exists() ? ErrorCode::FileUnreadable : ErrorCode::FileNotFound,
                         QStringLiteral("le fichier des adresses des établissements (réglage "
                                        "mail.addressesFile) est introuvable ou illisible."),
                         settings.addressesFile);
    }
    return parseSchoolAddresses(settings.schoolAddress, file.readAll(),
                                QFileInfo(settings.addressesFile).fileName());
}

} // namespace pointage
