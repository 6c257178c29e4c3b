// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Reads a whole regular file for the CLI and the batch runner, and notices when the file
// changes while it is read: a document cut short by a writer must not pass for the whole one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace despin::cli {

// The file's bytes, or nullopt with `error` set (without the file name): the reason from the
// system, "is a directory", or "changed while being read" when its size or modification time
// moved during the read. A file removed while open is read whole (its data stays until closed).
std::optional<std::string> read_whole_file(const std::string& path, std::string& error);

// A 64-bit hash of the file's bytes (FNV-1a), read in pieces: nullopt with `error` set when it
// cannot be read. For fingerprints of large files (a compiled engine) not worth holding whole.
std::optional<std::uint64_t> hash_file(const std::string& path, std::string& error);

// Whether the file starts as a compiled engine (`despin compile`) does: given where a text
// dictionary is expected, it is named as what it is instead of being parsed into a screenful
// of encoding errors. False when it cannot be read (the caller's own read reports why).
bool is_compiled_engine_file(const std::string& path);

// The `error` read_whole_file gives for a directory, for callers that explain it their way.
inline constexpr const char* kIsDirectory = "is a directory";

}  // namespace despin::cli
