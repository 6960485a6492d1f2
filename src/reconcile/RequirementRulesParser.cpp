// Reads a rules file into a RuleSet. Strict on purpose: a misspelt key or operator would
// otherwise silently drop a requirement, and nobody would notice the missing relance.
#include "ConditionParser.h"
#include "JsonFile.h"
#include "RuleSet.h"
#include "pointage/RequirementRules.h"

#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>

namespace pointage {

namespace {

const QString kRulesFileKind = QStringLiteral("de règles");

class RulesParser
{
public:
    explicit RulesParser(const JsonFile &file) : m_file(file) {}

    Result<RuleSet> parse() const
    {
        const QJsonObject &root = m_file.root();
        if (auto s = m_file.checkKeys(root, {},
                                      {QStringLiteral("description"), QStringLiteral("pieces"),
                                       QStringLiteral("rules"),
                                       QStringLiteral("expectedPiecesColumns")});
            !s)
            return s.error();
        RuleSet set;
        if (auto s = parsePieces(root.value(QStringLiteral("pieces")), set); !s)
            return s.error();
        const QString columns = QStringLiteral("expectedPiecesColumns");
        if (root.contains(columns)) {
            auto list = m_file.stringList(root.value(columns), columns);
            if (!list)
                return list.error();
            set.expectedPiecesColumns = list.value();
        }
        if (auto s = parseRules(root.value(QStringLiteral("rules")), set); !s)
            return s.error();
        return set;
    }

private:
    Status parsePieces(const QJsonValue &value, RuleSet &set) const
    {
        const QString path = QStringLiteral("pieces");
        if (!value.isArray())
            return m_file.errorAt(path, QStringLiteral("la liste des types de pièces est "
                                                       "absente ou n'est pas une liste [ … ]."));
        static const QRegularExpression codeShape(QStringLiteral("^[A-Z0-9_]{2,24}$"));
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QString at = JsonFile::join(path, i);
            const QJsonObject piece = array.at(i).toObject();
            if (auto s =
                    m_file.checkKeys(piece, at,
                                     {QStringLiteral("code"), QStringLiteral("label"),
                                      QStringLiteral("description"), QStringLiteral("recognise")});
                !s)
                return s;
            auto code = m_file.string(piece.value(QStringLiteral("code")),
                                      JsonFile::join(at, QStringLiteral("code")));
            if (!code)
                return code.error();
            auto label = m_file.string(piece.value(QStringLiteral("label")),
                                       JsonFile::join(at, QStringLiteral("label")));
            if (!label)
                return label.error();
            if (!codeShape.match(code.value()).hasMatch()) {
                return m_file.errorAt(JsonFile::join(at, QStringLiteral("code")),
                                      QStringLiteral("le code « %1 » doit faire 2 à 24 "
                                                     "caractères parmi A–Z, 0–9 et _ (il est "
                                                     "imprimé sur les intercalaires).")
                                          .arg(code.value()));
            }
            if (set.pieceIndex.contains(code.value())) {
                return m_file.errorAt(
                    JsonFile::join(at, QStringLiteral("code")),
                    QStringLiteral("le code « %1 » est défini deux fois.").arg(code.value()));
            }
            set.pieceByName.insert(comparablePieceName(code.value()), set.pieces.size());
            set.pieceByName.insert(comparablePieceName(label.value()), set.pieces.size());
            set.pieceIndex.insert(code.value(), set.pieces.size());
            set.pieces.append(PieceType{code.value(), label.value()});
            if (piece.contains(QStringLiteral("recognise"))) {
                auto signature = parseSignature(piece.value(QStringLiteral("recognise")),
                                                JsonFile::join(at, QStringLiteral("recognise")));
                if (!signature)
                    return signature.error();
                signature->code = code.value();
                set.signatures.append(signature.value());
            }
        }
        return Ok{};
    }

