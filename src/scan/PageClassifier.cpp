#include "pointage/PageClassifier.h"

#include <QSet>

namespace pointage {

namespace {
PageRole roleOf(PageRoleKind kind)
{
    PageRole role;
    role.kind = kind;
    return role;
}
} // namespace

PageRole PageRole::blank()
{
    return roleOf(PageRoleKind::Blank);
}

PageRole PageRole::plain()
{
    return roleOf(PageRoleKind::Plain);
}

PageRole PageRole::confirmation(const QString &candidateNumber, int version)
{
    PageRole role = roleOf(PageRoleKind::Confirmation);
    role.candidateNumber = candidateNumber;
    role.version = version;
    return role;
}

PageRole PageRole::coverSheet(const QString &candidateNumber)
{
    PageRole role = roleOf(PageRoleKind::CoverSheet);
    role.candidateNumber = candidateNumber;
    return role;
}

PageRole PageRole::separator(const QString &pieceCode)
{
    PageRole role = roleOf(PageRoleKind::Separator);
    role.pieceCode = pieceCode;
    return role;
}

PageRole PageRole::exception(ExceptionReason reason, const QString &value)
{
    PageRole role = roleOf(PageRoleKind::Exception);
    role.reason = reason;
    role.value = value;
    return role;
}

PageRole PageRole::supportingOf(const QString &candidateNumber, const QString &pieceCode)
{
    PageRole role = roleOf(PageRoleKind::SupportingOf);
    role.candidateNumber = candidateNumber;
    role.pieceCode = pieceCode;
    return role;
}

PageRole PageRole::ignored()
{
    return roleOf(PageRoleKind::Ignored);
}

namespace {

struct OurCodes
{
    QStringList values; // every value of ours, in read order
    QStringList candidates;
    QSet<QString> inscriptions;
    QSet<int> versions;
    QStringList pieces;
    QStringList coverSheets; // candidate numbers named by bordereau codes
    QString foreignValue;    // the first foreign value, if any
};

OurCodes sortCodes(const QList<BarcodeRead> &codes, const BarcodePatterns &patterns)
{
    OurCodes sorted;
    for (const BarcodeRead &code : codes) {
        const BarcodeClass found = patterns.classify(code.text);
        switch (found.kind) {
        case BarcodeClass::Kind::Confirmation:
            sorted.values.append(code.text.trimmed());
            if (!sorted.candidates.contains(found.candidateNumber))
                sorted.candidates.append(found.candidateNumber);
            if (!found.inscriptionNumber.isEmpty())
                sorted.inscriptions.insert(found.inscriptionNumber);
            if (found.version > 0)
                sorted.versions.insert(found.version);
            break;
        case BarcodeClass::Kind::CoverSheet:
            sorted.values.append(code.text.trimmed());
            if (!sorted.coverSheets.contains(found.candidateNumber))
                sorted.coverSheets.append(found.candidateNumber);
            break;
        case BarcodeClass::Kind::Separator:
            sorted.values.append(code.text.trimmed());
            if (!sorted.pieces.contains(found.pieceCode))
                sorted.pieces.append(found.pieceCode);
            break;
        case BarcodeClass::Kind::Foreign:
            if (sorted.foreignValue.isEmpty())
                sorted.foreignValue = code.text;
            break;
        }
    }
    return sorted;
}

// Code 128 beside a QR: the longer value also carries the inscription and version.
QString longestOf(const QStringList &values)
{
    QString longest;
    for (const QString &value : values) {
        if (value.size() > longest.size())
            longest = value;
    }
    return longest;
}

} // namespace

PageClassifier::PageClassifier(BarcodePatterns patterns) : m_patterns(std::move(patterns)) {}

PageRole PageClassifier::classify(const PageRead &read) const
{
    if (!read.decodeError.isEmpty()) {
        // The failure is the reason and its words the detail: never a "code read" (a timeout's
        // message was once shown as the value read on the page).
        PageRole role = PageRole::exception(ExceptionReason::DecodeFailed);
        role.detail = read.decodeError;
        return role;
    }

    const OurCodes ours = sortCodes(read.codes, m_patterns);
    const bool isConfirmation = !ours.candidates.isEmpty();
    const bool isSeparator = !ours.pieces.isEmpty();
    const bool isCoverSheet = !ours.coverSheets.isEmpty();
    const bool disagree = ours.candidates.size() > 1 || ours.versions.size() > 1 ||
                          ours.inscriptions.size() > 1 || ours.pieces.size() > 1 ||
                          ours.coverSheets.size() > 1 ||
                          int(isConfirmation) + int(isSeparator) + int(isCoverSheet) > 1;
    if (disagree) {
        PageRole role = PageRole::exception(ExceptionReason::ConflictingCodes,
                                            ours.values.join(QStringLiteral(" / ")));
        role.readCandidates = ours.candidates;
        for (const QString &number : std::as_const(ours.coverSheets)) {
            if (!role.readCandidates.contains(number))
                role.readCandidates.append(number);
        }
        return role;
    }
    if (isCoverSheet) {
        PageRole role = PageRole::coverSheet(ours.coverSheets.constFirst());
        role.value = longestOf(ours.values);
        return role;
    }
    if (isConfirmation) {
        PageRole role = PageRole::confirmation(
            ours.candidates.constFirst(), ours.versions.isEmpty() ? 0 : *ours.versions.begin());
        if (!ours.inscriptions.isEmpty())
            role.inscriptionNumber = *ours.inscriptions.begin();
        role.value = longestOf(ours.values);
        return role;
    }
    if (isSeparator) {
        PageRole role = PageRole::separator(ours.pieces.constFirst());
        role.value = ours.values.constFirst();
        return role;
    }
    if (read.suspectedCode)
        return PageRole::exception(ExceptionReason::UnreadableCode, ours.foreignValue);
    if (!ours.foreignValue.isEmpty())
        return PageRole::exception(ExceptionReason::ForeignCode, ours.foreignValue);
    return read.blank ? PageRole::blank() : PageRole::plain();
}

} // namespace pointage
