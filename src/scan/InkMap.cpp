#include "InkMap.h"

#include <algorithm>
#include <cmath>

namespace pointage {

namespace {

// Sums over boxes in constant time; `weight` picks which pixels count. 32-bit sums hold any
// window up to 8 million pixels, a whole A4 page at 300 dpi.
class BoxSums
{
public:
    BoxSums(const QImage &image, const std::vector<quint8> &weight)
        : m_width(image.width()), m_height(image.height()),
          m_sum(size_t(m_width + 1) * size_t(m_height + 1)), m_count(m_sum.size())
    {
        for (int y = 0; y < m_height; ++y) {
            const uchar *line = image.constScanLine(y);
            qint32 rowSum = 0;
            qint32 rowCount = 0;
            for (int x = 0; x < m_width; ++x) {
                const bool counted =
                    weight.empty() || weight[size_t(y) * size_t(m_width) + size_t(x)];
                rowSum += counted ? line[x] : 0;
                rowCount += counted ? 1 : 0;
                m_sum[at(x + 1, y + 1)] = m_sum[at(x + 1, y)] + rowSum;
                m_count[at(x + 1, y + 1)] = m_count[at(x + 1, y)] + rowCount;
            }
        }
    }

    // Mean of the counted pixels in the square of `radius` around (x, y); -1 if none.
    double mean(int x, int y, int radius) const
    {
        const int x0 = std::max(0, x - radius);
        const int y0 = std::max(0, y - radius);
        const int x1 = std::min(m_width, x + radius + 1);
        const int y1 = std::min(m_height, y + radius + 1);
        const qint32 count = box(m_count, x0, y0, x1, y1);
        return count > 0 ? double(box(m_sum, x0, y0, x1, y1)) / double(count) : -1;
    }

private:
    size_t at(int x, int y) const { return size_t(y) * size_t(m_width + 1) + size_t(x); }
    qint32 box(const std::vector<qint32> &table, int x0, int y0, int x1, int y1) const
    {
        return table[at(x1, y1)] - table[at(x0, y1)] - table[at(x1, y0)] + table[at(x0, y0)];
    }

    int m_width;
    int m_height;
    std::vector<qint32> m_sum;
    std::vector<qint32> m_count;
};

// Sensor noise from the differences between horizontal neighbours: on paper they are noise
// alone (times √2), and ink edges are too few to move their median.
double noiseSigma(const QImage &sample)
{
    std::vector<int> differences;
    for (int y = 0; y < sample.height(); y += 2) {
        const uchar *line = sample.constScanLine(y);
        for (int x = 1; x < sample.width(); x += 2)
            differences.push_back(std::abs(line[x] - line[x - 1]));
    }
    if (differences.empty())
        return 0;
    auto middle = differences.begin() + std::ptrdiff_t(differences.size() / 2);
    std::nth_element(differences.begin(), middle, differences.end());
    return *middle * 1.4826 / std::sqrt(2.0);
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
    const int radius = std::max(4, int(std::lround(4 * pxPerMm)));
    const BoxSums all(sample, {});
    // A pen stroke is a few grey levels darker than noise: six sigmas keep speckle out.
    map.threshold = std::max(24, int(std::lround(6 * noiseSigma(sample))));

    // Paper level without the ink it surrounds: a second mean over what the first called paper.
    std::vector<float> firstMean(size);
    std::vector<quint8> paper(size);
    for (int y = 0; y < map.height; ++y) {
        const uchar *line = sample.constScanLine(y);
        for (int x = 0; x < map.width; ++x) {
            const size_t i = size_t(y) * size_t(map.width) + size_t(x);
            firstMean[i] = float(all.mean(x, y, radius));
            paper[i] = line[x] > firstMean[i] - map.threshold;
        }
    }
    const BoxSums background(sample, paper);
    for (int y = 0; y < map.height; ++y) {
        const uchar *line = sample.constScanLine(y);
        for (int x = 0; x < map.width; ++x) {
            const size_t i = size_t(y) * size_t(map.width) + size_t(x);
            double level = background.mean(x, y, radius);
            if (level < 0)
                level = firstMean[i];
            const int dark = std::clamp(int(std::lround(level - line[x])), 0, 255);
            map.darkness[i] = quint8(dark);
            map.ink[i] = dark >= map.threshold;
        }
    }
    return map;
}

InkBlobs inkBlobs(const InkMap &map)
{
    InkBlobs result;
    result.labels.assign(map.ink.size(), -1);
    std::vector<int> stack;
    for (int y = 0; y < map.height; ++y)
        for (int x = 0; x < map.width; ++x) {
            const size_t start = size_t(y) * size_t(map.width) + size_t(x);
            if (!map.ink[start] || result.labels[start] >= 0)
                continue;
            InkBlob blob;
            blob.id = int(result.blobs.size());
            int left = x, right = x, top = y, bottom = y;
            result.labels[start] = blob.id;
            stack.assign(1, int(start));
            while (!stack.empty()) {
                const int i = stack.back();
                stack.pop_back();
                const int px = i % map.width;
                const int py = i / map.width;
                ++blob.pixels;
                blob.darkness += map.darkness[size_t(i)];
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
                            stack.push_back(int(n));
                        }
                    }
            }
            blob.box = QRect(QPoint(left, top), QPoint(right, bottom));
            result.blobs.push_back(blob);
        }
    return result;
}

} // namespace pointage