    // { "keywords": [ … ], "patterns": [ … ], "minScore": 2 }: what tells the piece on a page.
    Result<PieceSignature> parseSignature(const QJsonValue &value, const QString &at) const
    {
        const QJsonObject object = value.toObject();
        if (auto s = m_file.checkKeys(object, at,
                                      {QStringLiteral("keywords"), QStringLiteral("patterns"),
                                       QStringLiteral("minScore")});
            !s)
            return s.error();
        PieceSignature signature;
        if (object.contains(QStringLiteral("keywords"))) {
            auto keywords = m_file.stringList(object.value(QStringLiteral("keywords")),
                                              JsonFile::join(at, QStringLiteral("keywords")));
            if (!keywords)
                return keywords.error();
            signature.keywords = keywords.value();
        }
        if (object.contains(QStringLiteral("patterns"))) {
            const QString patternsAt = JsonFile::join(at, QStringLiteral("patterns"));
            auto patterns = m_file.stringList(object.value(QStringLiteral("patterns")), patternsAt);
            if (!patterns)
                return patterns.error();
            for (int p = 0; p < patterns->size(); ++p) {
                QRegularExpression pattern(patterns->at(p));
                if (!pattern.isValid())
                    return m_file.errorAt(JsonFile::join(patternsAt, p),
                                          QStringLiteral("expression régulière invalide : %1.")
                                              .arg(pattern.errorString()));
                signature.patterns.append(pattern);
            }
        }
        if (object.contains(QStringLiteral("minScore"))) {
            auto minScore = m_file.integer(object.value(QStringLiteral("minScore")),
                                           JsonFile::join(at, QStringLiteral("minScore")));
            if (!minScore)
                return minScore.error();
            // Below 2 a single keyword would type a page: too easy to be wrong.
            signature.minScore = std::max(2, minScore.value());
        }
        return signature;
    }

    Status parseRules(const QJsonValue &value, RuleSet &set) const
    {
        const QString path = QStringLiteral("rules");
        if (!value.isArray())
            return m_file.errorAt(path, QStringLiteral("la liste des règles est absente ou "
                                                       "n'est pas une liste [ … ]."));
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QString at = JsonFile::join(path, i);
            const QJsonObject object = array.at(i).toObject();
            if (auto s = m_file.checkKeys(object, at,
                                          {QStringLiteral("description"), QStringLiteral("pieces"),
                                           QStringLiteral("when")});
                !s)
                return s;
            const QString piecesAt = JsonFile::join(at, QStringLiteral("pieces"));
            auto codes = m_file.stringList(object.value(QStringLiteral("pieces")), piecesAt);
            if (!codes)
                return codes.error();
            for (int c = 0; c < codes->size(); ++c) {
                if (!set.pieceIndex.contains(codes->at(c))) {
                    return m_file.errorAt(JsonFile::join(piecesAt, c),
                                          QStringLiteral("la pièce « %1 » n'est pas définie "
                                                         "dans « pieces ».")
                                              .arg(codes->at(c)));
                }
            }
            Rule rule;
            rule.pieceCodes = codes.value();
            const QString when = QStringLiteral("when");
            if (object.contains(when)) {
                auto condition =
                    parseCondition(m_file, object.value(when), JsonFile::join(at, when));
                if (!condition)
                    return condition.error();
                rule.when = std::move(condition).value();
            }
            set.rules.append(rule);
        }
        return Ok{};
    }

    const JsonFile &m_file;
};

} // namespace

Result<RequirementRules> RequirementRules::load(const QString &path)
{
    auto bytes = JsonFile::readBytes(path, kRulesFileKind);
    if (!bytes)
        return bytes.error();
    return parse(bytes.value(), QFileInfo(path).fileName());
}

Result<RequirementRules> RequirementRules::parse(const QByteArray &json, const QString &fileName)
{
    auto file = JsonFile::parse(json, fileName, kRulesFileKind);
    if (!file)
        return file.error();
    auto set = RulesParser(file.value()).parse();
    if (!set)
        return set.error();
    return RequirementRules(std::make_shared<const RuleSet>(std::move(set).value()));
}

} // namespace pointage
