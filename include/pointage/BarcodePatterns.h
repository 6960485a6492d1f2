// Tells what a decoded barcode value is: our confirmation (candidate number, optionally the
// inscription number and version), one of our bordereaux (the cover sheet Pointage prints for a
// candidate's dossier), one of our separator sheets (a piece type), or foreign.
// A bordereau names whose dossier follows; it is never the signed confirmation, so it has a
// payload of its own (default "BD-<candidate number>").
// The patterns are configuration: regular expressions with named groups.
// Thread-safety: immutable after creation; classify() may be called from several threads.
#pragma once

#include "pointage/Result.h"

#include <QRegularExpression>
#include <QString>

namespace pointage {

struct BarcodeClass
{
    enum class Kind { Confirmation, CoverSheet, Separator, Foreign };

    Kind kind = Kind::Foreign;
    QString candidateNumber;   // Confirmation, CoverSheet: always 11 digits
    QString inscriptionNumber; // Confirmation: empty when the code does not carry it
    int version = 0;           // Confirmation: 0 when the code does not carry it
    QString pieceCode;         // Separator
};

class BarcodePatterns
{
public:
    // The default patterns (see the default*Pattern() functions).
    BarcodePatterns();

    // Fails with a French message when a pattern is not a valid regular expression or lacks its
    // named group: (?<candidate>…) for confirmations and bordereaux, (?<piece>…) for
    // separators; or when the bordereau pattern is the confirmation's (a bordereau must never
    // be read as the signed confirmation).
    static Result<BarcodePatterns>
    create(const QString &confirmationPattern, const QString &separatorPattern,
           const QString &coverSheetPattern = defaultCoverSheetPattern());

    static QString defaultConfirmationPattern();
    static QString defaultSeparatorPattern();
    static QString defaultCoverSheetPattern();

    QString confirmationPattern() const { return m_confirmationSource; }
    QString separatorPattern() const { return m_separatorSource; }
    QString coverSheetPattern() const { return m_coverSheetSource; }

    // The whole value (trimmed) must match; a confirmation or bordereau whose candidate group
    // is not a 10–11 digit number is foreign. The bordereau pattern is tried first: it is the
    // more specific one.
    BarcodeClass classify(const QString &value) const;

private:
    struct Compiled;
    explicit BarcodePatterns(Compiled compiled);

    QString m_confirmationSource;
    QString m_separatorSource;
    QString m_coverSheetSource;
    QRegularExpression m_confirmation;
    QRegularExpression m_separator;
    QRegularExpression m_coverSheet;
};

} // namespace pointage
