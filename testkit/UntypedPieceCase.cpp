#include "UntypedPieceCase.h"

#include "PagePainter.h"
#include "ScanPdfWriter.h"

#include <QDir>
#include <QFile>

namespace pointage::testkit {

QByteArray untypedCaseExport()
{
    const QString pad = QStringLiteral(";;;;;;;;;;;;;;");
    QStringList lines{
        QStringLiteral("Session 2027") + pad,
        QStringLiteral("Listes simples") + pad,
        QStringLiteral("CFA DU GOÛT  (0135555C)") + pad,
        QStringLiteral("Type d'édition : Liste simple") + pad,
        QStringLiteral("Edité le 01/12/2026 08:45") + pad,
        QStringLiteral("Division de classe;N° Candidat;N° Inscription;N° Océan;Nom de famille;"
                       "Nom d'usage;Prénom(s);Date de Naissance;Division de classe;INE;"
                       "Catégorie Candidat;Code Spécialité;Spécialité;Etat;Enseignements"),
        QStringLiteral("2CAP1;%1;101 Version 1; -;LEBLANC; -;Jade;23/06/2007;2CAP1;0123456790K;"
                       "APPRENTI CAP EN 2 ANS (230);50024;'BOULANGER';Inscrit;'TEPC'")
            .arg(kUntypedCaseWithPage),
        QStringLiteral("2CAP1;%1;102 Version 1; -;ROUSSEL; -;Enzo;07/10/2006;2CAP1;0123456791K;"
                       "APPRENTI CAP EN 2 ANS (230);50024;'BOULANGER';Inscrit;'TEPC'")
            .arg(kUntypedCaseWithoutPage),
    };
    return QByteArray("\xEF\xBB\xBF") + lines.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
}

QByteArray untypedCaseBatch()
{
    constexpr int dpi = 150;
    ScanPdfWriter writer(PdfImageEncoding::GreyJpeg, 60);
    for (const QString &number : {kUntypedCaseWithPage, kUntypedCaseWithoutPage}) {
        PageSpec confirmation;
        confirmation.kind = PageKind::Confirmation;
        confirmation.payload = number;
        confirmation.school = QStringLiteral("CFA DU GOÛT (0135555C)");
        writer.addPage(drawPage(confirmation, dpi), dpi);
        if (number == kUntypedCaseWithPage)
            writer.addPage(drawPage(PageSpec{}, dpi), dpi); // the CFA's page, no separator
    }
    return writer.pdf();
}

QStringList writeUntypedPieceCase(const QString &folder)
{
    QStringList written;
    for (const auto &[name, bytes] :
         {std::pair{QStringLiteral("cfa.csv"), untypedCaseExport()},
          std::pair{QStringLiteral("lot-cfa.pdf"), untypedCaseBatch()}}) {
        const QString path = QDir(folder).filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        written.append(path);
    }
    return written;
}

} // namespace pointage::testkit
