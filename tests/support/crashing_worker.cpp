// A decode worker that misbehaves on purpose, to prove the ingest survives a decoder crash, hang
// or runaway allocation: the real worker loop (memory cap included), with hooks driven by the
// environment. Only tests build and run it.
//   POINTAGE_TEST_CRASH_PAGE=N   abort on page N
//   POINTAGE_TEST_HANG_PAGE=N    sleep for an hour on page N
//   POINTAGE_TEST_GREEDY_PAGE=N  allocate (and touch) memory without end on page N
//   POINTAGE_TEST_CRASH_FAST=open|page  abort whenever the fast path opens a file / reads a page
//   POINTAGE_TEST_CHATTER_PAGE=N talk on stderr like libpng or Poppler's core on page N
#include "pointage/DecodeWorker.h"

#include <QCoreApplication>
#include <QThread>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>
#include <vector>

namespace {

// Grows like a decoder gone astray. Stops at 8 GB so that a broken memory cap fails the test by
// a time-out instead of taking the machine's memory.
[[noreturn]] void allocateWithoutEnd()
{
    std::vector<char *> blocks;
    for (int i = 0; i < 128; ++i) {
        char *block = new char[64 << 20];
        std::memset(block, 1, 64 << 20);
        blocks.push_back(block);
    }
    QThread::sleep(3600);
    std::abort();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int crashPage = qEnvironmentVariableIntValue("POINTAGE_TEST_CRASH_PAGE");
    const int hangPage = qEnvironmentVariableIntValue("POINTAGE_TEST_HANG_PAGE");
    const int greedyPage = qEnvironmentVariableIntValue("POINTAGE_TEST_GREEDY_PAGE");
    const int chatterPage = qEnvironmentVariableIntValue("POINTAGE_TEST_CHATTER_PAGE");
    const QByteArray crashFast = qgetenv("POINTAGE_TEST_CRASH_FAST");
    pointage::DecodeWorkerHooks hooks;
    hooks.beforeOpen = [=](const QString &, pointage::PdfRendering rendering) {
        if (crashFast == "open" && rendering == pointage::PdfRendering::FastWhenPlainScan)
            std::abort();
    };
    hooks.beforePage = [=](const QString &, int pageIndex, pointage::PdfRendering rendering) {
        if (pageIndex + 1 == crashPage)
            std::abort();
        if (pageIndex + 1 == hangPage)
            QThread::sleep(3600);
        if (pageIndex + 1 == chatterPage) {
            std::fprintf(stderr, "libpng warning: iCCP: known incorrect sRGB profile\n");
            static const char raw[] = "Syntax Error (1234): Illegal character <2f> in hex string";
            if (::write(STDERR_FILENO, raw, sizeof raw - 1) < 0)
                std::abort();
        }
        if (pageIndex + 1 == greedyPage)
            allocateWithoutEnd();
        if (crashFast == "page" && rendering == pointage::PdfRendering::FastWhenPlainScan)
            std::abort();
    };
    return pointage::runDecodeWorker(stdin, stdout, {}, hooks);
}
