// pointage-samples: regenerates the bundled sample (Cyclades exports in samples/cyclades/,
// scanned batches in scans/AAAA-MM-JJ/). Usage: pointage-samples [ROSTER_DIR SCANS_DIR]
// With --untyped-piece DIR: writes the CFA case of a supporting page sent without a separator
// sheet (testkit/UntypedPieceCase.h) into DIR instead, for the browser tests.
#include "SampleScenario.h"
#include "UntypedPieceCase.h"

#include <QGuiApplication>
#include <cstdio>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    if (args.value(1) == QLatin1String("--untyped-piece")) {
        const QStringList files = pointage::testkit::writeUntypedPieceCase(args.value(2));
        for (const QString &f : files)
            std::printf("%s\n", qPrintable(f));
        return files.isEmpty() ? 1 : 0;
    }
    const QString roster = args.value(1, QStringLiteral("samples/cyclades"));
    const QString scans = args.value(2, QStringLiteral("scans"));
    const QStringList files = pointage::testkit::writeSampleScenario(roster, scans);
    if (files.isEmpty()) {
        std::fprintf(stderr, "pointage-samples : écriture impossible dans %s ou %s\n",
                     qPrintable(roster), qPrintable(scans));
        return 1;
    }
    for (const QString &f : files)
        std::printf("%s\n", qPrintable(f));
    return 0;
}
