#include "InkMap.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace pointage {

namespace {

// The paper's light varies over centimetres, not pixels: sums over blocks of 4 × 4 pixels are
// fine enough for the paper level and sixteen times fewer to average.
constexpr int kBlock = 4;

struct BlockSums
{
    int columns = 0;
    int rows = 0;
    std::vector<qint32> sum;   // grey levels of the counted pixels in each block
    std::vector<qint32> count; // how many were counted
};

// `counted`: which pixels count (all when empty).
BlockSums blockSums(const QImage &image, const std::vector<quint8> &counted)
{
    BlockSums blocks;
    blocks.columns = (image.width() + kBlock - 1) / kBlock;
    blocks.rows = (image.height() + kBlock - 1) / kBlock;
    blocks.sum.assign(size_t(blocks.columns) * size_t(blocks.rows), 0);
    blocks.count.assign(blocks.sum.size(), 0);
    const int width = image.width();
    for (int y = 0; y < image.height(); ++y) {
        const uchar *line = image.constScanLine(y);
        const quint8 *take = counted.empty() ? nullptr : counted.data() + size_t(y) * size_t(width);
        qint32 *sum = blocks.sum.data() + size_t(y / kBlock) * size_t(blocks.columns);
        qint32 *count = blocks.count.data() + size_t(y / kBlock) * size_t(blocks.columns);
        for (int x = 0; x < width; x += kBlock) {
            const int end = std::min(width, x + kBlock);
            for (int i = x; i < end; ++i) {
                const int weight = take ? take[i] : 1;
                *sum += weight * line[i];
                *count += weight;
            }
            ++sum;
            ++count;
        }
    }
    return blocks;
}

// Per block, the mean over the square of blocks `reach` around it; -1 where nothing counted.
std::vector<float> neighbourhoodMeans(const BlockSums &blocks, int reach)
{
    const size_t stride = size_t(blocks.columns) + 1;
    std::vector<qint64> sum(stride * size_t(blocks.rows + 1), 0);
    std::vector<qint64> count(sum.size(), 0);
    for (int r = 0; r < blocks.rows; ++r)
        for (int c = 0; c < blocks.columns; ++c) {
            const size_t block = size_t(r) * size_t(blocks.columns) + size_t(c);
            const size_t at = size_t(r + 1) * stride + size_t(c + 1);
            sum[at] = blocks.sum[block] + sum[at - 1] + sum[at - stride] - sum[at - stride - 1];
            count[at] =
                blocks.count[block] + count[at - 1] + count[at - stride] - count[at - stride - 1];
        }
    std::vector<float> means(blocks.sum.size());
    for (int r = 0; r < blocks.rows; ++r) {
        const size_t top = size_t(std::max(0, r - reach)) * stride;
        const size_t bottom = size_t(std::min(blocks.rows, r + reach + 1)) * stride;
        for (int c = 0; c < blocks.columns; ++c) {
            const size_t left = size_t(std::max(0, c - reach));
            const size_t right = size_t(std::min(blocks.columns, c + reach + 1));
            const qint64 n = count[bottom + right] - count[bottom + left] - count[top + right] +
                             count[top + left];
            const qint64 total =
                sum[bottom + right] - sum[bottom + left] - sum[top + right] + sum[top + left];
            means[size_t(r) * size_t(blocks.columns) + size_t(c)] =
                n > 0 ? float(double(total) / double(n)) : -1.0f;
        }
    }
    return means;
}

// Sensor noise from the differences between horizontal neighbours: on paper they are noise
// alone (times √2), and ink edges are too few to move their median, counted in a histogram.
double noiseSigma(const QImage &sample)
{
    std::array<int, 256> histogram{};
    int count = 0;
    for (int y = 0; y < sample.height(); y += 2) {
        const uchar *line = sample.constScanLine(y);
        for (int x = 1; x < sample.width(); x += 2, ++count)
            ++histogram[size_t(std::abs(line[x] - line[x - 1]))];
    }
    if (count == 0)
        return 0;
    int median = 0;
    for (int seen = 0; (seen += histogram[size_t(median)]) <= count / 2;)
        ++median;
    return median * 1.4826 / std::sqrt(2.0);
}

} // namespace

