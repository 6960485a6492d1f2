#include "GreyJpeg.h"

#include <algorithm>
#include <csetjmp>
#include <cstdio> // jpeglib.h needs FILE and size_t declared first
#include <jpeglib.h>

namespace pointage {

namespace {

// libjpeg reports a fatal error by calling error_exit, which must not return: it jumps back to
// the function that started the step. Those functions hold no object with a destructor, so
// nothing is skipped on the way; the decoder itself is destroyed by its owner.
struct Decoder
{
    Decoder()
    {
        info.err = jpeg_std_error(&errors);
        errors.error_exit = [](j_common_ptr common) {
            std::longjmp(static_cast<Decoder *>(common->client_data)->jump, 1);
        };
        // Warnings (damaged entropy data, a truncated file) are not failures: the page decodes
        // as every viewer shows it, and the reader judges what it can read.
        errors.output_message = [](j_common_ptr) {
        };
        info.client_data = this;
    }
    ~Decoder()
    {
        if (created)
            jpeg_destroy_decompress(&info);
    }
    Decoder(const Decoder &) = delete;
    Decoder &operator=(const Decoder &) = delete;

    jpeg_decompress_struct info{};
    jpeg_error_mgr errors{};
    std::jmp_buf jump{};
    bool created = false;
};

// Creating the decoder allocates, and fails like any other step (a worker near its memory cap).
bool readHeader(Decoder &decoder, QByteArrayView jpeg)
{
    if (setjmp(decoder.jump))
        return false;
    jpeg_create_decompress(&decoder.info);
    decoder.created = true;
    jpeg_mem_src(&decoder.info, reinterpret_cast<const unsigned char *>(jpeg.data()),
                 static_cast<unsigned long>(jpeg.size()));
    return jpeg_read_header(&decoder.info, TRUE) == JPEG_HEADER_OK;
}

// Rows are handed to libjpeg this many at a time: it then transforms whole block rows at once.
constexpr int kRowsPerCall = 16;

bool decodeInto(Decoder &decoder, int eighths, const QRect &area, QImage &out)
{
    if (setjmp(decoder.jump))
        return false;
    jpeg_decompress_struct &info = decoder.info;
    info.out_color_space = JCS_GRAYSCALE;
    info.scale_num = unsigned(eighths);
    info.scale_denom = 8;
    info.dct_method = JDCT_ISLOW;
    jpeg_start_decompress(&info);
    const QRect whole(0, 0, int(info.output_width), int(info.output_height));
    const QRect wanted = area.isNull() ? whole : area.intersected(whole);
    if (wanted.isEmpty())
        return false;
    JDIMENSION left = 0;
    JDIMENSION width = info.output_width;
    // Columns are cropped on grey scans only: libjpeg-turbo's cropping of subsampled colour
    // has had bugs, and a colour scan is the rare case.
    if (info.num_components == 1 && wanted.width() < whole.width()) {
        left = JDIMENSION(wanted.left());
        width = JDIMENSION(wanted.width());
        jpeg_crop_scanline(&info, &left, &width);
    }
    const auto top = JDIMENSION(wanted.top());
    if (top > 0 && jpeg_skip_scanlines(&info, top) != top)
        return false;
    out = QImage(int(width), wanted.height(), QImage::Format_Grayscale8);
    if (out.isNull())
        return false;
    out.setOffset(QPoint(int(left), wanted.top()));
    const auto bottom = JDIMENSION(wanted.top() + wanted.height());
    while (info.output_scanline < bottom) {
        JSAMPROW rows[kRowsPerCall];
        const int count = int(std::min<JDIMENSION>(kRowsPerCall, bottom - info.output_scanline));
        for (int i = 0; i < count; ++i)
            rows[i] = out.scanLine(int(info.output_scanline - top) + i);
        if (jpeg_read_scanlines(&info, rows, JDIMENSION(count)) == 0)
            return false;
    }
    // Not finished: the rows below the band are never read, and destroying the decoder
    // releases what it holds.
    return true;
}

} // namespace

std::optional<QSize> greyJpegSize(QByteArrayView jpeg)
{
    Decoder decoder;
    if (!readHeader(decoder, jpeg))
        return std::nullopt;
    return QSize(int(decoder.info.image_width), int(decoder.info.image_height));
}

QImage decodeGreyJpeg(QByteArrayView jpeg, int eighths, const QRect &area)
{
    if (eighths < 1 || eighths > 8)
        return {};
    Decoder decoder;
    QImage out;
    if (!readHeader(decoder, jpeg) || !decodeInto(decoder, eighths, area, out))
        return {};
    return out;
}

} // namespace pointage
