#include "pointage/CoverSheets.h"

#include "BarcodeSymbol.h"
#include "FrenchDates.h"
#include "PdfCanvas.h"
#include "pointage/SchoolReminder.h"

#include <QRegularExpression>

namespace pointage {

namespace {

constexpr qreal kCoverMarginMm = 18;
constexpr qreal kCoverWidthMm = PdfCanvas::pageWidthMm - 2 * kCoverMarginMm;
// 0.5 mm bars are 3 pixels at 150 dpi: comfortably above the ~2 pixels zxing needs.
constexpr qreal code128ModuleMm = 0.5;
constexpr qreal code128HeightMm = 18;
constexpr qreal qrModuleMm = 1.0;

struct CoverSymbols
{
    QString payload;
    BarcodeSymbol code128;
    BarcodeSymbol qrCode;
};

void drawCoverText(PdfCanvas &canvas, const QRectF &areaMm, const QFont &font, int flags,
                   const QString &text)
{
    QPainter &p = canvas.painter();
    p.setFont(font);
    p.drawText(canvas.mmRect(areaMm.x(), areaMm.y(), areaMm.width(), areaMm.height()),
               flags | Qt::TextWordWrap, text);
}

qreal drawChecklist(PdfCanvas &canvas, const CandidateStatus &candidate, qreal topMm)
{
    QStringList items{confirmationLabel()};
    for (const PieceType &piece : candidate.owedPieces)
        items.append(piece.label);
    drawCoverText(canvas, {kCoverMarginMm, topMm, kCoverWidthMm, 8}, reportFont(12, true),
                  Qt::AlignLeft,
                  QStringLiteral("Pièces à placer sous ce bordereau, dans cet ordre :"));
    const qreal available = 262 - (topMm + 10);
    const qreal step = qMin<qreal>(10, available / items.size());
    QPainter &p = canvas.painter();
    qreal y = topMm + 10;
    for (const QString &item : items) {
        p.setPen(QPen(Qt::black, canvas.mm(0.3)));
        p.drawRect(canvas.mmRect(kCoverMarginMm + 2, y, 5, 5));
        drawCoverText(canvas, {kCoverMarginMm + 11, y - 0.3, kCoverWidthMm - 11, step},
                      reportFont(11), Qt::AlignLeft | Qt::AlignTop, item);
        y += step;
    }
    if (candidate.owedPieces.isEmpty()) {
        drawCoverText(
            canvas, {kCoverMarginMm + 11, y, kCoverWidthMm - 11, 8}, reportFont(10), Qt::AlignLeft,
            QStringLiteral("Aucune pièce justificative n'est demandée pour ce candidat."));
    }
    return y;
}

void drawCoverSheet(PdfCanvas &canvas, const CandidateStatus &candidate,
                    const CoverSymbols &symbols, const ReportSettings &settings,
                    const CoverSheetOptions &options, int page, int pageCount)
{
    const RosterRow &row = candidate.candidate;
    drawCoverText(canvas, {kCoverMarginMm, 12, kCoverWidthMm, 10}, reportFont(9), Qt::AlignLeft,
                  settings.academie + u'\n' + settings.service);
    drawCoverText(canvas, {kCoverMarginMm, 12, kCoverWidthMm, 10}, reportFont(9), Qt::AlignRight,
                  QStringLiteral("Session %1").arg(sessionYear(options.session)));
    drawCoverText(canvas, {kCoverMarginMm, 28, kCoverWidthMm, 10}, reportFont(16, true),
                  Qt::AlignHCenter, QStringLiteral("BORDEREAU DE DOSSIER D'INSCRIPTION"));
    drawCoverText(canvas, {kCoverMarginMm, 42, kCoverWidthMm, 14}, reportFont(11), Qt::AlignLeft,
                  QStringLiteral("Établissement : %1 (UAI %2)\nSpécialité : %3 — %4")
                      .arg(row.establishmentName, row.uai, row.specialtyCode, row.specialtyLabel));
    drawCoverText(canvas, {kCoverMarginMm, 60, kCoverWidthMm, 20}, reportFont(20, true),
                  Qt::AlignLeft, displayedLastName(row) + u' ' + row.firstNames);
    QString numbers = QStringLiteral("N° candidat : %1").arg(row.candidateNumber);
    if (!row.inscriptionNumber.isEmpty())
        numbers += QStringLiteral("    N° inscription : %1, version %2")
                       .arg(row.inscriptionNumber)
                       .arg(row.version);
    drawCoverText(canvas, {kCoverMarginMm, 80, kCoverWidthMm, 8}, reportFont(13), Qt::AlignLeft,
                  numbers);

    const qreal codeTop = 95;
    QPainter &p = canvas.painter();
    symbols.code128.paint(p, QPointF(canvas.mm(kCoverMarginMm), canvas.mm(codeTop)),
                          canvas.mm(code128ModuleMm), canvas.mm(code128HeightMm));
    const qreal barsLeft = kCoverMarginMm + symbols.code128.quietModules() * code128ModuleMm;
    drawCoverText(
        canvas,
        {barsLeft, codeTop + code128HeightMm + 1, symbols.code128.columns() * code128ModuleMm, 6},
        reportFont(11), Qt::AlignHCenter, symbols.payload);
    const qreal qrSide = symbols.qrCode.paintedWidth(qrModuleMm);
    symbols.qrCode.paint(
        p, QPointF(canvas.mm(kCoverMarginMm + kCoverWidthMm - qrSide), canvas.mm(codeTop - 4)),
        canvas.mm(qrModuleMm), 0);

    drawChecklist(canvas, candidate, 132);
    drawCoverText(
        canvas, {kCoverMarginMm, 264, kCoverWidthMm, 14}, reportFont(9), Qt::AlignLeft,
        QStringLiteral("Placez ce bordereau sur le dossier du candidat, au-dessus de la "
                       "confirmation d'inscription signée, et cochez chaque pièce jointe. "
                       "Ce bordereau ne remplace pas la confirmation signée. "
                       "Ne pas plier, ne pas agrafer ni écrire sur les codes-barres."));
    drawCoverText(canvas, {kCoverMarginMm, 282, kCoverWidthMm, 6}, reportFont(8), Qt::AlignRight,
                  QStringLiteral("Page %1 / %2").arg(page).arg(pageCount));
}

Result<CoverSymbols> encodeSymbols(const QString &payload)
{
    auto code128 = BarcodeSymbol::encode(BarcodeSymbol::Kind::Code128, payload);
    if (!code128)
        return code128.error();
    auto qrCode = BarcodeSymbol::encode(BarcodeSymbol::Kind::QrCode, payload);
    if (!qrCode)
        return qrCode.error();
    return CoverSymbols{payload, std::move(code128).value(), std::move(qrCode).value()};
}

} // namespace

QString coverSheetPayload(const RosterRow &row)
{
    const QString number = normaliseCandidateNumber(row.candidateNumber);
    return number.isEmpty() ? QString() : QStringLiteral("BD-") + number;
}

Result<QByteArray> coverSheetsPdf(const QList<CandidateStatus> &candidates,
                                  const ReportSettings &settings, const CoverSheetOptions &options)
{
    if (candidates.isEmpty()) {
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("Aucun candidat sélectionné : aucun bordereau à imprimer."));
    }
    PdfCanvas canvas(QStringLiteral("Bordereaux — session %1").arg(sessionYear(options.session)));
    const int pageCount = int(candidates.size());
    for (int i = 0; i < pageCount; ++i) {
        const CandidateStatus &candidate = candidates.at(i);
        const QString payload = coverSheetPayload(candidate.candidate);
        const BarcodeClass readBack = options.patterns.classify(payload);
        if (!payload.isEmpty() && (readBack.kind != BarcodeClass::Kind::CoverSheet ||
                                   readBack.candidateNumber != payload.mid(3))) {
            return makeError(ErrorCode::Config,
                             QStringLiteral("Le motif des bordereaux de la configuration "
                                            "(barcodes.coverSheet) ne reconnaît pas « %1 » comme "
                                            "un bordereau : les bordereaux imprimés ne seraient "
                                            "pas lus. Corrigez le motif, par exemple "
                                            "« ^BD[-:](?<candidate>\\d{10,11})$ ».")
                                 .arg(payload));
        }
        auto symbols = encodeSymbols(payload);
        if (payload.isEmpty() || !symbols) {
            return makeError(ErrorCode::Format,
                             QStringLiteral("Bordereau %1 : le numéro de candidat « %2 » n'est "
                                            "pas un numéro à 10 ou 11 chiffres ; corrigez la "
                                            "liste d'inscription, puis relancez.")
                                 .arg(QString::number(i + 1), candidate.candidate.candidateNumber));
        }
        if (i > 0)
            canvas.newPage();
        drawCoverSheet(canvas, candidate, symbols.value(), settings, options, i + 1, pageCount);
    }
    return canvas.finish();
}

} // namespace pointage
