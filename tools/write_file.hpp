// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace despin::cli {

// The suffix of a file being written; a batch removes strays left by an interrupted run.
inline constexpr const char* kTempSuffix = ".despin-tmp";

// Writes `data` to `target` through a temporary file (target + kTempSuffix) and a rename, so no
// reader ever sees it half written; creates the parent directories. On failure (a full disk,
// no permission) returns false with `error` naming the file, and leaves no temporary behind.
bool write_atomically(const std::filesystem::path& target, std::string_view data, std::string& error);

}  // namespace despin::cli
