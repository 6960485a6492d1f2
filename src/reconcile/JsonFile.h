// A JSON configuration file read whole, with the line of every key kept so that errors about
// a value can point a person at the right line ("rules.json, ligne 14 : clé « … » …").
// Thread-safety: plain value.
#pragma once

#include "pointage/Result.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace pointage {

class JsonFile
{
public:
    // `what` names the file's role in messages: "de configuration", "de règles".
    static Result<QByteArray> readBytes(const QString &path, const QString &what);
    static Result<JsonFile> parse(const QByteArray &text, const QString &fileName,
                                  const QString &what);

    const QJsonObject &root() const { return m_root; }
    QString fileName() const { return m_fileName; }

    // An error about the value at `path` ("returnWindow.closes", "rules[2].pieces[0]"),
    // located on the line where that key (or its nearest ancestor) is written.
    Error errorAt(const QString &path, const QString &message) const;

    // Every key of `object` must be one of `allowed`: a misspelt key would otherwise be
    // silently ignored and the setting it meant to change would keep its default.
    Status checkKeys(const QJsonObject &object, const QString &path,
                     const QStringList &allowed) const;

    // Typed reads of the value found at `path`; a wrong type is an error naming the key.
    Result<QString> string(const QJsonValue &value, const QString &path) const;
    Result<QStringList> stringList(const QJsonValue &value, const QString &path) const;
    Result<QDate> date(const QJsonValue &value,
                       const QString &path) const; // AAAA-MM-JJ or JJ/MM/AAAA
    Result<bool> boolean(const QJsonValue &value, const QString &path) const;
    Result<int> integer(const QJsonValue &value, const QString &path) const;

    static QString join(const QString &path, const QString &key);
    static QString join(const QString &path, int index);

private:
    QString m_fileName;
    QJsonObject m_root;
    QHash<QString, int> m_keyLines;
};

} // namespace pointage
