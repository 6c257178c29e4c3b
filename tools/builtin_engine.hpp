// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The built-in dictionary, compiled at build time (despin-compile-builtin) and embedded into
// the CLI: loading it takes about half the time and memory that parsing and compiling the
// dictionary does, which is most of a short run and what limits a batch's second job.
#pragma once

#include <cstdint>
#include <string_view>

namespace despin::cli {

// The bytes Engine::save() wrote for Engine::create({Dictionary::builtin()}), for Engine::load.
std::string_view builtin_engine_snapshot();
// fnv1a(builtin_engine_snapshot()) (fnv1a.hpp), worked out by the build.
std::uint64_t builtin_engine_fnv1a();

}  // namespace despin::cli
