#include "PdfPageSource.h"

#include "PlainScanPage.h"

#include <QFileInfo>
#include <algorithm>
#include <poppler-qt6.h>
#include <sys/mman.h>
#include <unistd.h>

namespace pointage {

namespace {

// The mapped bytes a page's dictionaries make resident (a few fault-arounds of 64 KB) are
// given back this often: a worker's memory stays flat, for a sixteenth of the system calls.
constexpr int kPagesBetweenReleases = 16;

// Every complete PDF ends with "%%EOF" (readers tolerate it anywhere in the last kilobyte).
// Poppler would silently rebuild a truncated file and drop its missing pages; an interrupted
// copy must be reported instead, or pages would vanish without anyone knowing.
bool looksComplete(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    file.seek(std::max<qint64>(0, file.size() - 1024));
    return file.readAll().contains("%%EOF");
}

} // namespace

Result<std::unique_ptr<PageSource>> PdfPageSource::open(const QString &path, PdfRendering rendering)
{
    const QString name = QFileInfo(path).fileName();
    if (!looksComplete(path))
        return makeError(ErrorCode::Format,
                         QStringLiteral("le PDF est incomplet (copie ou transfert interrompu) ; "
                                        "copiez à nouveau le fichier depuis le scanner."),
                         name);
    std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
    if (!document)
        return makeError(ErrorCode::Format,
                         QStringLiteral("le PDF est endommagé ou incomplet et ne peut pas être "
                                        "lu ; numérisez à nouveau le lot ou demandez le "
                                        "fichier d'origine."),
                         name);
    if (document->isLocked())
        return makeError(ErrorCode::Encrypted,
                         QStringLiteral("le PDF est protégé par un mot de passe ; enregistrez-le "
                                        "sans protection depuis le scanner puis réessayez."),
                         name);
    if (document->numPages() <= 0)
        return makeError(ErrorCode::EmptyFile, QStringLiteral("le PDF ne contient aucune page."),
                         name);
    auto source = std::unique_ptr<PdfPageSource>(new PdfPageSource(path, std::move(document)));
    if (rendering == PdfRendering::FastWhenPlainScan)
        source->indexForFastPath();
    return std::unique_ptr<PageSource>(std::move(source));
}

PdfPageSource::PdfPageSource(const QString &path, std::unique_ptr<Poppler::Document> document)
    : m_path(path), m_document(std::move(document)), m_pageCount(m_document->numPages()),
      m_file(path)
{
    m_document->setRenderHint(Poppler::Document::Antialiasing, true);
    m_document->setRenderHint(Poppler::Document::TextAntialiasing, true);
}

PdfPageSource::~PdfPageSource() = default;

void PdfPageSource::indexForFastPath()
{
    if (!m_file.open(QIODevice::ReadOnly))
        return;
    const uchar *bytes = m_file.map(0, m_file.size());
    if (!bytes)
        return;
    m_mapped = bytes;
    // Kernels map whole large folios of a file on each touch: drop them as the index walks on.
    int walked = 0;
    m_index = PdfFile::index(QByteArrayView(reinterpret_cast<const char *>(bytes), m_file.size()),
                             [this, &walked] {
                                 if (++walked % 8 == 0)
                                     releaseMappedPages();
                             });
    // Trust our reading of the page tree only when Poppler agrees on its size.
    if (m_index && m_index->pageCount() != m_pageCount)
        m_index.reset();
    releaseMappedPages();
}

// Indexing walks the whole file and each page touches its image: without this, the worker's
// resident memory would grow to the size of the PDF (450 MB for 500 pages at 300 dpi). The
// mapping is file-backed, so dropped pages are simply read again from the page cache if needed.
void PdfPageSource::releaseMappedPages()
{
    if (m_mapped)
        ::madvise(const_cast<uchar *>(m_mapped), size_t(m_file.size()), MADV_DONTNEED);
}

bool PdfPageSource::usesFastPath(int pageIndex) const
{
    return m_index && pageIndex >= 0 && pageIndex < m_pageCount &&
           PlainScanPage::find(*m_index, pageIndex).has_value();
}

QImage PdfPageSource::decodePlainScan(int pageIndex, int dpi, const QRectF &within)
{
    if (!m_index || pageIndex < 0 || pageIndex >= m_pageCount)
        return {};
    std::optional<PlainScanPage> scan = PlainScanPage::find(*m_index, pageIndex);
    if (!scan)
        return {};
    // The JPEG (about 1 MB at 300 dpi) is read into a buffer rather than decoded through the
    // mapping: touching it there costs a dozen page faults, and giving them back a TLB flush on
    // every core, each page; copying costs less. Only the page's few dictionaries are touched
    // in the mapping, given back every few pages.
    const qint64 offset = reinterpret_cast<const uchar *>(scan->jpeg.data()) - m_mapped;
    m_jpeg.resize(scan->jpeg.size());
    if (::pread(m_file.handle(), m_jpeg.data(), size_t(m_jpeg.size()), off_t(offset)) ==
        ssize_t(m_jpeg.size()))
        scan->jpeg = QByteArrayView(m_jpeg);
    QImage image = scan->decode(dpi, within);
    if (++m_pagesSinceRelease >= kPagesBetweenReleases) {
        m_pagesSinceRelease = 0;
        releaseMappedPages();
    }
    return image;
}

Result<QImage> PdfPageSource::render(int pageIndex, int dpi)
{
    QImage image = decodePlainScan(pageIndex, dpi, {});
    if (!image.isNull())
        return image;
    return renderWithPoppler(pageIndex, dpi);
}

Result<QImage> PdfPageSource::renderArea(int pageIndex, int dpi, const QRectF &within)
{
    QImage image = decodePlainScan(pageIndex, dpi, within);
    if (!image.isNull())
        return image;
    return cropToArea(renderWithPoppler(pageIndex, dpi), dpi, within);
}

Result<QImage> PdfPageSource::renderWithPoppler(int pageIndex, int dpi)
{
    const QString name = QFileInfo(m_path).fileName();
    std::unique_ptr<Poppler::Page> page =
        pageIndex >= 0 && pageIndex < m_pageCount ? m_document->page(pageIndex) : nullptr;
    if (!page)
        return makeError(ErrorCode::Decode,
                         QStringLiteral("la page est absente ou endommagée dans le PDF."), name, 0,
                         pageIndex + 1);
    QImage image = page->renderToImage(dpi, dpi);
    if (image.isNull())
        return makeError(ErrorCode::Decode,
                         QStringLiteral("la page n'a pas pu être affichée (PDF endommagé ?)."),
                         name, 0, pageIndex + 1);
    QImage grey = std::move(image).convertToFormat(QImage::Format_Grayscale8);
    setRenderedDpi(grey, dpi);
    return grey;
}

} // namespace pointage