InkMap inkMap(const QImage &sample, double pxPerMm)
{
    InkMap map;
    map.width = sample.width();
    map.height = sample.height();
    const size_t size = size_t(map.width) * size_t(map.height);
    map.darkness.assign(size, 0);
    map.ink.assign(size, 0);
    // The paper level is taken over about 8 mm around each pixel.
    const int reach = std::max(1, int(std::lround(4 * pxPerMm / kBlock)));
    // A pen stroke is a few grey levels darker than noise: six sigmas keep speckle out.
    map.threshold = std::max(24, int(std::lround(6 * noiseSigma(sample))));
    const int width = map.width;
    const int columns = (width + kBlock - 1) / kBlock;
    const int inkThreshold = map.threshold; // a local: the byte stores below alias the map
    const float threshold = float(inkThreshold);

    // Paper level without the ink it surrounds: a second mean over what the first called paper.
    const std::vector<float> firstMean = neighbourhoodMeans(blockSums(sample, {}), reach);
    std::vector<quint8> paper(size);
    for (int y = 0; y < map.height; ++y) {
        const uchar *line = sample.constScanLine(y);
        const float *mean = firstMean.data() + size_t(y / kBlock) * size_t(columns);
        quint8 *isPaper = paper.data() + size_t(y) * size_t(width);
        for (int x = 0; x < width; ++x)
            isPaper[x] = line[x] > mean[x / kBlock] - threshold;
    }
    std::vector<float> level = neighbourhoodMeans(blockSums(sample, paper), reach);
    for (size_t block = 0; block < level.size(); ++block)
        if (level[block] < 0)
            level[block] = firstMean[block];
    for (int y = 0; y < map.height; ++y) {
        const uchar *line = sample.constScanLine(y);
        const float *paperLevel = level.data() + size_t(y / kBlock) * size_t(columns);
        quint8 *darkness = map.darkness.data() + size_t(y) * size_t(width);
        quint8 *ink = map.ink.data() + size_t(y) * size_t(width);
        for (int x = 0; x < width; ++x) {
            // Rounded to nearest; below zero is paper either way.
            const int dark =
                std::clamp(int(paperLevel[x / kBlock] - float(line[x]) + 0.5f), 0, 255);
            darkness[x] = quint8(dark);
            ink[x] = dark >= inkThreshold;
        }
    }
    return map;
}

InkBlobs inkBlobs(const InkMap &map)
{
    InkBlobs result;
    result.labels.assign(map.ink.size(), -1);
    // Positions, not indices: recovering x and y from an index costs a division per pixel.
    std::vector<QPoint> stack;
    for (int y = 0; y < map.height; ++y)
        for (int x = 0; x < map.width; ++x) {
            const size_t start = size_t(y) * size_t(map.width) + size_t(x);
            if (!map.ink[start] || result.labels[start] >= 0)
                continue;
            InkBlob blob;
            blob.id = int(result.blobs.size());
            int left = x, right = x, top = y, bottom = y;
            result.labels[start] = blob.id;
            stack.assign(1, QPoint(x, y));
            while (!stack.empty()) {
                const int px = stack.back().x();
                const int py = stack.back().y();
                stack.pop_back();
                ++blob.pixels;
                blob.darkness += map.darkness[size_t(py) * size_t(map.width) + size_t(px)];
                left = std::min(left, px);
                right = std::max(right, px);
                top = std::min(top, py);
                bottom = std::max(bottom, py);
                for (int ny = std::max(0, py - 1); ny <= std::min(map.height - 1, py + 1); ++ny)
                    for (int nx = std::max(0, px - 1); nx <= std::min(map.width - 1, px + 1);
                         ++nx) {
                        const size_t n = size_t(ny) * size_t(map.width) + size_t(nx);
                        if (map.ink[n] && result.labels[n] < 0) {
                            result.labels[n] = blob.id;
                            stack.emplace_back(nx, ny);
                        }
                    }
            }
            blob.box = QRect(QPoint(left, top), QPoint(right, bottom));
            result.blobs.push_back(blob);
        }
    return result;
}

} // namespace pointage
