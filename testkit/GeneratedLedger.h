// A large, deterministic ledger snapshot for benchmarks: an académie's roster spread over its
// schools, and scanned batches of dossiers with the usual share of separators, blank backs,
// unreadable and foreign codes, unknown numbers, duplicates, stale versions and decisions.
// Thread-safety: pure function; safe from any thread.
#pragma once

#include "pointage/LedgerSnapshot.h"

namespace pointage::testkit {

struct GeneratedLedgerOptions
{
    int candidates = 20000;
    int schools = 500;
    int pages = 40000; // scanned pages, approximately
    quint64 seed = 1;
};

LedgerSnapshot generatedLedger(const GeneratedLedgerOptions &options);

} // namespace pointage::testkit
