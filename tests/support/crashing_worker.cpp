// A decode worker that dies on purpose, to prove the ingest survives a decoder crash or hang:
// the real worker loop, with a hook that aborts (or sleeps) on the page named by the
// environment. Only tests build and run it.
#include "pointage/DecodeWorker.h"

#include <QCoreApplication>
#include <QThread>
#include <cstdlib>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int crashPage = qEnvironmentVariableIntValue("POINTAGE_TEST_CRASH_PAGE");
    const int hangPage = qEnvironmentVariableIntValue("POINTAGE_TEST_HANG_PAGE");
    pointage::DecodeWorkerHooks hooks;
    hooks.beforePage = [=](const QString &, int pageIndex) {
        if (pageIndex + 1 == crashPage)
            std::abort();
        if (pageIndex + 1 == hangPage)
            QThread::sleep(3600);
    };
    return pointage::runDecodeWorker(stdin, stdout, hooks);
}
