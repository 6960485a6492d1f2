#include "pointage/PieceRecognition.h"

#include <QCryptographicHash>
#include <algorithm>

namespace pointage {

namespace {

QString withoutAccents(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString plain;
    plain.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x0152) || c == QChar(0x0153)) // Œ œ: no decomposition
            plain += QStringLiteral("OE");
        else if (c == QChar(0x2019) || c == QChar(0x2018) || c == QChar(0x00B4))
            plain += QLatin1Char('\'');
        else
            plain += c;
    }
    return plain.toUpper();
}

bool isBoundary(const QString &text, qsizetype at)
{
    return at < 0 || at >= text.size() || text.at(at) == QLatin1Char(' ') ||
           text.at(at) == QLatin1Char('\'');
}

// A keyword hits when it appears as whole words: "NOTE" is not found inside "NOTER", but
// "AMENAGEMENT" is found in "D'AMENAGEMENT" (French elision).
bool containsWords(const QString &haystack, const QString &words)
{
    if (words.isEmpty())
        return false;
    for (qsizetype at = haystack.indexOf(words); at >= 0; at = haystack.indexOf(words, at + 1)) {
        if (isBoundary(haystack, at - 1) && isBoundary(haystack, at + words.size()))
            return true;
    }
    return false;
}

int scoreOf(const PieceSignature &signature, const QString &words, const QString &plain)
{
    int score = 0;
    for (const QString &keyword : signature.keywords)
        score += containsWords(words, textForMatching(keyword)) ? 1 : 0;
    for (const QRegularExpression &pattern : signature.patterns)
        score += pattern.match(plain).hasMatch() ? 2 : 0;
    return score;
}

} // namespace

QString textForMatching(const QString &text)
{
    const QString plain = withoutAccents(text);
    QString out;
    out.reserve(plain.size());
    bool space = true;
    for (const QChar c : plain) {
        if (c.isLetterOrNumber() || c == QLatin1Char('<') || c == QLatin1Char('\'')) {
            out += c;
            space = false;
        } else if (!space) {
            out += QLatin1Char(' ');
            space = true;
        }
    }
    return out.trimmed();
}

PieceGuess recognisePiece(const QString &ocrText, const QList<PieceSignature> &signatures)
{
    const QString words = textForMatching(ocrText);
    const QString plain = withoutAccents(ocrText);
    PieceGuess guess;
    const PieceSignature *best = nullptr;
    for (const PieceSignature &signature : signatures) {
        const int score = scoreOf(signature, words, plain);
        if (score > guess.score) {
            guess.runnerUpScore = guess.score;
            guess.score = score;
            best = &signature;
        } else {
            guess.runnerUpScore = std::max(guess.runnerUpScore, score);
        }
    }
    if (!best)
        return guess;
    guess.confidence = std::min(1.0, double(guess.score) / double(best->minScore + 1));
    // Sure means: enough signals for this piece, and at least twice those of any other.
    if (guess.score >= best->minScore && guess.score >= 2 * guess.runnerUpScore)
        guess.pieceCode = best->code;
    return guess;
}

QString signaturesHash(const QList<PieceSignature> &signatures)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData("piece-signatures-1\n");
    for (const PieceSignature &s : signatures) {
        hash.addData(QByteArray(s.code.toUtf8() + '\n' + QByteArray::number(s.minScore) + '\n'));
        for (const QString &k : s.keywords)
            hash.addData(QByteArray("k:" + k.toUtf8() + '\n'));
        for (const QRegularExpression &p : s.patterns)
            hash.addData(QByteArray("p:" + p.pattern().toUtf8() + '\n'));
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

} // namespace pointage
