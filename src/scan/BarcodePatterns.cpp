#include "pointage/BarcodePatterns.h"

#include "pointage/RosterTypes.h"

namespace pointage {

namespace {

// Anchoring both ends keeps a pattern written without ^…$ from accepting our number buried
// inside someone else's code.
Result<QRegularExpression> compile(const QString &source, const QString &what,
                                   const QString &requiredGroup)
{
    QRegularExpression re(QRegularExpression::anchoredPattern(source));
    if (!re.isValid()) {
        return makeError(ErrorCode::Config,
                         QStringLiteral("Le motif des codes-barres de %1 « %2 » est invalide : "
                                        "%3 (caractère %4). Corriger le motif dans la "
                                        "configuration.")
                             .arg(what, source, re.errorString())
                             .arg(re.patternErrorOffset() + 1));
    }
    if (!re.namedCaptureGroups().contains(requiredGroup)) {
        return makeError(ErrorCode::Config,
                         QStringLiteral("Le motif des codes-barres de %1 « %2 » doit contenir "
                                        "un groupe nommé (?<%3>…).")
                             .arg(what, source, requiredGroup));
    }
    re.optimize();
    return re;
}

} // namespace

BarcodePatterns::BarcodePatterns()
    : BarcodePatterns(create(defaultConfirmationPattern(), defaultSeparatorPattern()).value())
{}

Result<BarcodePatterns> BarcodePatterns::create(const QString &confirmationPattern,
                                                const QString &separatorPattern)
{
    auto confirmation =
        compile(confirmationPattern, QStringLiteral("confirmation"), QStringLiteral("candidate"));
    if (!confirmation)
        return confirmation.error();
    auto separator =
        compile(separatorPattern, QStringLiteral("intercalaire"), QStringLiteral("piece"));
    if (!separator)
        return separator.error();

    return BarcodePatterns(confirmationPattern, separatorPattern, std::move(confirmation).value(),
                           std::move(separator).value());
}

BarcodePatterns::BarcodePatterns(QString confirmationSource, QString separatorSource,
                                 QRegularExpression confirmation, QRegularExpression separator)
    : m_confirmationSource(std::move(confirmationSource)),
      m_separatorSource(std::move(separatorSource)), m_confirmation(std::move(confirmation)),
      m_separator(std::move(separator))
{}

QString BarcodePatterns::defaultConfirmationPattern()
{
    return QStringLiteral(
        R"(^(?<candidate>\d{10,11})(?:[ -]?(?<inscription>\d{1,6})[ -]?V(?<version>\d{1,3}))?$)");
}

QString BarcodePatterns::defaultSeparatorPattern()
{
    return QStringLiteral(R"(^PJ[-:](?<piece>[A-Z0-9_]{2,24})$)");
}

BarcodeClass BarcodePatterns::classify(const QString &value) const
{
    const QString text = value.trimmed();
    BarcodeClass result;

    const QRegularExpressionMatch confirmation = m_confirmation.match(text);
    if (confirmation.hasMatch()) {
        const QString candidate =
            normaliseCandidateNumber(confirmation.captured(QStringLiteral("candidate")));
        if (!candidate.isEmpty()) {
            result.kind = BarcodeClass::Kind::Confirmation;
            result.candidateNumber = candidate;
            result.inscriptionNumber = confirmation.captured(QStringLiteral("inscription"));
            result.version = confirmation.captured(QStringLiteral("version")).toInt();
            return result;
        }
    }

    const QString piece = m_separator.match(text).captured(QStringLiteral("piece"));
    if (!piece.isEmpty()) {
        result.kind = BarcodeClass::Kind::Separator;
        result.pieceCode = piece;
    }
    return result;
}

} // namespace pointage
