#include "pointage/ReportFileName.h"

#include <QStringList>

namespace pointage {

namespace {

// Letters that do not decompose into a base letter plus accents under NFD.
QString foldLigature(QChar c)
{
    switch (c.unicode()) {
    case u'œ':
    case u'Œ':
        return QStringLiteral("OE");
    case u'æ':
    case u'Æ':
        return QStringLiteral("AE");
    case u'ß':
        return QStringLiteral("SS");
    case u'ø':
    case u'Ø':
        return QStringLiteral("O");
    case u'đ':
    case u'Đ':
        return QStringLiteral("D");
    case u'ł':
    case u'Ł':
        return QStringLiteral("L");
    default:
        return {};
    }
}

bool isReservedWindowsName(const QString &stem)
{
    static const QStringList reserved = {
        QStringLiteral("CON"),  QStringLiteral("PRN"),  QStringLiteral("AUX"),
        QStringLiteral("NUL"),  QStringLiteral("COM1"), QStringLiteral("COM2"),
        QStringLiteral("COM3"), QStringLiteral("COM4"), QStringLiteral("COM5"),
        QStringLiteral("COM6"), QStringLiteral("COM7"), QStringLiteral("COM8"),
        QStringLiteral("COM9"), QStringLiteral("LPT1"), QStringLiteral("LPT2"),
        QStringLiteral("LPT3"), QStringLiteral("LPT4"), QStringLiteral("LPT5"),
        QStringLiteral("LPT6"), QStringLiteral("LPT7"), QStringLiteral("LPT8"),
        QStringLiteral("LPT9")};
    return reserved.contains(stem);
}

QString trimmedUnderscores(QString text)
{
    while (text.startsWith(u'_'))
        text.remove(0, 1);
    while (text.endsWith(u'_'))
        text.chop(1);
    return text;
}

} // namespace

QString asciiFileComponent(const QString &text, int maxLength)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    bool pendingSeparator = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue; // the accent of a decomposed letter
        QString ascii;
        if ((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
            ascii = c;
        else if (c >= u'a' && c <= u'z')
            ascii = c.toUpper();
        else
            ascii = foldLigature(c);
        if (ascii.isEmpty()) {
            pendingSeparator = true;
            continue;
        }
        if (pendingSeparator && !folded.isEmpty())
            folded += u'_';
        pendingSeparator = false;
        folded += ascii;
    }
    folded = trimmedUnderscores(folded.left(qMax(0, maxLength)));
    if (isReservedWindowsName(folded))
        folded = folded.left(qMax(0, maxLength - 1)) + u'_';
    return folded;
}

QString schoolFileStem(const QString &uai, const QString &name, int maxLength)
{
    QString stem = asciiFileComponent(uai, maxLength);
    if (stem.isEmpty())
        stem = QStringLiteral("SANS_UAI");
    const int room = maxLength - int(stem.size()) - 1;
    if (room > 0) {
        const QString folded = asciiFileComponent(name, room);
        if (!folded.isEmpty())
            stem += u'_' + folded;
    }
    return stem.left(maxLength);
}

} // namespace pointage
