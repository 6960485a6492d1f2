// Writing a whole buffer to a file descriptor (a pipe to a worker, a report's temporary file):
// write(2) may write less than asked or be interrupted by a signal. Stateless; thread-safe.
#pragma once

#include <QByteArray>

namespace pointage {

// True when every byte was written; false on an error (errno says which).
bool writeAllTo(int fd, const QByteArray &bytes);

} // namespace pointage
