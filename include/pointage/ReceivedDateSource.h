// Where the date a batch was received comes from: said by a person, read from the batch's dated
// folder, or today for want of either. The ingest decides it; the front ends warn on the weak ones.
// A plain value type.
#pragma once

namespace pointage {

enum class ReceivedDateSource {
    Given,  // typed by a person (--received)
    Folder, // the batch's dated folder (scans/2026-12-09/)
    Today,  // nothing said when the batch arrived
};

} // namespace pointage
