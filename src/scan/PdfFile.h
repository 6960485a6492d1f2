// A read-only view of a PDF's objects and page tree, built by walking the file's bytes once
// (streams are skipped by their /Length). Used only to find pages that are a single embedded
// JPEG; files it does not understand (object streams, broken syntax) are simply not indexed,
// and Poppler renders them.
// Thread-safety: immutable after index(); the mapped bytes must outlive it.
#pragma once

#include "PdfValue.h"

#include <QByteArrayView>
#include <QHash>
#include <QSet>
#include <functional>
#include <optional>
#include <vector>

namespace pointage {

class PdfFile
{
public:
    // std::nullopt when the bytes are not a PDF this reader can walk with confidence.
    // `release` is called between objects while indexing: a mapped file's owner uses it to let
    // go of the pages already walked, so indexing a 2 GB scan does not hold 2 GB resident.
    static std::optional<PdfFile> index(QByteArrayView data,
                                        const std::function<void()> &release = {});

    int pageCount() const { return int(m_pages.size()); }
    // The page dictionary with its inheritable entries (Resources, MediaBox, CropBox, Rotate)
    // copied in from its ancestors.
    const PdfValue &page(int index) const { return m_pages.at(size_t(index)); }

    // Follows references (a bounded number of hops); a Null value when unresolvable.
    PdfValue resolve(const PdfValue &value) const;
    // Raw, still-encoded bytes of stream object `number`.
    std::optional<QByteArrayView> streamData(int number) const;

private:
    struct Location
    {
        qsizetype valueOffset = 0;
        qsizetype streamOffset = -1;
        qsizetype streamLength = 0;
    };

    explicit PdfFile(QByteArrayView data) : m_data(data) {}
    void indexObjects();
    std::optional<PdfValue> object(int number) const;
    std::optional<PdfValue> rootCatalog() const;
    bool collectPages(const PdfValue &node, const PdfValue &inherited, int depth,
                      QSet<int> &visited);

    QByteArrayView m_data;
    QHash<int, Location> m_objects;
    std::function<void()> m_release; // only while indexing
    std::vector<PdfValue> m_pages;
};

} // namespace pointage
