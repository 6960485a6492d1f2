#include "pointage/SignatureCheck.h"

namespace pointage {

QList<SignatureZone> defaultSignatureZones()
{
    // The test kit's confirmation: the code's first bar starts 115.4 mm from the page's left
    // edge and 14.3 mm from its top; the boxes are printed 244 mm down, 85 × 34 mm.
    return {
        {QStringLiteral("candidat"),
         QStringLiteral("signature du candidat (ou de son représentant légal)"),
         QRectF(-100.4, 229.7, 85, 34), false},
        {QStringLiteral("chef_etablissement"),
         QStringLiteral("signature et cachet du chef d'établissement"), QRectF(-5.4, 229.7, 85, 34),
         true},
    };
}

} // namespace pointage
