// Tells what a decoded barcode value is: our confirmation (candidate number, optionally the
// inscription number and version), one of our separator sheets (a piece type), or foreign.
// The patterns are configuration: regular expressions with named groups.
// Thread-safety: immutable after creation; classify() may be called from several threads.
#pragma once

#include "pointage/Result.h"

#include <QRegularExpression>
#include <QString>

namespace pointage {

struct BarcodeClass
{
    enum class Kind { Confirmation, Separator, Foreign };

    Kind kind = Kind::Foreign;
    QString candidateNumber;   // Confirmation: always 11 digits
    QString inscriptionNumber; // Confirmation: empty when the code does not carry it
    int version = 0;           // Confirmation: 0 when the code does not carry it
    QString pieceCode;         // Separator
};

class BarcodePatterns
{
public:
    // The default patterns (see defaultConfirmationPattern() and defaultSeparatorPattern()).
    BarcodePatterns();

    // Fails with a French message when a pattern is not a valid regular expression or lacks its
    // named group: (?<candidate>…) for confirmations, (?<piece>…) for separators.
    static Result<BarcodePatterns> create(const QString &confirmationPattern,
                                          const QString &separatorPattern);

    static QString defaultConfirmationPattern();
    static QString defaultSeparatorPattern();

    QString confirmationPattern() const { return m_confirmationSource; }
    QString separatorPattern() const { return m_separatorSource; }

    // The whole value (trimmed) must match; a confirmation whose candidate group is not a
    // 10–11 digit number is foreign.
    BarcodeClass classify(const QString &value) const;

private:
    BarcodePatterns(QString confirmationSource, QString separatorSource,
                    QRegularExpression confirmation, QRegularExpression separator);

    QString m_confirmationSource;
    QString m_separatorSource;
    QRegularExpression m_confirmation;
    QRegularExpression m_separator;
};

} // namespace pointage
