// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Embeds the compiled built-in engine with the assembler's .incbin: an 18 MB file as a C++
// array initialiser would take the compiler minutes and gigabytes; .incbin copies the bytes.
// DESPIN_BUILTIN_ENGINE_FILE is the file's path, set by CMakeLists.txt, which also makes this
// file depend on it and on its hash beside it (FILE.fnv1a, written by despin-compile-builtin).
#include "builtin_engine.hpp"

#include <cstring>

#ifndef DESPIN_BUILTIN_ENGINE_FILE
#error "DESPIN_BUILTIN_ENGINE_FILE must name the compiled built-in engine"
#endif

// %progbits, not @progbits: '@' starts a comment in some targets' assembly (ARM).
__asm__(".pushsection .rodata.despin_builtin_engine, \"a\", %progbits\n"
        ".balign 16\n"
        "despin_builtin_engine_begin:\n"
        ".incbin \"" DESPIN_BUILTIN_ENGINE_FILE "\"\n"
        "despin_builtin_engine_end:\n"
        ".balign 8\n"
        "despin_builtin_engine_fnv1a:\n"
        ".incbin \"" DESPIN_BUILTIN_ENGINE_FILE ".fnv1a\"\n"
        ".popsection\n");

extern "C" const char despin_builtin_engine_begin[];
extern "C" const char despin_builtin_engine_end[];
extern "C" const char despin_builtin_engine_fnv1a[];

namespace despin::cli {

std::string_view builtin_engine_snapshot() {
  return {despin_builtin_engine_begin,
          static_cast<std::size_t>(despin_builtin_engine_end - despin_builtin_engine_begin)};
}

std::uint64_t builtin_engine_fnv1a() {
  std::uint64_t hash;
  std::memcpy(&hash, despin_builtin_engine_fnv1a, sizeof hash);
  return hash;
}

}  // namespace despin::cli
