// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Which of a set of lower-case ASCII literals occur in a text, ignoring the case of ASCII
// letters: an Aho-Corasick automaton over bytes, one table load a byte. The rule prefilter
// (atom_pieces.hpp) runs it over the runs of letters and digits of a document's distinct words,
// a few thousand short strings, never over the text itself.
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
  // `literals` are non-empty, lower-case ASCII (std::invalid_argument otherwise).
  explicit AsciiLiterals(const std::vector<std::string>& literals);

  // Appends the index of every literal that occurs in `text`, each once, in increasing order.
  // Bytes outside ASCII are in no literal.
  void find(std::string_view text, std::vector<int>& found) const;

 private:
  // Appends the literals that end in the state whose row in next_ is `row`.
  void emit(std::uint32_t row, std::vector<int>& found) const;
  std::array<std::uint8_t, 256> class_of_{};     // byte -> class (upper and lower case alike)
  std::size_t classes_ = 1;                      // class 0: a byte in no literal
  static constexpr std::uint32_t kHasOutput = 0x80000000u;
  // state * classes_ + class -> the next state's row (state * classes_) | kHasOutput when a
  // literal ends in it
  std::vector<std::uint32_t> next_;
  std::vector<std::uint32_t> out_begin_;         // state -> its literals: out_[out_begin_[s], out_begin_[s + 1])
  std::vector<int> out_;
};

}  // namespace despin::detail
