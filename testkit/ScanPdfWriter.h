// Writes PDFs the way office copiers and ADF scanners do: one full-page image per page (grey or
// colour JPEG, or Flate-compressed grey), a classic xref table, nothing else. Options add what
// the scan layer must treat with care: a /Rotate entry, or vector content over the image.
// Also writes deliberately broken PDFs (truncated, encrypted, without pages) for error tests.
// Thread-safety: one writer per thread; the free functions are reentrant.
#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

namespace pointage::testkit {

// How a page's image is stored. Progressive JPEG: some scanner drivers and PDF tools write
// it; libjpeg then decodes every scan of the whole image before the first row comes out.
enum class PdfImageEncoding { GreyJpeg, ColourJpeg, ProgressiveGreyJpeg, GreyFlate };

struct PdfPageOptions
{
    int rotate = 0;           // /Rotate entry: 0, 90, 180 or 270
    bool vectorStamp = false; // also draw a filled rectangle over the image (not a pure scan)
    bool secondImage = false; // also place a small second image (e.g. a pasted logo)
};

class ScanPdfWriter
{
public:
    explicit ScanPdfWriter(PdfImageEncoding encoding = PdfImageEncoding::GreyJpeg,
                           int jpegQuality = 75);

    // `image` is the page as scanned at `dpi`; the page's MediaBox is its physical size.
    void addPage(const QImage &image, int dpi, const PdfPageOptions &options = {});

    int pageCount() const { return int(m_pages.size()); }
    QByteArray pdf() const;
    bool save(const QString &path) const;

private:
    struct Page
    {
        QByteArray imageDictionary;
        QByteArray imageData;
        double widthPt = 0;
        double heightPt = 0;
        PdfPageOptions options;
    };
    PdfImageEncoding m_encoding;
    int m_jpegQuality;
    QList<Page> m_pages;
};

// Broken inputs, each written to `path`; return false only if the file could not be written.
bool writeTruncatedPdf(const QString &path, const QImage &page, int dpi, double keptFraction);
bool writeEncryptedPdf(const QString &path);
bool writePdfWithoutPages(const QString &path);
bool writeBytes(const QString &path, const QByteArray &bytes); // zero-byte, garbage…

} // namespace pointage::testkit
