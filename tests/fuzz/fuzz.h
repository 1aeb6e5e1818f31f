/*
 * fuzz.h - the libFuzzer entry point every target in tests/fuzz/ defines.
 *
 * A target is one file fuzz_<part>.c with LLVMFuzzerTestOneInput().  It is
 * linked twice: with clang's -fsanitize=fuzzer for real fuzzing (meson
 * option `fuzzing`), and with smoke_driver.c (any compiler) to replay the
 * seed corpus and the regression inputs in normal CI (suite fuzz-smoke).
 */
#ifndef NFW_TESTS_FUZZ_H
#define NFW_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
