// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Which of a set of lower-case literals occur in a text, ignoring case as RE2 does: an
// Aho-Corasick automaton over bytes, a few instructions a byte. ASCII letters fold by byte
// class; a literal's characters outside ASCII are spelled in each of their cases (é and É),
// a handful of spellings a literal. Only two characters outside ASCII fold to an ASCII letter
// in RE2's case-insensitive matching, the long s (U+017F, as s) and the Kelvin sign (U+212A,
// as k), and the automaton reads them as those letters (rule_filter_test checks that list
// against RE2 over every code point). So it answers for any text, unless a literal has too
// many spellings: then only for ASCII text, and the caller asks RE2 about the rest.
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
  // `literals` are lower case. One left out of the automaton is in no ASCII text unless each
  // of its characters outside ASCII folds to an ASCII letter (K, the Kelvin sign): find()
  // then reports it as present, so a caller never misses it.
  explicit AsciiLiterals(const std::vector<std::string>& literals);

  // When answers_all(), or `text` is ASCII: appends the index of every literal that occurs in
  // it (each once, in increasing order) and returns true. Otherwise returns false.
  bool find(std::string_view text, std::vector<int>& found) const;
  // Whether find() answers for text outside ASCII too (every literal is in the automaton).
  bool answers_all() const { return answers_all_; }

 private:
  // Appends the literals that end in the state whose row in next_ is `row`.
  void emit(std::uint32_t row, std::vector<int>& found) const;
  static constexpr std::uint8_t kOutside = 0xFF;  // class of the bytes outside ASCII
  std::array<std::uint8_t, 256> class_of_{};     // byte -> class (upper and lower case alike)
  std::size_t classes_ = 1;                      // class 0: a byte in no literal
  static constexpr std::uint32_t kHasOutput = 0x80000000u;
  // state * classes_ + class -> the next state's row (state * classes_) | kHasOutput when a
  // literal ends in it
  std::vector<std::uint32_t> next_;
  std::vector<std::uint32_t> out_begin_;         // state -> its literals: out_[out_begin_[s], out_begin_[s + 1])
  std::vector<int> out_;
  std::vector<int> always_;  // literals outside ASCII, reported as present
  bool answers_all_ = true;  // every literal is in the automaton: any text is answered
};

}  // namespace despin::detail
