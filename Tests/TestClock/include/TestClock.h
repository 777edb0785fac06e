#ifndef TEST_CLOCK_H
#define TEST_CLOCK_H

/// The moment every test process's clock starts at (CIO_NOW), as ISO 8601.
extern const char *const cio_test_clock_start;

#endif
