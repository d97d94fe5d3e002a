#ifndef GLOSS_CLIBFUZZER_SHIM_H
#define GLOSS_CLIBFUZZER_SHIM_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry for programs with their own main (LLVM 12 and later). SwiftPM gives every
// Swift executable its own main, so the fuzz targets start libFuzzer through this instead of
// letting libFuzzer's main call LLVMFuzzerTestOneInput.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
