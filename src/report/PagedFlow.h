// A letter laid out as a vertical flow of measured blocks cut into pages: a block that does not
// fit starts a new page, a table row that starts a page gets its table (and group) header drawn
// again first, and "keep with next" blocks (titles, headers) never end a page. Pagination is
// done before drawing so every page can say "Page n / N".
// Thread-safety: one flow per thread.
#pragma once

#include <QList>
#include <QPainter>
#include <QRectF>
#include <functional>

namespace pointage {

class PagedFlow
{
public:
    using Paint = std::function<void(QPainter &, const QRectF &)>;

    struct Block
    {
        qreal height = 0; // device units
        Paint paint;
        QList<int> repeatedHeaders; // blocks drawn again on top of a page this block starts
        bool keepWithNext = false;
    };

    int add(Block block); // returns the block's index, for repeatedHeaders
    // The last block added must not end a page (a paragraph the closing formula follows).
    void keepLastWithNext();
    int size() const { return int(m_blocks.size()); }

    // Block indices per page, repeated headers included, for a body `bodyHeight` tall.
    QList<QList<int>> paginate(qreal bodyHeight) const;

    // Draws one page's blocks top-down inside `body`.
    void paintPage(QPainter &painter, const QRectF &body, const QList<int> &page) const;

private:
    qreal chainHeight(int first) const;

    QList<Block> m_blocks;
};

} // namespace pointage
