// Reads the "when" condition of a rule: all-of / any-of / not, tests on a column, and age.
#pragma once

#include "JsonFile.h"
#include "RuleSet.h"

namespace pointage {

Result<Condition> parseCondition(const JsonFile &file, const QJsonValue &value,
                                 const QString &path);

} // namespace pointage
