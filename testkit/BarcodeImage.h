// Barcode symbols drawn as images for test pages, generated with zxing-cpp's MultiFormatWriter so
// the bars are exactly what a real encoder prints (quiet zone included).
// Thread-safety: free functions on values; safe from any thread.
#pragma once

#include <QImage>
#include <QString>

namespace pointage::testkit {

enum class Symbology { Code128, Code39, QRCode, DataMatrix, Ean13 };

// zxing's name of the symbology, as the reader reports it ("Code128", "EAN13"…).
QString symbologyName(Symbology symbology);

bool isLinear(Symbology symbology);

// The symbol with its quiet zone, black on white, Format_Grayscale8. `modulePx` is the width of
// one module (narrowest bar, or one 2D cell); `heightPx` the bar height of a linear code
// (ignored for 2D codes, which are square or nearly).
QImage barcodeImage(Symbology symbology, const QString &payload, int modulePx, int heightPx);

// Pixels per module for a module of `millimetres` printed and scanned at `dpi` (at least 1).
int modulePixels(double millimetres, int dpi);

} // namespace pointage::testkit
