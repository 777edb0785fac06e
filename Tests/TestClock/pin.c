// Every test process runs on a clock that starts at one fixed moment, so no test depends on today's date: the demo's
// data, the windows the app asks for and the sandbox's answers all follow WallClock, which reads CIO_NOW once.
// A constructor sets it before any Swift code runs (Swift has no earlier hook), so the first reader, whichever test
// it is in, already sees it, and the cio processes the tests start inherit it. A CIO_NOW set from outside wins.
#include <stdlib.h>
#include "TestClock.h"

const char *const cio_test_clock_start = "2026-11-30T15:00:00Z";

__attribute__((constructor)) static void cio_pin_test_clock(void) {
    setenv("CIO_NOW", cio_test_clock_start, 0);
}
