#include "SignatureEvidence.h"

#include "StampShape.h"

#include <algorithm>
#include <cmath>

namespace pointage {

namespace {

enum class BlobRole { Dust, FrameLeftover, Label, Stamp, Hand, Outside, Unrelated };

double sizeMm(const InkBlob &blob, double pxPerMm)
{
    return std::max(blob.box.width(), blob.box.height()) / pxPerMm;
}

// Printed text: a glyph, or a word whose letters ran together, no taller than a line.
bool isPrintedText(const InkBlob &blob, double pxPerMm)
{
    return blob.box.height() <= 4 * pxPerMm && blob.box.width() <= 40 * pxPerMm;
}

// A thin sliver along one of the rectangle's sides: the soft edge of a printed line.
bool hugsFrame(const InkBlob &blob, const QRect &rect, double pxPerMm)
{
    const int thin = int(std::ceil(0.6 * pxPerMm));
    const int near = int(std::ceil(1.0 * pxPerMm));
    const QRect &b = blob.box;
    const bool horizontal = b.height() <= thin && (std::abs(b.top() - rect.top()) <= near ||
                                                   std::abs(b.bottom() - rect.bottom()) <= near);
    const bool vertical = b.width() <= thin && (std::abs(b.left() - rect.left()) <= near ||
                                                std::abs(b.right() - rect.right()) <= near);
    return horizontal || vertical;
}

// The printed label: a row of glyphs along the top of the box's inside.
void markLabel(std::vector<BlobRole> &roles, const std::vector<InkBlob> &blobs, const QRect &inner,
               double pxPerMm)
{
    std::vector<double> centres;
    for (const InkBlob &b : blobs)
        if (roles[size_t(b.id)] == BlobRole::Hand && isPrintedText(b, pxPerMm) &&
            b.box.top() - inner.top() <= 7 * pxPerMm)
            centres.push_back(QRectF(b.box).center().y());
    if (centres.size() < 4)
        return;
    std::nth_element(centres.begin(), centres.begin() + std::ptrdiff_t(centres.size() / 2),
                     centres.end());
    const double row = centres[centres.size() / 2];
    const double tolerance = 2.5 * pxPerMm;
    for (const InkBlob &b : blobs)
        if (roles[size_t(b.id)] == BlobRole::Hand && isPrintedText(b, pxPerMm) &&
            b.box.top() >= row - tolerance && b.box.bottom() <= row + tolerance)
            roles[size_t(b.id)] = BlobRole::Label;
}

// A stamp's frame and what lies within it short of a pen stroke: its text, whose letters run
// together along an arc, and an inner ring.
bool markStamp(std::vector<BlobRole> &roles, const InkBlobs &blobs, int width, double pxPerMm)
{
    bool found = false;
    for (const InkBlob &frame : blobs.blobs) {
        if (roles[size_t(frame.id)] != BlobRole::Hand ||
            !isStampFrame(blobs, frame, width, pxPerMm))
            continue;
        found = true;
        roles[size_t(frame.id)] = BlobRole::Stamp;
        const QRect reach =
            frame.box.adjusted(-int(pxPerMm), -int(pxPerMm), int(pxPerMm), int(pxPerMm));
        for (const InkBlob &b : blobs.blobs)
            if (roles[size_t(b.id)] == BlobRole::Hand && reach.contains(b.box) &&
                (sizeMm(b, pxPerMm) <= 12 || isStampFrame(blobs, b, width, pxPerMm)))
                roles[size_t(b.id)] = BlobRole::Stamp;
    }
    return found;
}

double coveredWidth(std::vector<std::pair<int, int>> spans)
{
    std::sort(spans.begin(), spans.end());
    double covered = 0;
    int end = -1;
    for (const auto &[from, to] : spans) {
        covered += std::max(0, to - std::max(from, end + 1) + 1);
        end = std::max(end, to);
    }
    return covered;
}

} // namespace

ZoneEvidence gatherEvidence(const InkMap &map, const InkBlobs &blobs, const PrintedBox &box,
                            double pxPerMm)
{
    std::vector<BlobRole> roles(blobs.blobs.size(), BlobRole::Unrelated);
    const QRect touching = box.outer.adjusted(-3, -3, 3, 3);
    for (const InkBlob &b : blobs.blobs) {
        BlobRole &role = roles[size_t(b.id)];
        if (sizeMm(b, pxPerMm) < 0.8)
            role = BlobRole::Dust;
        else if (box.inner.contains(b.box))
            role = hugsFrame(b, box.inner, pxPerMm) ? BlobRole::FrameLeftover : BlobRole::Hand;
        else if (b.box.intersects(touching))
            role = hugsFrame(b, box.outer, pxPerMm) ? BlobRole::FrameLeftover : BlobRole::Outside;
    }
    markLabel(roles, blobs.blobs, box.inner, pxPerMm);
    ZoneEvidence evidence;
    evidence.stamp = markStamp(roles, blobs, map.width, pxPerMm);
    evidence.innerWidthMm = box.inner.width() / pxPerMm;
    evidence.innerPixels = std::max(1, box.inner.width() * box.inner.height());
    std::vector<std::pair<int, int>> spans;
    qint64 darkness = 0;
    for (const InkBlob &b : blobs.blobs) {
        const BlobRole role = roles[size_t(b.id)];
        if (role == BlobRole::Outside) {
            evidence.outsidePixels += b.pixels;
            evidence.outsideExtentMm += sizeMm(b, pxPerMm);
        }
        if (role != BlobRole::Hand)
            continue;
        evidence.handPixels += b.pixels;
        darkness += b.darkness;
        ++evidence.strokes;
        evidence.longStrokes += sizeMm(b, pxPerMm) >= 4;
        evidence.handExtentMm += sizeMm(b, pxPerMm);
        if (sizeMm(b, pxPerMm) >= 1.5)
            spans.emplace_back(b.box.left(), b.box.right());
    }
    evidence.handSpanMm = coveredWidth(spans) / pxPerMm;
    evidence.handDarkness = evidence.handPixels ? double(darkness) / evidence.handPixels : 0;
    return evidence;
}

SignatureFinding judgeSignature(const ZoneEvidence &e, bool stampIsSignature)
{
    const bool someHand = e.handExtentMm >= 2;
    const bool someOutside = e.outsideExtentMm >= 3;
    const bool clearSignature = e.longStrokes >= 1 && e.handExtentMm >= 15 &&
                                e.handSpanMm >= std::max(12.0, 0.15 * e.innerWidthMm) &&
                                e.handDarkness >= 40;
    if (clearSignature)
        return e.outsidePixels > e.handPixels ? SignatureFinding::MostlyOutside
                                              : SignatureFinding::Handwriting;
    if (e.stamp && stampIsSignature)
        return SignatureFinding::StampAccepted;
    if (someOutside && e.outsidePixels > e.handPixels)
        return SignatureFinding::MostlyOutside;
    if (someHand || someOutside)
        return SignatureFinding::FaintOrShort;
    return e.stamp ? SignatureFinding::StampWithoutHand : SignatureFinding::EmptyBox;
}

} // namespace pointage
