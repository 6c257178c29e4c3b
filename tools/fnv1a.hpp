// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string_view>

namespace despin::cli {

inline constexpr std::uint64_t kFnv1aStart = 0xcbf29ce484222325ull;  // the hash of no bytes

// FNV-1a, 64 bits: a fingerprint of bytes (a document, an engine), not a defence against forgery.
// `h` carries a hash on over several pieces.
inline std::uint64_t fnv1a(std::string_view data, std::uint64_t h = kFnv1aStart) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

}  // namespace despin::cli
