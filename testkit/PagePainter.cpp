#include "PagePainter.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace pointage::testkit {

namespace {

constexpr double kA4WidthMm = 210.0;
constexpr double kA4HeightMm = 297.0;

const QStringList &fillerWords()
{
    static const QStringList words = {
        QStringLiteral("le"),
        QStringLiteral("candidat"),
        QStringLiteral("atteste"),
        QStringLiteral("avoir"),
        QStringLiteral("pris"),
        QStringLiteral("connaissance"),
        QStringLiteral("des"),
        QStringLiteral("modalités"),
        QStringLiteral("d'examen"),
        QStringLiteral("session"),
        QStringLiteral("épreuves"),
        QStringLiteral("diplôme"),
        QStringLiteral("formation"),
        QStringLiteral("établissement"),
        QStringLiteral("dispense"),
        QStringLiteral("certificat"),
        QStringLiteral("conformément"),
        QStringLiteral("arrêté"),
        QStringLiteral("relatif"),
        QStringLiteral("au"),
        QStringLiteral("certificat"),
        QStringLiteral("d'aptitude"),
        QStringLiteral("professionnelle"),
        QStringLiteral("et"),
        QStringLiteral("à"),
        QStringLiteral("la"),
        QStringLiteral("signature"),
        QStringLiteral("pièces"),
        QStringLiteral("justificatives"),
        QStringLiteral("rectorat"),
    };
    return words;
}

// Millimetres to pixels on a page scanned at a given resolution.
class PageGeometry
{
public:
    explicit PageGeometry(int dpi) : m_dpi(dpi) {}
    int px(double mm) const { return int(std::lround(mm * m_dpi / 25.4)); }
    QRect rect(double x, double y, double w, double h) const
    {
        return QRect(px(x), px(y), px(w), px(h));
    }
    QFont font(double points, bool bold = false) const
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(std::max(4, px(points * 0.3528)));
        font.setBold(bold);
        return font;
    }
    int dpi() const { return m_dpi; }

private:
    int m_dpi;
};

class PageCanvas
{
public:
    PageCanvas(const PageGeometry &geometry, int variant)
        : m_geometry(geometry), m_random(quint32(variant) * 2654435761u + 17u),
          m_image(geometry.px(kA4WidthMm), geometry.px(kA4HeightMm), QImage::Format_RGB32)
    {
        m_image.fill(Qt::white);
        m_painter.begin(&m_image);
        m_painter.setRenderHint(QPainter::Antialiasing);
        m_painter.setRenderHint(QPainter::TextAntialiasing);
        m_painter.setPen(Qt::black);
    }

    QImage finish()
    {
        m_painter.end();
        return m_image.convertToFormat(QImage::Format_Grayscale8);
    }

    void text(double x, double y, const QString &text, double points, bool bold = false)
    {
        m_painter.setFont(m_geometry.font(points, bold));
        m_painter.drawText(QPoint(m_geometry.px(x), m_geometry.px(y)), text);
    }

    // Justified-looking filler paragraph; returns the y below it.
    double paragraph(double x, double y, double width, int lines, double points = 10)
    {
        const double lineHeight = points * 0.3528 * 1.5;
        for (int i = 0; i < lines; ++i) {
            QString line;
            const int target = int(width / (points * 0.3528 * 0.55)) - (i == lines - 1 ? 30 : 0);
            while (line.size() < target) {
                const QStringList &words = fillerWords();
                line += words.at(int(m_random.bounded(words.size()))) + QLatin1Char(' ');
            }
            text(x, y + i * lineHeight, line.trimmed(), points);
        }
        return y + lines * lineHeight + lineHeight;
    }

    void image(double x, double y, const QImage &symbol)
    {
        m_painter.drawImage(QPoint(m_geometry.px(x), m_geometry.px(y)), symbol);
    }

    void frame(double x, double y, double w, double h, double penMm = 0.3)
    {
        m_painter.save();
        m_painter.setPen(QPen(Qt::black, m_geometry.px(penMm) + 1));
        m_painter.drawRect(m_geometry.rect(x, y, w, h));
        m_painter.restore();
    }

    void fill(const QRect &area, const QColor &colour) { m_painter.fillRect(area, colour); }

