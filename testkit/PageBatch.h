// Plans realistic scanned batches with their ground truth: dossiers in the order schools post
// them (confirmation, supporting pieces, optional separator sheets, blank duplex backs, the odd
// foreign or damaged code) with a mix of scanner defects. Tests, the reader benchmark and the
// bundled sample batch measure read rates and false matches against this ground truth.
// Thread-safety: planBatch() and renderBatchPage() are reentrant (text drawing needs a
// QGuiApplication to exist).
#pragma once

#include "PageDegradation.h"
#include "PagePainter.h"
#include "ScanPdfWriter.h"
#include "pointage/PageOutcome.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pointage::testkit {

struct BatchMix
{
    int pages = 500;
    quint32 seed = 2025;
    double damagedConfirmations = 0.03; // share of confirmations whose code is scratched out
    double qrCodes = 0.2;               // share of confirmations also carrying a QR code
    double blankBacks = 0.25;           // share of sheets followed by their blank back
    double separators = 0.15;           // share of supporting pieces preceded by a separator
    double foreignPages = 0.03;
    double skewed = 0.7; // skew drawn uniformly in ±3°
    double upsideDown = 0.06;
    double faint = 0.05;
    double blurred = 0.1;
    double jpegArtefacts = 0.15; // re-encoded at quality 30–60
};

struct BatchPage
{
    PageSpec spec;
    Degradation degradation;
    QString owner;     // candidate number of the dossier the page belongs to ("" before any)
    QString pieceCode; // separators and the pieces after them: "DIPLOME"…

    // "Code128:01234567890" for each code a correct reader must find on the page.
    QStringList expectedCodes() const;
    // A confirmation whose code a reader must find (not scratched out).
    bool isReadableConfirmation() const;
    // Where the page must end once read, matched and segmented with the default pattern
    // (owner and pieceCode tell whose and which piece).
    PageBucket expectedBucket() const;
    ExceptionReason expectedReason() const;
};

QList<BatchPage> planBatch(const BatchMix &mix);

QImage renderBatchPage(const BatchPage &page, int dpi);

// Renders every page (in parallel) and writes one scanner-style PDF.
bool writeBatchPdf(const QString &path, const QList<BatchPage> &pages, int dpi,
                   PdfImageEncoding encoding = PdfImageEncoding::GreyJpeg);

// EAN-13 with its check digit appended to 12 digits, as printed under the bars.
QString ean13WithCheckDigit(const QString &twelveDigits);

} // namespace pointage::testkit
