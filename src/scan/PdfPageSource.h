// Pages of a PDF: Poppler renders them (the reference), unless the page is a plain scan whose
// embedded JPEG can be decoded directly (PlainScanPage).
// Thread-safety: one thread only — it owns a Poppler::Document.
#pragma once

#include "PdfFile.h"
#include "pointage/PageSource.h"

#include <QFile>
#include <memory>
#include <optional>

namespace Poppler {
class Document;
}

namespace pointage {

class PdfPageSource final : public PageSource
{
public:
    // Errors as openPageSource() documents them.
    static Result<std::unique_ptr<PageSource>> open(const QString &path, PdfRendering rendering);
    ~PdfPageSource() override;

    QString path() const override { return m_path; }
    int pageCount() const override { return m_pageCount; }
    Result<QImage> render(int pageIndex, int dpi) override;
    Result<QImage> renderArea(int pageIndex, int dpi, const QRectF &within) override;

    // True when page `pageIndex` would be decoded by the fast path (for tests and statistics).
    bool usesFastPath(int pageIndex) const;

private:
    PdfPageSource(const QString &path, std::unique_ptr<Poppler::Document> document);
    void indexForFastPath();
    void releaseMappedPages();
    // The fast path's image (the whole page when `within` is null), or a null image.
    QImage decodePlainScan(int pageIndex, int dpi, const QRectF &within);
    Result<QImage> renderWithPoppler(int pageIndex, int dpi);

    QString m_path;
    std::unique_ptr<Poppler::Document> m_document;
    int m_pageCount = 0;
    QFile m_file; // mapped for the fast path
    const uchar *m_mapped = nullptr;
    QByteArray m_jpeg; // the JPEG being decoded, read from the file (reused page after page)
    int m_pagesSinceRelease = 0;    // pages decoded since the mapped pages were given back
    std::optional<PdfFile> m_index; // set when the fast path understood the file
};

} // namespace pointage
