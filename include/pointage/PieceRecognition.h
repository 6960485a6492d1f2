// Tells a supporting page's piece type from the text OCR read on it, against the per-piece
// keywords and patterns of the rules file ("recognise" of each piece in config/rules.json).
// Precision first: a page gets a type only when one piece is clearly signalled and no other
// comes close; otherwise it stays « à identifier » and a person decides.
// Thread-safety: pure functions over plain values.
#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace pointage {

struct PieceSignature
{
    QString code;
    QStringList keywords;               // as written in the rules (matched without accents/case)
    QList<QRegularExpression> patterns; // on the text without accents, upper case
    int minScore = 2;                   // keyword = 1 point, pattern = 2 points
};

struct PieceGuess
{
    QString pieceCode;       // empty: « à identifier »
    double confidence = 0.0; // 0–1; the best score's share of what makes a sure answer
    int score = 0;
    int runnerUpScore = 0;
};

// Upper case, accents and ligatures removed, curly apostrophes straightened, runs of anything
// but letters, digits, '<' and apostrophes made one space.
QString textForMatching(const QString &text);

PieceGuess recognisePiece(const QString &ocrText, const QList<PieceSignature> &signatures);

// Identifies the signatures a result was computed with: results under another hash are stale
// and the stage reads those pages again.
QString signaturesHash(const QList<PieceSignature> &signatures);

} // namespace pointage
