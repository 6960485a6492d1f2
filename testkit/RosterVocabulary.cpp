#include "RosterVocabulary.h"

namespace pointage::testkit {

const QList<QString> &familyNames()
{
    static const QList<QString> names = {
        QStringLiteral("MARTIN"),        QStringLiteral("BERNARD"),
        QStringLiteral("DUBOIS"),        QStringLiteral("LEFÈVRE"),
        QStringLiteral("D'ALMEIDA"),     QStringLiteral("N'DIAYE"),
        QStringLiteral("N'GUESSAN"),     QStringLiteral("L'HÔTE"),
        QStringLiteral("LE GOFF"),       QStringLiteral("DE LA FONTAINE"),
        QStringLiteral("DUPONT-MOREAU"), QStringLiteral("SAINT-ÉTIENNE"),
        QStringLiteral("FRANÇOIS"),      QStringLiteral("GONÇALVES"),
        QStringLiteral("CŒURDEROY"),     QStringLiteral("BOËL"),
        QStringLiteral("MÜLLER"),        QStringLiteral("NGUYEN"),
        QStringLiteral("BENALI"),        QStringLiteral("DA SILVA"),
        QStringLiteral("CHÂTEAU"),       QStringLiteral("OUÉDRAOGO"),
        QStringLiteral("GARCIA"),        QStringLiteral("ROUX"),
        QStringLiteral("O'CONNOR"),      QStringLiteral("BÉNÉZET"),
    };
    return names;
}

const QList<QString> &firstNames()
{
    static const QList<QString> names = {
        QStringLiteral("Léa"),          QStringLiteral("Chloé"),   QStringLiteral("Inès"),
        QStringLiteral("Zoé"),          QStringLiteral("Anaïs"),   QStringLiteral("Maëlys"),
        QStringLiteral("Éloïse"),       QStringLiteral("Noé"),     QStringLiteral("Maël"),
        QStringLiteral("Loïc"),         QStringLiteral("Hugo"),    QStringLiteral("Jean-Baptiste"),
        QStringLiteral("Marie-Hélène"), QStringLiteral("Raphaël"), QStringLiteral("Océane"),
        QStringLiteral("Jérôme"),       QStringLiteral("Aïcha"),   QStringLiteral("Moussa"),
        QStringLiteral("Kévin"),        QStringLiteral("Gaëlle"),  QStringLiteral("Léa, Marie"),
        QStringLiteral("Ilyès"),
    };
    return names;
}

const QList<CodedLabel> &candidateCategories()
{
    static const QList<CodedLabel> categories = {
        {QStringLiteral("122"), QStringLiteral("SCOLAIRE CAP EN 2 ANS")},
        {QStringLiteral("121"), QStringLiteral("SCOLAIRE CAP EN 1 AN")},
        {QStringLiteral("123"), QStringLiteral("SCOLAIRE CAP EN 3 ANS")},
        {QStringLiteral("211"), QStringLiteral("APPRENTI")},
        {QStringLiteral("301"), QStringLiteral("INDIVIDUEL")},
        {QStringLiteral("402"), QStringLiteral("FORMATION CONTINUE")},
    };
    return categories;
}

const QList<CodedLabel> &capSpecialties()
{
    static const QList<CodedLabel> specialties = {
        {QStringLiteral("50022"), QStringLiteral("CAP Cuisine")},
        {QStringLiteral("50023"),
         QStringLiteral("CAP Commercialisation et services en hôtel-café-restaurant")},
        {QStringLiteral("50025"), QStringLiteral("CAP Boulanger")},
        {QStringLiteral("50026"), QStringLiteral("CAP Pâtissier")},
        {QStringLiteral("50031"), QStringLiteral("CAP Boucher")},
        {QStringLiteral("50233"), QStringLiteral("CAP Électricien")},
        {QStringLiteral("50034"), QStringLiteral("CAP Métiers de la coiffure")},
        {QStringLiteral("50041"), QStringLiteral("CAP Esthétique cosmétique parfumerie")},
        {QStringLiteral("50052"), QStringLiteral("CAP Accompagnant éducatif petite enfance")},
        {QStringLiteral("50061"), QStringLiteral("CAP Équipier polyvalent du commerce")},
        {QStringLiteral("31224"), QStringLiteral("CAP Menuisier fabricant")},
    };
    return specialties;
}

const QList<QString> &establishmentNames()
{
    static const QList<QString> names = {
        QStringLiteral("LYCEE PROFESSIONNEL LES CALANQUES"),
        QStringLiteral("CFA DES MÉTIERS DE LA TABLE"),
        QStringLiteral("GRETA PROVENCE"),
        QStringLiteral("LYCEE PRIVE HORS CONTRAT SAINT-JOSEPH"),
        QStringLiteral("MFR LA BASTIDE D'ARGENS"),
    };
    return names;
}

} // namespace pointage::testkit
