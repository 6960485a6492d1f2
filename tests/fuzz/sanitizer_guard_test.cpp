// The hostile-input tests are worth something only if a memory error in the readers fails them.
// These check that this binary is what tests/CMakeLists.txt says: built with AddressSanitizer and
// UndefinedBehaviorSanitizer, and that a heap overflow or an overflowing conversion is reported
// and ends the process (a child, in a death test) instead of going unseen.
#include <cstdio>
#include <gtest/gtest.h>

namespace {

// volatile: keeps the compiler from proving the error away.
volatile int g_index = 16;
volatile double g_huge = 1e300;

TEST(SanitizedReaders, ThisBinaryIsBuiltWithBothSanitizers)
{
#if !defined(__SANITIZE_ADDRESS__)
    FAIL() << "test_fuzz is not built with -fsanitize=address: see tests/CMakeLists.txt";
#endif
}

TEST(SanitizedReaders, AHeapOverflowEndsTheRunWithAReport)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(
        {
            char *bytes = new char[16];
            const char read = bytes[g_index];
            delete[] bytes;
            std::printf("%d\n", read);
        },
        "heap-buffer-overflow");
}

TEST(SanitizedReaders, AnOutOfRangeConversionEndsTheRunWithAReport)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(
        {
            const int value = int(g_huge);
            std::printf("%d\n", value);
        },
        "outside the range of representable values");
}

} // namespace