    // A hand signature: a few overlapping loops inside the box.
    void signature(double x, double y, double w, double h)
    {
        QPainterPath path(QPointF(m_geometry.px(x), m_geometry.px(y + h * 0.6)));
        for (int i = 0; i < 6; ++i) {
            const double cx = x + w * (i + 0.5) / 6.0;
            path.cubicTo(m_geometry.px(cx - 4), m_geometry.px(y + h * randomUnit()),
                         m_geometry.px(cx + 2), m_geometry.px(y + h * randomUnit()),
                         m_geometry.px(cx + 5), m_geometry.px(y + h * (0.4 + 0.3 * randomUnit())));
        }
        m_painter.save();
        m_painter.setPen(QPen(QColor(20, 20, 90), m_geometry.px(0.5) + 1));
        m_painter.drawPath(path);
        m_painter.restore();
    }

    void table(double x, double y, double w, int rows, int columns)
    {
        const double rowHeight = 7;
        for (int r = 0; r <= rows; ++r)
            m_painter.drawLine(m_geometry.px(x), m_geometry.px(y + r * rowHeight),
                               m_geometry.px(x + w), m_geometry.px(y + r * rowHeight));
        for (int c = 0; c <= columns; ++c)
            m_painter.drawLine(m_geometry.px(x + c * w / columns), m_geometry.px(y),
                               m_geometry.px(x + c * w / columns),
                               m_geometry.px(y + rows * rowHeight));
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c)
                text(x + c * w / columns + 2, y + r * rowHeight + 5,
                     r == 0 ? QStringLiteral("Intitulé %1").arg(c + 1)
                            : QString::number(m_random.bounded(1000, 99999)),
                     9, r == 0);
    }

    double jitter(double mm) { return mm * (randomUnit() - 0.5) * 2; }
    const PageGeometry &geometry() const { return m_geometry; }

private:
    double randomUnit() { return m_random.generateDouble(); }

    PageGeometry m_geometry;
    QRandomGenerator m_random;
    QImage m_image;
    QPainter m_painter;
};

void drawHeader(PageCanvas &canvas, const QString &title)
{
    canvas.text(15, 18, QStringLiteral("ACADÉMIE D'AIX-MARSEILLE"), 11, true);
    canvas.text(15, 24, QStringLiteral("Division des examens et concours"), 9);
    canvas.text(15, 45, title, 16, true);
}

QImage symbolFor(const PageSpec &spec, const PageGeometry &geometry, double moduleMm)
{
    // 2D codes are printed with larger cells than bars: 0.5 mm is what office printers manage.
    const int module =
        modulePixels(isLinear(spec.symbology) ? moduleMm : std::max(moduleMm, 0.5), geometry.dpi());
    return barcodeImage(spec.symbology, spec.payload, module, geometry.px(12));
}

void drawConfirmation(PageCanvas &canvas, const PageSpec &spec, bool damaged)
{
    const PageGeometry &g = canvas.geometry();
    drawHeader(canvas, QStringLiteral("CONFIRMATION D'INSCRIPTION"));
    canvas.text(15, 52, QStringLiteral("Session 2025 — Certificat d'aptitude professionnelle"), 10);

    const double codeX = 112 + canvas.jitter(3);
    const double codeY = 14 + canvas.jitter(2);
    const QImage code = symbolFor(spec, g, spec.moduleMm);
    canvas.image(codeX, codeY, code);
    const double codeBottom = codeY + code.height() * 25.4 / g.dpi();
    canvas.text(codeX + 8, codeBottom + 4, spec.payload, 9);
    if (damaged) {
        // A pen scratch through the middle third: every scan line loses its centre bars.
        const QRect symbol(g.px(codeX), g.px(codeY), code.width(), code.height());
        canvas.fill(QRect(symbol.left() + symbol.width() * 2 / 5, symbol.top(), symbol.width() / 4,
                          symbol.height()),
                    Qt::white);
    }
    if (spec.withQrCode && !damaged) {
        const QImage qr =
            barcodeImage(Symbology::QRCode, spec.payload, modulePixels(0.5, g.dpi()), 0);
        canvas.image(175, 60, qr);
    }

    double y = 68;
    canvas.text(15, y, QStringLiteral("Candidat : ") + spec.candidateName, 11, true);
    canvas.text(15, y + 7, QStringLiteral("Établissement : ") + spec.school, 10);
    canvas.text(15, y + 13, QStringLiteral("Spécialité : ") + spec.specialty, 10);
    y = canvas.paragraph(15, y + 26, 180, 8);
    canvas.text(15, y, QStringLiteral("Épreuves et unités"), 11, true);
    canvas.table(15, y + 4, 180, 6, 4);
    y = canvas.paragraph(15, y + 56, 180, 10);
    canvas.text(120, 240, QStringLiteral("Signature du candidat"), 9);
    canvas.frame(118, 243, 75, 30);
    canvas.signature(125, 248, 55, 20);
}

