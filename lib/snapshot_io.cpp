// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "snapshot_io.hpp"

namespace despin::detail {

std::uint64_t snapshot_checksum(std::string_view bytes) {
  // Eight bytes a step, multiplied and rotated (a 64-bit FNV-style mix); the tail byte by byte.
  constexpr std::uint64_t kPrime = 0x100000001B3ull;
  std::uint64_t h = 0xCBF29CE484222325ull ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    h = (h ^ word) * kPrime;
    h ^= h >> 29;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * kPrime;
  return h;
}

}  // namespace despin::detail
