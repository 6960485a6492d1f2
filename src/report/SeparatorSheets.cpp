#include "pointage/SeparatorSheets.h"

#include "BarcodeSymbol.h"
#include "PdfCanvas.h"

namespace pointage {

namespace {

constexpr qreal kSeparatorMarginMm = 18;
constexpr qreal kSeparatorWidthMm = PdfCanvas::pageWidthMm - 2 * kSeparatorMarginMm;
// Larger than on the bordereaux: a separator is often fed crooked between thick documents.
// Short codes get wider bars, up to about 12 cm of symbol.
constexpr qreal minModuleMm = 0.6;
constexpr qreal maxModuleMm = 1.0;
constexpr qreal targetWidthMm = 120;
constexpr qreal barHeightMm = 30;

void drawSeparatorText(PdfCanvas &canvas, qreal topMm, qreal heightMm, const QFont &font, int flags,
                       const QString &text)
{
    QPainter &p = canvas.painter();
    p.setFont(font);
    p.drawText(canvas.mmRect(kSeparatorMarginMm, topMm, kSeparatorWidthMm, heightMm),
               flags | Qt::TextWordWrap, text);
}

void drawSeparator(PdfCanvas &canvas, const PieceType &piece, const BarcodeSymbol &symbol,
                   const ReportSettings &settings, const QString &payload)
{
    drawSeparatorText(canvas, 12, 10, reportFont(9), Qt::AlignLeft,
                      settings.academie + u'\n' + settings.service);
    drawSeparatorText(canvas, 30, 10, reportFont(14, true), Qt::AlignHCenter,
                      QStringLiteral("INTERCALAIRE — PIÈCE JUSTIFICATIVE"));
    drawSeparatorText(canvas, 50, 50, reportFont(30, true), Qt::AlignHCenter | Qt::AlignVCenter,
                      piece.label.toUpper());

    const qreal moduleMm =
        qBound(minModuleMm, targetWidthMm / symbol.paintedWidth(1.0), maxModuleMm);
    const qreal symbolWidthMm = symbol.paintedWidth(moduleMm);
    const qreal left = (PdfCanvas::pageWidthMm - symbolWidthMm) / 2;
    const qreal top = 115;
    symbol.paint(canvas.painter(), QPointF(canvas.mm(left), canvas.mm(top)), canvas.mm(moduleMm),
                 canvas.mm(barHeightMm));
    drawSeparatorText(canvas, top + barHeightMm + 2, 8, reportFont(13), Qt::AlignHCenter, payload);

    drawSeparatorText(canvas, 175, 40, reportFont(13), Qt::AlignHCenter,
                      QStringLiteral("Intercaler cette feuille devant la pièce « %1 » du candidat, "
                                     "à l'intérieur de son dossier, juste avant de numériser.")
                          .arg(piece.label));
    drawSeparatorText(
        canvas, 250, 20, reportFont(10), Qt::AlignHCenter,
        QStringLiteral("Ne pas plier cette feuille ni écrire sur le code-barres. Elle peut "
                       "être réutilisée d'un lot de numérisation à l'autre."));
}

} // namespace

QString separatorPayload(const PieceType &piece)
{
    return QStringLiteral("PJ-") + piece.code;
}

Result<QByteArray> separatorSheetsPdf(const QList<PieceType> &pieces,
                                      const ReportSettings &settings)
{
    if (pieces.isEmpty()) {
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("Aucun type de pièce configuré : aucun intercalaire à "
                                        "imprimer."));
    }
    PdfCanvas canvas(QStringLiteral("Intercalaires des pièces justificatives"));
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const QString payload = separatorPayload(pieces.at(i));
        auto symbol = BarcodeSymbol::encode(BarcodeSymbol::Kind::Code128, payload);
        if (!symbol)
            return symbol.error();
        if (i > 0)
            canvas.newPage();
        drawSeparator(canvas, pieces.at(i), symbol.value(), settings, payload);
    }
    return canvas.finish();
}

} // namespace pointage
