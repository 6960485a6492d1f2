// A working folder for one exam session, created by `pointage init`: the shipped configuration
// and rules with the session's dates filled in (config/), exports/, scans/, reports/, an empty
// ledger, and a short LISEZMOI.txt saying what goes where. Run from inside it, every command
// finds its configuration (./config/pointage.json) and its ledger (./pointage.sqlite).
// Also: where a command finds its configuration when none is named.
// Thread-safety: call from one thread; touches only the folder it is given.
#pragma once

#include "pointage/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace pointage {

struct SessionFolderOptions
{
    int sessionYear = 0; // the year of the exam; 0: the year after `today`
    QDate opens;         // default: 1 December of the year before the exam
    QDate closes;        // default: 22 December of the year before the exam
};

struct SessionFolder
{
    QString directory;   // absolute
    QString configFile;  // config/pointage.json
    QStringList created; // what was written, relative to the folder
};

// Refuses (Conflict) a folder that already holds a configuration or a ledger: nothing of an
// existing session is ever overwritten.
Result<SessionFolder> createSessionFolder(const QString &directory,
                                          const SessionFolderOptions &options,
                                          const QDate &today = QDate::currentDate());

struct ConfigLocation
{
    QString path;   // the file used
    QString origin; // French: "option --config", "variable POINTAGE_CONFIG", "dossier courant"…
    QStringList tried; // every place looked at, in order
};

// --config, then $POINTAGE_CONFIG, then ./config/pointage.json, then
// $XDG_CONFIG_HOME/pointage/pointage.json (default ~/.config), then /etc/pointage/pointage.json.
// A file named by --config or $POINTAGE_CONFIG is used even if it does not exist (the error then
// names it); otherwise the first existing one, or FileNotFound listing every place tried.
Result<ConfigLocation> locateSessionConfig(const QString &option);

} // namespace pointage
