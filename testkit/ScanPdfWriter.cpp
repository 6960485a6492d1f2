#include "ScanPdfWriter.h"

#include <QBuffer>
#include <QFile>
#include <QImageWriter>

namespace pointage::testkit {

namespace {

QByteArray jpegBytes(const QImage &image, int quality, bool progressive = false)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.setProgressiveScanWrite(progressive);
    writer.write(image);
    return bytes;
}

QByteArray rawGrey(const QImage &grey)
{
    QByteArray bytes;
    bytes.reserve(grey.width() * grey.height());
    for (int y = 0; y < grey.height(); ++y)
        bytes.append(reinterpret_cast<const char *>(grey.constScanLine(y)), grey.width());
    return bytes;
}

// qCompress() prefixes a 4-byte length to a zlib stream; FlateDecode wants the zlib stream.
QByteArray flate(const QByteArray &bytes)
{
    return qCompress(bytes, 6).mid(4);
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'f', 2);
}

// Assembles numbered objects and the xref table that Poppler checks.
class PdfAssembler
{
public:
    PdfAssembler() { m_out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"; }

    void object(int id, const QByteArray &body)
    {
        recordOffset(id);
        m_out += QByteArray::number(id) + " 0 obj\n" + body + "\nendobj\n";
    }

    void stream(int id, QByteArray dictionary, const QByteArray &data)
    {
        recordOffset(id);
        dictionary.insert(dictionary.lastIndexOf(">>"),
                          " /Length " + QByteArray::number(data.size()) + " ");
        m_out += QByteArray::number(id) + " 0 obj\n" + dictionary + "\nstream\n" + data +
                 "\nendstream\nendobj\n";
    }

    QByteArray finish(const QByteArray &extraTrailer = {})
    {
        const qsizetype xref = m_out.size();
        m_out += "xref\n0 " + QByteArray::number(m_offsets.size() + 1) + "\n";
        m_out += "0000000000 65535 f \n";
        for (qsizetype offset : m_offsets)
            m_out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
        m_out += "trailer\n<< /Size " + QByteArray::number(m_offsets.size() + 1) + " /Root 1 0 R " +
                 extraTrailer + ">>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
        return m_out;
    }

private:
    void recordOffset(int id)
    {
        if (m_offsets.size() < id)
            m_offsets.resize(id);
        m_offsets[id - 1] = m_out.size();
    }

    QByteArray m_out;
    QList<qsizetype> m_offsets;
};

} // namespace

ScanPdfWriter::ScanPdfWriter(PdfImageEncoding encoding, int jpegQuality)
    : m_encoding(encoding), m_jpegQuality(jpegQuality)
{}

void ScanPdfWriter::addPage(const QImage &image, int dpi, const PdfPageOptions &options)
{
    Page page;
    page.widthPt = image.width() * 72.0 / dpi;
    page.heightPt = image.height() * 72.0 / dpi;
    page.options = options;
    const QByteArray size = " /Width " + QByteArray::number(image.width()) + " /Height " +
                            QByteArray::number(image.height()) + " /BitsPerComponent 8";
    switch (m_encoding) {
    case PdfImageEncoding::GreyJpeg:
        page.imageData = jpegBytes(image.convertToFormat(QImage::Format_Grayscale8), m_jpegQuality);
        page.imageDictionary = "<< /Type /XObject /Subtype /Image" + size +
                               " /ColorSpace /DeviceGray /Filter /DCTDecode >>";
        break;
    case PdfImageEncoding::ProgressiveGreyJpeg:
        page.imageData =
            jpegBytes(image.convertToFormat(QImage::Format_Grayscale8), m_jpegQuality, true);
        page.imageDictionary = "<< /Type /XObject /Subtype /Image" + size +
                               " /ColorSpace /DeviceGray /Filter /DCTDecode >>";
        break;
    case PdfImageEncoding::ColourJpeg:
        page.imageData = jpegBytes(image.convertToFormat(QImage::Format_RGB32), m_jpegQuality);
        page.imageDictionary = "<< /Type /XObject /Subtype /Image" + size +
                               " /ColorSpace /DeviceRGB /Filter /DCTDecode >>";
        break;
    case PdfImageEncoding::GreyFlate:
        page.imageData = flate(rawGrey(image.convertToFormat(QImage::Format_Grayscale8)));
        page.imageDictionary = "<< /Type /XObject /Subtype /Image" + size +
                               " /ColorSpace /DeviceGray /Filter /FlateDecode >>";
        break;
    }
    m_pages.append(page);
}

