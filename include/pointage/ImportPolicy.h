// When a roster import must stop and ask before writing: a Cyclades export that would withdraw
// a large share of a scope, withdraw anyone while listing nobody, or move a candidate from one
// school to another is far more often a cut, filtered or mixed-up file than the truth.
// Configuration (`import` in pointage.json); the person importing can accept explicitly.
// Thread-safety: plain value.
#pragma once

namespace pointage {

struct ImportPolicy
{
    // Withdrawals above this share of the scope's previous list need acceptance...
    double maxWithdrawalShare = 0.2;
    // ...unless there are no more than this many (a school of 3 losing 1 candidate is normal).
    int withdrawalsAlwaysAccepted = 1;
    // Set by the person importing (`--accept-withdrawals`): go ahead, journaled.
    bool acceptWithdrawals = false;
};

} // namespace pointage
