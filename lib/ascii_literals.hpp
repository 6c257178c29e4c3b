// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Which of a set of lower-case literals occur in a text, ignoring ASCII case: an Aho-Corasick
// automaton over bytes, a few instructions a byte. It answers only for ASCII text, where
// ignoring ASCII case is exactly Unicode case-insensitive matching (no other character folds
// to an ASCII letter there); the caller asks RE2 about the rest.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace despin::detail {

class AsciiLiterals {
 public:
  AsciiLiterals() = default;
  // `literals` are lower case. One with characters outside ASCII is in no ASCII text unless
  // each of them folds to an ASCII letter (K, the Kelvin sign): find() then reports it as
  // present, so a caller never misses it.
  explicit AsciiLiterals(const std::vector<std::string>& literals);

  // When `text` is all ASCII: appends the index of every literal that occurs in it (each once,
  // in increasing order) and returns true. Otherwise returns false.
  bool find(std::string_view text, std::vector<int>& found) const;

 private:
  static constexpr std::uint8_t kOutside = 0xFF;  // class of the bytes outside ASCII
  std::array<std::uint8_t, 256> class_of_{};     // byte -> class (upper and lower case alike)
  std::size_t classes_ = 1;                      // class 0: a byte in no literal
  std::vector<std::uint32_t> next_;              // state * classes_ + class -> state
  std::vector<std::uint32_t> out_begin_;         // state -> its literals: out_[out_begin_[s], out_begin_[s + 1])
  std::vector<int> out_;
  std::vector<int> always_;  // literals outside ASCII, reported as present
};

}  // namespace despin::detail
