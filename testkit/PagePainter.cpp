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

    // Machine-readable zone lettering (OCR-B is not packaged: a monospaced face stands in).
    void mono(double x, double y, const QString &text, double points)
    {
        QFont font = m_geometry.font(points);
        font.setFamily(QStringLiteral("DejaVu Sans Mono"));
        m_painter.setFont(font);
        m_painter.drawText(QPoint(m_geometry.px(x), m_geometry.px(y)), text);
    }

    // Lines of given sentences, wrapped at `width` mm; returns the y below them.
    double sentences(double x, double y, double width, const QStringList &parts, double points = 10)
    {
        const double lineHeight = points * 0.3528 * 1.5;
        const int perLine = int(width / (points * 0.3528 * 0.55));
        QString line;
        for (const QString &word : parts.join(QLatin1Char(' ')).split(QLatin1Char(' '))) {
            if (!line.isEmpty() && line.size() + word.size() + 1 > perLine) {
                text(x, y, line, points);
                y += lineHeight;
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        if (!line.isEmpty()) {
            text(x, y, line, points);
            y += lineHeight;
        }
        return y + lineHeight / 2;
    }

    // Labelled table: header row then rows of cells, 7 mm high.
    double grid(double x, double y, double w, const QList<QStringList> &rows)
    {
        const double rowHeight = 7;
        const int columns = rows.isEmpty() ? 1 : int(rows.first().size());
        for (int r = 0; r <= rows.size(); ++r)
            m_painter.drawLine(m_geometry.px(x), m_geometry.px(y + r * rowHeight),
                               m_geometry.px(x + w), m_geometry.px(y + r * rowHeight));
        for (int c = 0; c <= columns; ++c)
            m_painter.drawLine(m_geometry.px(x + c * w / columns), m_geometry.px(y),
                               m_geometry.px(x + c * w / columns),
                               m_geometry.px(y + rows.size() * rowHeight));
        for (int r = 0; r < rows.size(); ++r)
            for (int c = 0; c < rows.at(r).size() && c < columns; ++c)
                text(x + c * w / columns + 2, y + r * rowHeight + 5, rows.at(r).at(c), 9, r == 0);
        return y + rows.size() * rowHeight + 6;
    }

    void shade(double x, double y, double w, double h, int grey)
    {
        m_painter.fillRect(m_geometry.rect(x, y, w, h), QColor(grey, grey, grey));
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

    // A printed box with its label in the top-left corner, and what the school put in it.
    void signatureBox(const QRectF &boxMm, const QString &label, SignatureInk ink)
    {
        frame(boxMm.x(), boxMm.y(), boxMm.width(), boxMm.height());
        text(boxMm.x() + 1.5, boxMm.y() + 3.5, label, 7);
        drawSignatureInk(m_painter, m_geometry.dpi() / 25.4, boxMm, ink, m_random);
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
    canvas.paragraph(15, y + 56, 180, 8); // ends a few millimetres above the signature boxes
    canvas.signatureBox(signatureBoxMm(SignatureBox::Candidate),
                        QStringLiteral("Signature du candidat (ou de son représentant légal)"),
                        spec.candidateSignature);
    canvas.signatureBox(signatureBoxMm(SignatureBox::Head),
                        QStringLiteral("Signature et cachet du chef d'établissement"),
                        spec.headSignature);
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

void drawIdCard(PageCanvas &canvas, const PageSpec &spec);
void drawContract(PageCanvas &canvas, const PageSpec &spec);
void drawDiploma(PageCanvas &canvas, const PageSpec &spec);
void drawTranscript(PageCanvas &canvas, const PageSpec &spec);
void drawAccommodation(PageCanvas &canvas, const PageSpec &spec);
void drawUnrelatedLetter(PageCanvas &canvas, const PageSpec &spec);

void drawSupporting(PageCanvas &canvas, const PageSpec &spec)
{
    switch (spec.document) {
    case PieceDocument::IdCard:
        return drawIdCard(canvas, spec);
    case PieceDocument::ApprenticeshipContract:
        return drawContract(canvas, spec);
    case PieceDocument::Diploma:
        return drawDiploma(canvas, spec);
    case PieceDocument::Transcript:
        return drawTranscript(canvas, spec);
    case PieceDocument::Accommodation:
        return drawAccommodation(canvas, spec);
    case PieceDocument::UnrelatedLetter:
        return drawUnrelatedLetter(canvas, spec);
    case PieceDocument::Generic:
        break;
    }
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

// The name drawn on a piece: "MARTIN Léa" -> {"MARTIN", "Léa"}.
QStringList nameParts(const PageSpec &spec)
{
    const qsizetype space = spec.candidateName.indexOf(QLatin1Char(' '));
    if (space < 0)
        return {spec.candidateName, QStringLiteral("Léa")};
    return {spec.candidateName.left(space), spec.candidateName.mid(space + 1)};
}

QString mrzName(const QString &name)
{
    QString plain = name.normalized(QString::NormalizationForm_KD).toUpper();
    QString out;
    for (const QChar c : plain) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            out += c;
        else if (c == QLatin1Char(' ') || c == QLatin1Char('-') || c == QLatin1Char('\''))
            out += QLatin1Char('<');
    }
    return out;
}

// A photocopy of the card's front, at 120 % as copiers are often set, in the page's top.
void drawIdCard(PageCanvas &canvas, const PageSpec &spec)
{
    const QStringList name = nameParts(spec);
    const double x = 18 + canvas.jitter(4);
    const double y = 16 + canvas.jitter(4);
    canvas.frame(x, y, 103, 65, 0.4);
    canvas.text(x + 4, y + 7, QStringLiteral("RÉPUBLIQUE FRANÇAISE"), 8, true);
    canvas.text(x + 4, y + 13, QStringLiteral("CARTE NATIONALE D'IDENTITÉ"), 10, true);
    canvas.text(x + 4, y + 17, QStringLiteral("NATIONAL IDENTITY CARD"), 6);
    canvas.shade(x + 4, y + 21, 26, 32, 150);
    canvas.text(x + 34, y + 24, QStringLiteral("Nom : ") + name.at(0), 9, true);
    canvas.text(x + 34, y + 30, QStringLiteral("Prénom(s) : ") + name.at(1), 9);
    canvas.text(x + 34, y + 36, QStringLiteral("Sexe : F    Nationalité : FRA"), 8);
    canvas.text(x + 34, y + 42, QStringLiteral("Date de naiss. : 14 03 2009"), 8);
    canvas.text(x + 34, y + 48, QStringLiteral("Lieu de naissance : MARSEILLE"), 8);
    const QString line1 = QString(QStringLiteral("IDFRA") + mrzName(name.at(0)) +
                                  QStringLiteral("<<<<<<<<<<<<<<<<<<<<<<<<<<"))
                              .left(30) +
                          QStringLiteral("132075");
    const QString line2 = QString(QStringLiteral("0901132016789") + mrzName(name.at(1)) +
                                  QStringLiteral("<<<<<<<<<<<<<<"))
                              .left(27) +
                          QStringLiteral("0903143F8");
    canvas.mono(x + 3, y + 58, line1, 9);
    canvas.mono(x + 3, y + 63, line2, 9);
}

void drawContract(PageCanvas &canvas, const PageSpec &spec)
{
    const QStringList name = nameParts(spec);
    const double y0 = 14 + canvas.jitter(3);
    canvas.frame(15, y0, 24, 12, 0.4);
    canvas.text(18, y0 + 8, QStringLiteral("cerfa"), 12, true);
    canvas.text(15, y0 + 17, QStringLiteral("N° 10103*10"), 8);
    canvas.text(50, y0 + 8, QStringLiteral("CONTRAT D'APPRENTISSAGE"), 16, true);
    canvas.text(50, y0 + 14, QStringLiteral("Code du travail – Articles L. 6211-1 et suivants"), 8);
    double y = y0 + 26;
    canvas.text(15, y, QStringLiteral("L'EMPLOYEUR"), 11, true);
    y = canvas.grid(15, y + 3, 180,
                    {{QStringLiteral("Dénomination"), QStringLiteral("N° SIRET")},
                     {QStringLiteral("BOULANGERIE DU PORT"), QStringLiteral("812 345 678 00017")}});
    canvas.text(15, y, QStringLiteral("L'APPRENTI(E)"), 11, true);
    y = canvas.grid(
        15, y + 3, 180,
        {{QStringLiteral("Nom de naissance"), QStringLiteral("Prénom")}, {name.at(0), name.at(1)}});
    canvas.text(15, y, QStringLiteral("LE MAÎTRE D'APPRENTISSAGE"), 11, true);
    y = canvas.sentences(15, y + 6, 180,
                         {QStringLiteral("Nom, prénom : GIRAUD Paul. Emploi occupé : "
                                         "boulanger, 12 ans d'expérience.")});
    canvas.text(15, y, QStringLiteral("LA FORMATION"), 11, true);
    canvas.sentences(15, y + 6, 180,
                     {QStringLiteral("Diplôme ou titre visé par l'apprenti : CAP Boulanger. "
                                     "CFA responsable : CFA des métiers de bouche.")});
    canvas.text(15, 250, QStringLiteral("Signature de l'employeur"), 9);
    canvas.signature(20, 254, 50, 16);
}

void drawDiploma(PageCanvas &canvas, const PageSpec &spec)
{
    const double y0 = 20 + canvas.jitter(4);
    canvas.frame(10, 10, 190, 150, 1.2);
    canvas.text(70, y0, QStringLiteral("RÉPUBLIQUE FRANÇAISE"), 11, true);
    canvas.text(50, y0 + 7, QStringLiteral("MINISTÈRE DE L'ÉDUCATION NATIONALE"), 10);
    const bool brevet = spec.variant % 2 == 1;
    canvas.text(brevet ? 35 : 60, y0 + 25,
                brevet ? QStringLiteral("DIPLÔME NATIONAL DU BREVET") : QStringLiteral("DIPLÔME"),
                22, true);
    if (!brevet)
        canvas.text(25, y0 + 35, QStringLiteral("Certificat d'aptitude professionnelle"), 14);
    double y =
        canvas.sentences(20, y0 + 50, 170,
                         {QStringLiteral("Vu le code de l'éducation ; vu la délibération du jury,"),
                          QStringLiteral("le diplôme est délivré à ") + spec.candidateName +
                              QStringLiteral(", né(e) le 14 mars 2009 à Marseille,"),
                          QStringLiteral("qui a obtenu le diplôme au titre de la session 2024.")},
                         11);
    canvas.text(120, y + 10, QStringLiteral("Le recteur de l'académie"), 10);
    canvas.signature(125, y + 14, 50, 14);
}

void drawTranscript(PageCanvas &canvas, const PageSpec &spec)
{
    drawHeader(canvas, QStringLiteral("RELEVÉ DE NOTES"));
    canvas.text(15, 53, QStringLiteral("Session 2024 — Certificat d'aptitude professionnelle"), 10);
    canvas.text(15, 60, QStringLiteral("Candidat : ") + spec.candidateName, 10, true);
    double y = canvas.grid(
        15, 66 + canvas.jitter(3), 180,
        {{QStringLiteral("Épreuves"), QStringLiteral("Coefficient"), QStringLiteral("Note /20")},
         {QStringLiteral("EP1 Production"), QStringLiteral("7"), QStringLiteral("13,5")},
         {QStringLiteral("EP2 Technologie"), QStringLiteral("4"), QStringLiteral("11")},
         {QStringLiteral("Français, histoire"), QStringLiteral("3"), QStringLiteral("12")},
         {QStringLiteral("Mathématiques"), QStringLiteral("2"), QStringLiteral("9,5")}});
    canvas.text(15, y + 2, QStringLiteral("Moyenne générale : 12,13 / 20"), 11, true);
    canvas.sentences(15, y + 12, 180,
                     {QStringLiteral("Notes obtenues à l'examen, conservées cinq ans sur "
                                     "demande du candidat.")});
}

void drawAccommodation(PageCanvas &canvas, const PageSpec &spec)
{
    drawHeader(canvas, QStringLiteral("DÉCISION D'AMÉNAGEMENT D'ÉPREUVES"));
    canvas.sentences(
        15, 58 + canvas.jitter(3), 180,
        {QStringLiteral("Le recteur de l'académie, vu l'avis du médecin désigné par la CDAPH,"),
         QStringLiteral("décide que ") + spec.candidateName +
             QStringLiteral(", candidat(e) en situation de handicap, bénéficie des aménagements "
                            "suivants pour la session 2027 :"),
         QStringLiteral("temps majoré d'un tiers pour chaque épreuve écrite ; salle à part ; "
                        "usage d'un ordinateur."),
         QStringLiteral("Ces aménagements d'épreuves valent pour toutes les épreuves du "
                        "diplôme.")},
        10);
    canvas.text(120, 200, QStringLiteral("Pour le recteur, la cheffe de la DIEC"), 9);
    canvas.signature(125, 204, 50, 14);
}

// What schools slip in with their dossiers: not a piece, and it names some on purpose.
void drawUnrelatedLetter(PageCanvas &canvas, const PageSpec &spec)
{
    canvas.text(15, 20, spec.school, 11, true);
    canvas.text(15, 26, QStringLiteral("12 rue des Fours — 13002 Marseille"), 9);
    canvas.text(110, 45, QStringLiteral("Rectorat — DIEC"), 10);
    canvas.text(110, 51, QStringLiteral("Place Lucien Paye, 13621 Aix-en-Provence"), 10);
    canvas.text(15, 68, QStringLiteral("Objet : transmission des dossiers d'inscription"), 10,
                true);
    canvas.sentences(
        15, 80 + canvas.jitter(3), 180,
        {QStringLiteral("Madame, Monsieur,"),
         QStringLiteral("Veuillez trouver ci-joint les confirmations d'inscription signées de "
                        "nos apprentis en vue du diplôme, ainsi que les pièces demandées."),
         QStringLiteral("Nous restons à votre disposition pour tout renseignement."),
         QStringLiteral("Le directeur")},
        10);
    canvas.signature(130, 150, 50, 14);
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

QString pieceCodeOf(PieceDocument document)
{
    switch (document) {
    case PieceDocument::IdCard:
        return QStringLiteral("ID");
    case PieceDocument::ApprenticeshipContract:
        return QStringLiteral("CFA");
    case PieceDocument::Diploma:
        return QStringLiteral("DIPLOME");
    case PieceDocument::Transcript:
        return QStringLiteral("RELEVE");
    case PieceDocument::Accommodation:
        return QStringLiteral("AMENAGEMENT");
    case PieceDocument::UnrelatedLetter:
    case PieceDocument::Generic:
        break;
    }
    return {};
}

QString documentName(PieceDocument document)
{
    switch (document) {
    case PieceDocument::IdCard:
        return QStringLiteral("id_card");
    case PieceDocument::ApprenticeshipContract:
        return QStringLiteral("apprenticeship_contract");
    case PieceDocument::Diploma:
        return QStringLiteral("diploma");
    case PieceDocument::Transcript:
        return QStringLiteral("transcript");
    case PieceDocument::Accommodation:
        return QStringLiteral("accommodation");
    case PieceDocument::UnrelatedLetter:
        return QStringLiteral("unrelated_letter");
    case PieceDocument::Generic:
        break;
    }
    return QStringLiteral("generic");
}

QRectF signatureBoxMm(SignatureBox box)
{
    return box == SignatureBox::Candidate ? QRectF(15, 244, 85, 34) : QRectF(110, 244, 85, 34);
}

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
