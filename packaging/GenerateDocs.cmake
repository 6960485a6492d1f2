# Build-time generation of the man page and the bash completion from the help texts of the
# binary itself, so that neither can drift from what `pointage --help` says.
#   cmake -DPOINTAGE=path/to/pointage -DVERSION=x.y.z -DOUT=dir -P GenerateDocs.cmake
# Writes OUT/pointage.1.gz and OUT/pointage.bash.
cmake_minimum_required(VERSION 3.22)

function(help_of out)
    execute_process(COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
                            ${POINTAGE} ${ARGN} --help
                    OUTPUT_VARIABLE text ERROR_VARIABLE ignored RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "pointage ${ARGN} --help failed (${rc})")
    endif()
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# troff: backslashes, hyphens and lines that start with a control character.
function(troff_escape out text)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REPLACE "-" "\\-" text "${text}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

help_of(overview)
string(REGEX MATCHALL "\n  [a-z][a-z-]+ +[^\n]*" command_lines "${overview}")
set(commands "")
foreach(line IN LISTS command_lines)
    string(REGEX REPLACE "^\n  ([a-z-]+) +.*" "\\1" name "${line}")
    list(APPEND commands ${name})
endforeach()
if(NOT commands)
    message(FATAL_ERROR "no command found in pointage --help")
endif()

string(TIMESTAMP today "%Y-%m-%d" UTC) # honours SOURCE_DATE_EPOCH (reproducible builds)
troff_escape(overview_troff "${overview}")
set(man ".\\\" Generated from the help texts of pointage ${VERSION}; do not edit.
.TH POINTAGE 1 \"${today}\" \"pointage ${VERSION}\" \"Commandes utilisateur\"
.SH NOM
pointage \\- pointage des confirmations d'inscription et des pièces justificatives (DIEC)
.SH SYNOPSIS
.B pointage
.I COMMANDE
[\\fIOPTIONS\\fR]
.br
.B pointage \\-\\-version
.SH DESCRIPTION
Pointage importe les listes Cyclades, lit les codes\\-barres des lots numérisés, rattache chaque
page au dossier d'un candidat, calcule qui est complet, incomplet, en retard ou manquant, et
rédige les relances par établissement (courrier PDF, CSV, courriel).
.PP
.nf
${overview_troff}.fi
.SH COMMANDES
")
set(completion_cases "")
foreach(command IN LISTS commands)
    help_of(text ${command})
    troff_escape(text_troff "${text}")
    string(APPEND man ".SS ${command}\n.nf\n${text_troff}.fi\n")
    # Option lines only ("  -h, --help", "  --school <UAI>"), not options named in prose.
    string(REGEX MATCHALL "\n +(-[a-zA-Z], )?--[a-z][a-z-]*" option_lines "${text}")
    set(options "")
    foreach(option_line IN LISTS option_lines)
        string(REGEX REPLACE ".*(--[a-z][a-z-]*)$" "\\1" option "${option_line}")
        list(APPEND options ${option})
    endforeach()
    list(REMOVE_DUPLICATES options)
    list(JOIN options " " options)
    string(APPEND completion_cases "        ${command}) opts=\"${options}\" ;;\n")
endforeach()
string(APPEND man ".SH ENVIRONNEMENT
.TP
.B POINTAGE_DB
le registre (sinon ./pointage.sqlite)
.TP
.B POINTAGE_CONFIG
la configuration (sinon ./config/pointage.json, $XDG_CONFIG_HOME/pointage/, /etc/pointage/)
.TP
.B POINTAGE_SMTP_PASSWORD
le mot de passe du serveur d'envoi pour \\fBpointage send\\fR (nom réglable)
.SH FICHIERS
.TP
.I /usr/share/pointage/
la configuration livrée (pointage.json, rules.json), copiée par \\fBpointage init\\fR
.TP
.I /usr/lib/systemd/system/pointage.service
le guichet web (\\fBpointage serve\\fR), désactivé par défaut
")

file(WRITE ${OUT}/pointage.1 "${man}")
execute_process(COMMAND gzip -9nf ${OUT}/pointage.1 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip failed")
endif()

list(JOIN commands " " command_words)
file(WRITE ${OUT}/pointage.bash "# bash completion for pointage ${VERSION}, generated from its help texts.
_pointage()
{
    local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd='' i opts=''
    for ((i = 1; i < COMP_CWORD; i++)); do
        case \${COMP_WORDS[i]} in
            --db|--config) ((i++)) ;;
            -*) ;;
            *) cmd=\${COMP_WORDS[i]}; break ;;
        esac
    done
    case \$prev in
        --db|--config|--out|--dir|--received) COMPREPLY=(\$(compgen -f -- \"\$cur\")); compopt -o filenames; return ;;
    esac
    if [[ -z \$cmd ]]; then
        COMPREPLY=(\$(compgen -W \"${command_words} --db --config --json --help --version\" -- \"\$cur\"))
        return
    fi
    case \$cmd in
${completion_cases}    esac
    if [[ \$cur == -* ]]; then
        COMPREPLY=(\$(compgen -W \"\$opts --db --config --json --help\" -- \"\$cur\"))
    else
        COMPREPLY=(\$(compgen -f -- \"\$cur\"))
        compopt -o filenames
    fi
}
complete -F _pointage pointage
")
