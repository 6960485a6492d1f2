// Draws clean A4 pages like those the DIEC scans: confirmations d'inscription with their barcode
// and two signature boxes (signed by default; empty, faint, stamped or signed astray on demand),
// supporting documents, separator sheets, blank backs, pages with someone else's
// barcode, and confirmations whose code was scratched out. Scanner defects are added afterwards
// by PageDegradation. Text drawing needs a QGuiApplication.
// Thread-safety: drawPage() is reentrant (it uses only its own QPainter and image).
#pragma once

#include "BarcodeImage.h"
#include "SignatureMarks.h"

#include <QImage>
#include <QRectF>
#include <QString>

namespace pointage::testkit {

enum class PageKind {
    Confirmation, // confirmation d'inscription: text, signature, barcode of the payload
    Supporting,   // pièce justificative: paragraphs and a table, no barcode
    Separator,    // separator sheet: a big Code 128 "PJ-<CODE>" and its label
    Blank,        // the blank back of a duplex scan
    ForeignCode,  // a document carrying a barcode that is not ours (parcel label, EAN-13)
    DamagedCode,  // a confirmation whose barcode is partly scratched out: unreadable
    CoverSheet,   // Pointage's bordereau: name, checklist, Code 128 + QR of "BD-<number>"
};

// What a supporting page is, for pages drawn as realistic pieces (PageKind::Supporting).
enum class PieceDocument {
    Generic,                // a titled page of filler text and a table (the default)
    IdCard,                 // photocopy of a French ID card, front, with its MRZ
    ApprenticeshipContract, // CERFA n° 10103 apprenticeship contract
    Diploma,                // a CAP / brevet diploma
    Transcript,             // relevé de notes
    Accommodation,          // décision d'aménagement d'épreuves
    UnrelatedLetter,        // a covering letter from the school: not any piece
};

// The piece code a careful clerk gives such a page under config/rules.json ("" for Generic
// and for the unrelated letter: nobody can tell, or it is none).
QString pieceCodeOf(PieceDocument document);
QString documentName(PieceDocument document); // "id_card"… for test traces and the bench

struct PageSpec
{
    PageKind kind = PageKind::Supporting;
    QString payload;                          // confirmation, separator or foreign code value
    Symbology symbology = Symbology::Code128; // of the page's main code
    bool withQrCode = false;                  // confirmation: also a QR code of the payload
    double moduleMm = 0.33;                   // narrowest bar as printed
    QString candidateName = QStringLiteral("MARTIN Léa");
    QString school = QStringLiteral("LYCÉE PROFESSIONNEL LES ALPILLES (0131234A)");
    QString specialty = QStringLiteral("31224 - CAP CUISINE");
    int variant = 0;                                 // seeds the filler text and the layout jitter
    PieceDocument document = PieceDocument::Generic; // Supporting pages only
    // Confirmation only: what each of its two signature boxes holds.
    SignatureInk candidateSignature = SignatureInk::Signed;
    SignatureInk headSignature = SignatureInk::Signed; // chef d'établissement
};

// The confirmation's two signature boxes, side by side at the bottom of the page.
enum class SignatureBox {
    Candidate, // « Signature du candidat (ou de son représentant légal) »
    Head,      // « Signature et cachet du chef d'établissement »
};

// Where a signature box is printed, in millimetres from the page's top-left corner (A4
// portrait). The barcode moves a few millimetres from page to page; the boxes do not.
QRectF signatureBoxMm(SignatureBox box);

// The page at `dpi` (A4 portrait), Format_Grayscale8, white paper and black ink.
QImage drawPage(const PageSpec &spec, int dpi);

} // namespace pointage::testkit
