// Ink and paper in an upright sample of a page: each pixel's darkness against the paper around
// it (grey paper, uneven lighting and faint toner all read alike), a noise-aware threshold, and
// the connected strokes of ink.
// Thread-safety: plain values; reentrant functions.
#pragma once

#include <QImage>
#include <QRect>
#include <QtGlobal>
#include <vector>

namespace pointage {

struct InkMap
{
    int width = 0;
    int height = 0;
    std::vector<quint8> darkness; // paper level around the pixel minus the pixel, 0 = paper
    std::vector<quint8> ink;      // 1 where darkness passes the threshold
    int threshold = 0;

    bool isInk(int x, int y) const { return ink[size_t(y) * size_t(width) + size_t(x)] != 0; }
    void clear(int x, int y) { ink[size_t(y) * size_t(width) + size_t(x)] = 0; }
};

// `sample` is Format_Grayscale8 at `pxPerMm`.
InkMap inkMap(const QImage &sample, double pxPerMm);

// One 8-connected stroke of ink.
struct InkBlob
{
    int id = 0; // its label in InkBlobs::labels
    QRect box;
    int pixels = 0;
    qint64 darkness = 0; // summed over its pixels
};

struct InkBlobs
{
    std::vector<InkBlob> blobs;
    std::vector<int> labels; // per pixel: blob id, or -1 on paper

    int labelAt(int x, int y, int width) const
    {
        return labels[size_t(y) * size_t(width) + size_t(x)];
    }
};

InkBlobs inkBlobs(const InkMap &map);

} // namespace pointage
