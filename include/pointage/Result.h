// Result<T>: the value a fallible core call returns instead of throwing — either a T or an
// Error carrying a typed code and a French, human-readable message naming the file, line or page.
// Thread-safety: plain values; copy freely between threads.
#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace pointage {

enum class ErrorCode {
    FileNotFound,
    FileUnreadable,
    EmptyFile,
    Encoding,
    Format,
    MissingColumn,
    NotCycladesExport, // a CSV that is not a Cyclades export (e.g. one of our own reports)
    Encrypted,
    Database,
    Config,
    Decode,
    NotFound,
    Conflict,
    NeedsConfirmation, // nothing written: the person must accept what the operation would do
    Cancelled,
    Busy,        // another command kept the ledger locked beyond the wait: retry in a moment
    Network,     // a server could not be reached, or refused the connection, TLS or login
    MailRefused, // the mail server refused a recipient or a message; the others still go
};

struct Error
{
    ErrorCode code = ErrorCode::Format;
    QString message; // French, for the DIEC clerk: what happened and what to do
    QString file;    // file name (never a person's name)
    int line = 0;    // 1-based line in a text file, 0 if not applicable
    int page = 0;    // 1-based page in a scanned file, 0 if not applicable

    // "fichier.csv, ligne 12 : message" — the form every front end prints.
    QString located() const;
};

struct Ok
{
};

template <class T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }
    T *operator->() { return &std::get<0>(m_data); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

using Status = Result<Ok>;

inline Error makeError(ErrorCode code, QString message, QString file = {}, int line = 0,
                       int page = 0)
{
    return Error{code, std::move(message), std::move(file), line, page};
}

} // namespace pointage
