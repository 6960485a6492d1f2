// libFuzzer's entry points: the same file builds one executable per target, the target named by
// POINTAGE_FUZZ_TARGET at compile time (tests/fuzz/CMakeLists.txt).
#include "FuzzTargets.h"

#include <QCoreApplication>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Image plugins (the fast path's JPEG decoder) are found through the application.
    static QCoreApplication app(*argc, *argv);
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return pointage::fuzz::runTarget(POINTAGE_FUZZ_TARGET, data, size);
}
