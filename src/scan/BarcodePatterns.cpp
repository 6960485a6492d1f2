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

struct BarcodePatterns::Compiled
{
    QString confirmationSource, separatorSource, coverSheetSource;
    QRegularExpression confirmation, separator, coverSheet;
};

BarcodePatterns::BarcodePatterns()
    : BarcodePatterns(create(defaultConfirmationPattern(), defaultSeparatorPattern(),
                             defaultCoverSheetPattern())
                          .value())
{}

BarcodePatterns::BarcodePatterns(Compiled compiled)
    : m_confirmationSource(std::move(compiled.confirmationSource)),
      m_separatorSource(std::move(compiled.separatorSource)),
      m_coverSheetSource(std::move(compiled.coverSheetSource)),
      m_confirmation(std::move(compiled.confirmation)), m_separator(std::move(compiled.separator)),
      m_coverSheet(std::move(compiled.coverSheet))
{}

Result<BarcodePatterns> BarcodePatterns::create(const QString &confirmationPattern,
                                                const QString &separatorPattern,
                                                const QString &coverSheetPattern)
{
    auto confirmation =
        compile(confirmationPattern, QStringLiteral("confirmation"), QStringLiteral("candidate"));
    if (!confirmation)
        return confirmation.error();
    auto separator =
        compile(separatorPattern, QStringLiteral("intercalaire"), QStringLiteral("piece"));
    if (!separator)
        return separator.error();
    auto coverSheet =
        compile(coverSheetPattern, QStringLiteral("bordereau"), QStringLiteral("candidate"));
    if (!coverSheet)
        return coverSheet.error();
    if (coverSheetPattern.trimmed() == confirmationPattern.trimmed()) {
        return makeError(ErrorCode::Config,
                         QStringLiteral("Le motif des codes-barres des bordereaux est celui des "
                                        "confirmations : un bordereau serait pris pour la "
                                        "confirmation signée. Donnez aux bordereaux un motif à "
                                        "eux (par exemple un préfixe « BD- »)."));
    }
    return BarcodePatterns(Compiled{confirmationPattern, separatorPattern, coverSheetPattern,
                                    std::move(confirmation).value(), std::move(separator).value(),
                                    std::move(coverSheet).value()});
}

QString BarcodePatterns::defaultConfirmationPattern()
{
    return QStringLiteral(
        R"(^(?<candidate>\d{10,11})(?:[ -]?(?<inscription>\d{1,6})[ -]?V(?<version>\d{1,3}))?$)");
}

QString BarcodePatterns::defaultCoverSheetPattern()
{
    return QStringLiteral(R"(^BD[-:](?<candidate>\d{10,11})$)");
}

QString BarcodePatterns::defaultSeparatorPattern()
{
    return QStringLiteral(R"(^PJ[-:](?<piece>[A-Z0-9_]{2,24})$)");
}

BarcodeClass BarcodePatterns::classify(const QString &value) const
{
    const QString text = value.trimmed();
    BarcodeClass result;

    const QRegularExpressionMatch coverSheet = m_coverSheet.match(text);
    if (coverSheet.hasMatch()) {
        const QString candidate =
            normaliseCandidateNumber(coverSheet.captured(QStringLiteral("candidate")));
        if (!candidate.isEmpty()) {
            result.kind = BarcodeClass::Kind::CoverSheet;
            result.candidateNumber = candidate;
            return result;
        }
    }

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
