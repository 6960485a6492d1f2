#include "PdfFile.h"

#include <algorithm>
#include <cctype>

namespace pointage {

namespace {

constexpr int kMaxReferenceHops = 8;
constexpr int kMaxTreeDepth = 32;
constexpr int kMaxPages = 100000;

bool isSpaceByte(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
}

// Reads the "N G" before an "obj" keyword at `at`; returns N, or -1 when it is not there.
int objectNumberBefore(QByteArrayView data, qsizetype at)
{
    qsizetype p = at;
    const auto skipSpaces = [&] {
        const qsizetype start = p;
        while (p > 0 && isSpaceByte(data[p - 1]))
            --p;
        return p < start;
    };
    const auto readDigits = [&] {
        const qsizetype end = p;
        while (p > 0 && std::isdigit(uchar(data[p - 1])))
            --p;
        return p < end && end - p <= 10;
    };
    if (!skipSpaces() || !readDigits() || !skipSpaces())
        return -1;
    const qsizetype numberEnd = p;
    if (!readDigits())
        return -1;
    if (p > 0 && !isSpaceByte(data[p - 1]) && data[p - 1] != '>' && data[p - 1] != ']')
        return -1;
    return data.sliced(p, numberEnd - p).toByteArray().toInt();
}

const QByteArray kInheritable[] = {"Resources", "MediaBox", "CropBox", "Rotate"};

} // namespace

std::optional<PdfFile> PdfFile::index(QByteArrayView data, const std::function<void()> &release)
{
    PdfFile file(data);
    file.m_release = release;
    file.indexObjects();
    const std::optional<PdfValue> catalog = file.rootCatalog();
    if (!catalog)
        return std::nullopt;
    const PdfValue *pages = catalog->value("Pages");
    QList<int> visited;
    PdfValue inherited;
    inherited.type = PdfValue::Type::Dictionary;
    const bool collected = pages && file.collectPages(*pages, inherited, 0, visited);
    file.m_release = nullptr;
    if (!collected || file.m_pages.empty())
        return std::nullopt;
    return file;
}

void PdfFile::indexObjects()
{
    qsizetype pos = 0;
    while (true) {
        if (m_release)
            m_release();
        const qsizetype hit = m_data.indexOf(QByteArrayView("obj"), pos);
        if (hit < 0)
            return;
        pos = hit + 3;
        const int number = objectNumberBefore(m_data, hit);
        if (number < 0 || (pos < m_data.size() && std::isalnum(uchar(m_data[pos]))))
            continue;
        PdfParser parser(m_data, pos);
        const std::optional<PdfValue> value = parser.parseValue();
        if (!value) {
            // Never rescan what a failed parse already walked: hostile files must stay linear.
            pos = std::max(pos, parser.position());
            continue;
        }
        Location location{pos};
        const qsizetype afterValue = parser.position();
        if (parser.keyword() == "stream") {
            qsizetype start = parser.position();
            if (start < m_data.size() && m_data[start] == '\r')
                ++start;
            if (start < m_data.size() && m_data[start] == '\n')
                ++start;
            const PdfValue *length = value->value("Length");
            qsizetype size = length && length->isNumber() ? qsizetype(length->number) : -1;
            const auto endsThere = [&](qsizetype end) {
                PdfParser after(m_data, end);
                return end <= m_data.size() && after.keyword() == "endstream";
            };
            if (size < 0 || start + size > m_data.size() || !endsThere(start + size)) {
                const qsizetype end = m_data.indexOf(QByteArrayView("endstream"), start);
                if (end < 0)
                    return; // truncated inside a stream: nothing more to index
                size = end - start;
                while (size > 0 && isSpaceByte(m_data[start + size - 1]))
                    --size;
            }
            location.streamOffset = start;
            location.streamLength = size;
            pos = start + size;
        } else {
            pos = afterValue;
        }
        m_objects.insert(number, location); // a later definition (incremental update) wins
    }
}

std::optional<PdfValue> PdfFile::object(int number) const
{
    const auto it = m_objects.constFind(number);
    if (it == m_objects.constEnd())
        return std::nullopt;
    return PdfParser(m_data, it->valueOffset).parseValue();
}

std::optional<PdfValue> PdfFile::rootCatalog() const
{
    const qsizetype trailer = m_data.lastIndexOf(QByteArrayView("trailer"));
    if (trailer < 0)
        return std::nullopt; // cross-reference streams: leave those files to Poppler
    const std::optional<PdfValue> dictionary = PdfParser(m_data, trailer + 7).parseValue();
    if (!dictionary || !dictionary->isDictionary() || dictionary->value("Encrypt"))
        return std::nullopt;
    const PdfValue *root = dictionary->value("Root");
    if (!root)
        return std::nullopt;
    const PdfValue catalog = resolve(*root);
    if (!catalog.isDictionary())
        return std::nullopt;
    return catalog;
}

PdfValue PdfFile::resolve(const PdfValue &value) const
{
    PdfValue current = value;
    for (int hop = 0; hop < kMaxReferenceHops; ++hop) {
        if (current.type != PdfValue::Type::Reference)
            return current;
        std::optional<PdfValue> target = object(current.objectNumber);
        if (!target)
            return {};
        current = std::move(*target);
    }
    return {};
}

std::optional<QByteArrayView> PdfFile::streamData(int number) const
{
    const auto it = m_objects.constFind(number);
    if (it == m_objects.constEnd() || it->streamOffset < 0)
        return std::nullopt;
    return m_data.sliced(it->streamOffset, it->streamLength);
}

bool PdfFile::collectPages(const PdfValue &nodeValue, PdfValue inherited, int depth,
                           QList<int> &visited)
{
    if (depth > kMaxTreeDepth || m_pages.size() > size_t(kMaxPages))
        return false;
    if (m_release)
        m_release();
    if (nodeValue.type == PdfValue::Type::Reference) {
        if (visited.contains(nodeValue.objectNumber))
            return false; // a cycle in the page tree
        visited.append(nodeValue.objectNumber);
    }
    PdfValue node = resolve(nodeValue);
    if (!node.isDictionary())
        return false;
    for (const QByteArray &key : kInheritable)
        if (!node.value(key) && inherited.value(key))
            node.entries.emplace_back(key, *inherited.value(key));
    const PdfValue *kids = node.value("Kids");
    if (!kids) {
        m_pages.push_back(std::move(node));
        return true;
    }
    const PdfValue kidList = resolve(*kids);
    if (kidList.type != PdfValue::Type::Array)
        return false;
    for (const PdfValue &kid : kidList.items)
        if (!collectPages(kid, node, depth + 1, visited))
            return false;
    return true;
}

} // namespace pointage