QByteArray ScanPdfWriter::pdf() const
{
    PdfAssembler out;
    // Objects: 1 catalog, 2 page tree, then per page: page, content, image, logo.
    const auto pageId = [](qsizetype i) {
        return int(3 + 4 * i);
    };
    QByteArray kids;
    for (qsizetype i = 0; i < m_pages.size(); ++i)
        kids += QByteArray::number(pageId(i)) + " 0 R ";
    out.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
    out.object(2, "<< /Type /Pages /Kids [" + kids + "] /Count " +
                      QByteArray::number(m_pages.size()) + " >>");
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        const Page &page = m_pages.at(i);
        const int id = pageId(i);
        QByteArray xobjects = "/Im0 " + QByteArray::number(id + 2) + " 0 R";
        QByteArray content =
            "q " + number(page.widthPt) + " 0 0 " + number(page.heightPt) + " 0 0 cm /Im0 Do Q\n";
        if (page.options.secondImage) {
            xobjects += " /Logo " + QByteArray::number(id + 3) + " 0 R";
            content += "q 60 0 0 60 20 20 cm /Logo Do Q\n";
        }
        if (page.options.vectorStamp)
            content += "0 g 30 30 120 25 re f\n";
        QByteArray pageDictionary = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " +
                                    number(page.widthPt) + " " + number(page.heightPt) +
                                    "] /Resources << /XObject << " + xobjects + " >> >>" +
                                    " /Contents " + QByteArray::number(id + 1) + " 0 R";
        if (page.options.rotate != 0)
            pageDictionary += " /Rotate " + QByteArray::number(page.options.rotate);
        out.object(id, pageDictionary + " >>");
        out.stream(id + 1, "<< >>", content);
        out.stream(id + 2, page.imageDictionary, page.imageData);
        if (page.options.secondImage) {
            QImage logo(8, 8, QImage::Format_Grayscale8);
            logo.fill(0);
            out.stream(id + 3,
                       "<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /BitsPerComponent 8 "
                       "/ColorSpace /DeviceGray /Filter /FlateDecode >>",
                       flate(rawGrey(logo)));
        } else {
            out.object(id + 3, "null");
        }
    }
    return out.finish();
}

bool ScanPdfWriter::save(const QString &path) const
{
    return writeBytes(path, pdf());
}

bool writeTruncatedPdf(const QString &path, const QImage &page, int dpi, double keptFraction)
{
    ScanPdfWriter writer;
    writer.addPage(page, dpi);
    writer.addPage(page, dpi);
    const QByteArray whole = writer.pdf();
    return writeBytes(path, whole.left(qsizetype(whole.size() * keptFraction)));
}

bool writeEncryptedPdf(const QString &path)
{
    // Standard security handler, RC4 40 bits, with an /U entry that the empty user password
    // does not produce: any reader must ask for a password.
    PdfAssembler out;
    out.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
    out.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    out.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
    out.stream(4, "<< >>", QByteArray(64, '\x5a'));
    const QByteArray key32 = QByteArray(32, '\x11').toHex();
    out.object(5, "<< /Filter /Standard /V 1 /R 2 /O <" + key32 + "> /U <" +
                      QByteArray(32, '\x22').toHex() + "> /P -3904 >>");
    const QByteArray id = "<0123456789abcdef0123456789abcdef>";
    return writeBytes(path, out.finish("/Encrypt 5 0 R /ID [" + id + " " + id + "] "));
}

bool writePdfWithoutPages(const QString &path)
{
    PdfAssembler out;
    out.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
    out.object(2, "<< /Type /Pages /Kids [] /Count 0 >>");
    return writeBytes(path, out.finish());
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size() && file.flush();
}

} // namespace pointage::testkit
