// Helpers shared by the scan tests: write generated pages to files in a temporary folder and
// open them as page sources.
#pragma once

#include "PageDegradation.h"
#include "PagePainter.h"
#include "ScanPdfWriter.h"
#include "pointage/PageSource.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>

namespace pointage::testkit {

inline PageSpec confirmationSpec(const QString &payload = QStringLiteral("01234567890-123V2"))
{
    PageSpec spec;
    spec.kind = PageKind::Confirmation;
    spec.payload = payload;
    return spec;
}

inline PageSpec pageSpec(PageKind kind, const QString &payload = {},
                         Symbology symbology = Symbology::Code128)
{
    PageSpec spec;
    spec.kind = kind;
    spec.payload = payload;
    spec.symbology = symbology;
    return spec;
}

class ScanFolder
{
public:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // One-page scanner PDF of `image`.
    QString pdf(const QString &name, const QImage &image, int dpi,
                PdfImageEncoding encoding = PdfImageEncoding::GreyJpeg,
                const PdfPageOptions &options = {}) const
    {
        ScanPdfWriter writer(encoding);
        writer.addPage(image, dpi, options);
        EXPECT_TRUE(writer.save(path(name)));
        return path(name);
    }

private:
    QTemporaryDir m_dir;
};

inline std::unique_ptr<PageSource> openOrFail(const QString &path,
                                              PdfRendering rendering = PdfRendering::PopplerOnly)
{
    auto source = openPageSource(path, rendering);
    EXPECT_TRUE(source.ok()) << (source.ok() ? "" : qPrintable(source.error().located()));
    return source.ok() ? std::move(source).value() : nullptr;
}

} // namespace pointage::testkit
