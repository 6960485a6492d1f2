#include "PdfFile.h"

#include <QSet>
#include <algorithm>
#include <cctype>

namespace pointage {

namespace {

constexpr int kMaxReferenceHops = 8;
constexpr int kMaxTreeDepth = 32;
constexpr int kMaxPages = 100000;
// An inherited entry is copied into every page below it: only small ones (a scanner's
// Resources or MediaBox), or a hostile tree could copy one huge dictionary 100,000 times.
constexpr int kMaxInheritedNodes = 256;

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
    bool ok = false;
    const int number = data.sliced(p, numberEnd - p).toByteArray().toInt(&ok);
    return ok ? number : -1;
}

// Like QByteArrayView::indexOf, counting the bytes it scans.
qsizetype findFrom(QByteArrayView data, QByteArrayView what, qsizetype from)
{
    const qsizetype hit = data.indexOf(what, from);
    pdfBytesExamined() += (hit < 0 ? data.size() : hit + what.size()) - from;
    return hit;
}

// True when `value` has at most `budget` values in it (itself included).
bool isSmall(const PdfValue &value, int &budget)
{
    if (--budget < 0)
        return false;
    for (const PdfValue &item : value.items)
        if (!isSmall(item, budget))
            return false;
    for (const auto &entry : value.entries)
        if (!isSmall(entry.second, budget))
            return false;
    return true;
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
    QSet<int> visited;
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
        const qsizetype hit = findFrom(m_data, "obj", pos);
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
            // The length is checked against what is left of the file before any arithmetic:
            // a hostile /Length must never make an offset overflow or point outside the data.
            const PdfValue *length = value->value("Length");
            const std::optional<qint64> declared =
                length ? length->integer(0, m_data.size() - start) : std::nullopt;
            qsizetype size = declared ? qsizetype(*declared) : -1;
            const auto endsThere = [&](qsizetype end) {
                PdfParser after(m_data, end);
                return after.keyword() == "endstream";
            };
            if (size < 0 || !endsThere(start + size)) {
                const qsizetype end = findFrom(m_data, "endstream", start);
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
    pdfBytesExamined() += m_data.size() - std::max<qsizetype>(trailer, 0);
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

bool PdfFile::collectPages(const PdfValue &nodeValue, const PdfValue &inherited, int depth,
                           QSet<int> &visited)
{
    if (depth > kMaxTreeDepth || m_pages.size() > size_t(kMaxPages))
        return false;
    if (m_release)
        m_release();
    if (nodeValue.type == PdfValue::Type::Reference) {
        if (visited.contains(nodeValue.objectNumber))
            return false; // a cycle in the page tree
        visited.insert(nodeValue.objectNumber);
    }
    PdfValue node = resolve(nodeValue);
    if (!node.isDictionary())
        return false;
    for (const QByteArray &key : kInheritable) {
        const PdfValue *entry = inherited.value(key);
        if (node.value(key) || !entry)
            continue;
        if (int budget = kMaxInheritedNodes; !isSmall(*entry, budget))
            return false;
        node.entries.push_back({key, *entry});
    }
    const PdfValue *kids = node.value("Kids");
    if (!kids) {
        m_pages.push_back(std::move(node));
        return true;
    }
    const PdfValue kidList = resolve(*kids);
    if (kidList.type != PdfValue::Type::Array)
        return false;
    // Only the inheritable entries go down: copying the whole node (its Kids included) into
    // each of 20,000 kids would be quadratic.
    PdfValue passedDown;
    passedDown.type = PdfValue::Type::Dictionary;
    for (const QByteArray &key : kInheritable)
        if (const PdfValue *entry = node.value(key))
            passedDown.entries.push_back({key, *entry});
    for (const PdfValue &kid : kidList.items)
        if (!collectPages(kid, passedDown, depth + 1, visited))
            return false;
    return true;
}

} // namespace pointage
