#include "PagedFlow.h"

namespace pointage {

int PagedFlow::add(Block block)
{
    m_blocks.append(std::move(block));
    return int(m_blocks.size()) - 1;
}

void PagedFlow::keepLastWithNext()
{
    if (!m_blocks.isEmpty())
        m_blocks.last().keepWithNext = true;
}

// Height of a block plus the blocks it must stay with.
qreal PagedFlow::chainHeight(int first) const
{
    qreal height = m_blocks.at(first).height;
    for (int i = first; m_blocks.at(i).keepWithNext && i + 1 < size(); ++i)
        height += m_blocks.at(i + 1).height;
    return height;
}

QList<QList<int>> PagedFlow::paginate(qreal bodyHeight) const
{
    QList<QList<int>> pages{{}};
    qreal used = 0;
    for (int i = 0; i < size(); ++i) {
        const Block &block = m_blocks.at(i);
        // A kept chain is tested as a whole when it starts; inside the chain only overflow counts.
        const bool startsChain = i == 0 || !m_blocks.at(i - 1).keepWithNext;
        const qreal needed = startsChain ? chainHeight(i) : block.height;
        const bool fitsOnEmptyPage = needed <= bodyHeight;
        if (!pages.last().isEmpty() &&
            used + (fitsOnEmptyPage ? needed : block.height) > bodyHeight) {
            pages.append(QList<int>());
            used = 0;
            for (int header : block.repeatedHeaders) {
                pages.last().append(header);
                used += m_blocks.at(header).height;
            }
        }
        pages.last().append(i);
        used += block.height;
    }
    return pages;
}

void PagedFlow::paintPage(QPainter &painter, const QRectF &body, const QList<int> &page) const
{
    qreal y = body.top();
    for (int index : page) {
        const Block &block = m_blocks.at(index);
        const QRectF area(body.left(), y, body.width(), block.height);
        painter.save();
        block.paint(painter, area);
        painter.restore();
        y += block.height;
    }
}

} // namespace pointage
