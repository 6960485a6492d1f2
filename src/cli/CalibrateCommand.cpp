// `pointage calibrate FICHIER[#PAGE]`: the signature zones of the configuration drawn on one
// real scanned confirmation, with what the check sees in each (pointage/SignatureCalibration.h).
#include "cli/Commands.h"
#include "pointage/SessionConfig.h"
#include "pointage/SignatureCalibration.h"
#include "report/OwnerOnlyFile.h"

#include <QBuffer>

namespace pointage::cli {

int runCalibrate(CliContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FICHIER[#PAGE]"),
                                 QStringLiteral("Un lot numérisé et la page d'une confirmation "
                                                "signée (défaut : page 1)."));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Image PNG à écrire (défaut : "
                                                "calibrage-signatures.png)."),
                                 QStringLiteral("FICHIER"),
                                 QStringLiteral("calibrage-signatures.png"));
    parser.addOption(out);
    if (!context.parse(parser,
                       QStringLiteral("Dessine les zones de signature de la configuration sur "
                                      "une confirmation réelle, avec ce que la vérification y "
                                      "voit : de quoi ajuster la section « signatures » à votre "
                                      "formulaire Cyclades."),
                       {1, 1, QStringLiteral("FICHIER[#PAGE]")}))
        return ExitUsage;

    const QString scan = parser.positionalArguments().constFirst();
    SessionConfig config = SessionConfig::defaults();
    if (auto path = context.existingConfigPath(); path) {
        auto loaded = SessionConfig::load(path.value());
        if (!loaded)
            return context.fail(loaded.error());
        config = loaded.value();
    } else {
        context.err() << "Pas de configuration trouvée : zones par défaut.\n";
    }

    auto calibration = calibrateSignatures(scan, config.signatureZones, config.barcodes);
    if (!calibration)
        return context.fail(calibration.error());
    // The picture shows a candidate's confirmation: readable by its owner only, like reports.
    const QString picture = parser.value(out);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    calibration->picture.save(&buffer, "PNG");
    if (auto written = writeOwnerOnlyFile(picture, png); !written)
        return context.fail(written.error());

    context.out() << scan << " : zones placées depuis le code " << calibration->codeText << ".\n";
    for (const ZoneReading &zone : std::as_const(calibration->zones))
        context.out() << "  " << zone.label << " : " << signatureVerdictText(zone.verdict()) << " ("
                      << signatureFindingText(zone.finding) << ")\n";
    context.out() << "Image : " << picture << "\n";
    return ExitOk;
}

} // namespace pointage::cli