// Laid out like the real one (src/report/CoverSheets.cpp): codes at the top right, name and
// checklist below, no signature.
void drawCoverSheet(PageCanvas &canvas, const PageSpec &spec)
{
    const PageGeometry &g = canvas.geometry();
    drawHeader(canvas, QStringLiteral("BORDEREAU DE DOSSIER D'INSCRIPTION"));
    const QImage code = symbolFor(spec, g, 0.4);
    canvas.image(112 + canvas.jitter(2), 14 + canvas.jitter(2), code);
    const QImage qr = barcodeImage(Symbology::QRCode, spec.payload, modulePixels(0.5, g.dpi()), 0);
    canvas.image(170, 55, qr);
    canvas.text(15, 68, QStringLiteral("Candidat : ") + spec.candidateName, 12, true);
    canvas.text(15, 76, QStringLiteral("Établissement : ") + spec.school, 10);
    canvas.text(15, 83, QStringLiteral("Spécialité : ") + spec.specialty, 10);
    canvas.text(15, 100, QStringLiteral("Pièces à joindre"), 11, true);
    canvas.frame(15, 104, 4, 4, 0.3);
    canvas.text(22, 107, QStringLiteral("Confirmation d'inscription signée"), 10);
    canvas.paragraph(15, 130, 180, 3);
}

void drawSupporting(PageCanvas &canvas, const PageSpec &spec)
{
    static const QStringList titles = {QStringLiteral("ATTESTATION DE FORMATION"),
                                       QStringLiteral("RELEVÉ DE NOTES"),
                                       QStringLiteral("DÉCISION D'AMÉNAGEMENT D'ÉPREUVES"),
                                       QStringLiteral("CONTRAT D'APPRENTISSAGE")};
    drawHeader(canvas, titles.at(spec.variant % titles.size()));
    double y = canvas.paragraph(15, 60 + canvas.jitter(4), 180, 9);
    canvas.table(15, y, 180, 8, 3 + spec.variant % 3);
    y = canvas.paragraph(15, y + 70, 180, 12);
    canvas.text(120, y + 10, QStringLiteral("Fait à Marseille, le 3 décembre 2025"), 10);
    canvas.signature(130, y + 16, 50, 18);
}

void drawSeparator(PageCanvas &canvas, const PageSpec &spec)
{
    const PageGeometry &g = canvas.geometry();
    const QImage code =
        barcodeImage(Symbology::Code128, spec.payload, modulePixels(0.5, g.dpi()), g.px(25));
    canvas.image((kA4WidthMm - code.width() * 25.4 / g.dpi()) / 2, 80, code);
    canvas.text(40, 140, QStringLiteral("INTERCALAIRE"), 28, true);
    canvas.text(40, 160, QStringLiteral("Pièce : ") + spec.payload.mid(3), 20);
}

void drawForeign(PageCanvas &canvas, const PageSpec &spec)
{
    const PageGeometry &g = canvas.geometry();
    canvas.text(15, 20, QStringLiteral("BORDEREAU D'EXPÉDITION"), 14, true);
    canvas.frame(15, 28, 120, 70, 0.5);
    canvas.text(20, 38, QStringLiteral("Expéditeur : CFA DES MÉTIERS"), 10);
    canvas.text(20, 45, QStringLiteral("Destinataire : Rectorat — DIEC"), 10);
    const QImage code = symbolFor(spec, g, 0.4);
    canvas.image(20, 55, code);
    canvas.paragraph(15, 120, 180, 6);
}

} // namespace

QImage drawPage(const PageSpec &spec, int dpi)
{
    PageCanvas canvas{PageGeometry(dpi), spec.variant};
    switch (spec.kind) {
    case PageKind::Confirmation:
        drawConfirmation(canvas, spec, false);
        break;
    case PageKind::DamagedCode:
        drawConfirmation(canvas, spec, true);
        break;
    case PageKind::Supporting:
        drawSupporting(canvas, spec);
        break;
    case PageKind::Separator:
        drawSeparator(canvas, spec);
        break;
    case PageKind::CoverSheet:
        drawCoverSheet(canvas, spec);
        break;
    case PageKind::ForeignCode:
        drawForeign(canvas, spec);
        break;
    case PageKind::Blank:
        break;
    }
    return canvas.finish();
}

} // namespace pointage::testkit
