// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "snapshot_io.hpp"

#include "utf8.hpp"

namespace despin::detail {

bool valid_utf8(std::string_view s) {
  // Eight bytes at a time while they are ASCII (nearly every string a dictionary holds).
  std::size_t i = 0;
  std::uint64_t eight;
  while (i + 8 <= s.size() && (std::memcpy(&eight, s.data() + i, 8), (eight & 0x8080808080808080ull) == 0)) i += 8;
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0x80) return invalid_utf8_spans(s.substr(i)).empty();
  return true;
}

std::uint64_t snapshot_checksum(std::string_view bytes) {
  // Four lanes of eight bytes, each step h = (h ^ word) * odd constant: a bijection of h for a
  // given word, so changing any one word always changes the result (and two words cancel only
  // by chance); four independent lanes keep the multiplier busy. The tail goes byte by byte.
  constexpr std::uint64_t kPrime = 0x100000001B3ull;
  constexpr std::uint64_t kOdd = 0x9E3779B97F4A7C15ull;
  std::uint64_t h[4] = {0xCBF29CE484222325ull ^ bytes.size(), 1, 2, 3};
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) {
    for (int lane = 0; lane < 4; ++lane) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + i + 8 * lane, 8);
      h[lane] = (h[lane] ^ word) * kPrime;
    }
  }
  std::uint64_t out = h[0];
  for (int lane = 1; lane < 4; ++lane) out = (out ^ (h[lane] >> 29) ^ h[lane]) * kOdd;
  for (; i < bytes.size(); ++i) out = (out ^ static_cast<unsigned char>(bytes[i])) * kPrime;
  return out ^ (out >> 31);
}

}  // namespace despin::detail
