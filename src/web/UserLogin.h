// Checks a web login against the accounts stored in the ledger (read on the ledger's thread,
// password verified by the caller's thread).
// Thread-safety: the returned verifier may be called from any thread but the ledger's.
#pragma once

#include "web/DeskServer.h"

namespace pointage::web {

LoginVerifier ledgerLoginVerifier(DeskData &data);

} // namespace pointage::web
