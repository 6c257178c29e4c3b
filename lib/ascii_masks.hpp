// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Which bytes of a text are ASCII letters or digits, and which ASCII white space, 64 at a time
// as words of bits: the tokenizer skips a word or a gap with one count of trailing zeros where
// it tested byte after byte (a branch a byte, mispredicted at the end of every word). With SSE2
// (every x86-64) a block's masks take a few vector compares; elsewhere a loop gives the same.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace despin::detail {

// Bit k of each mask is byte k of a block of up to 64 bytes; bytes past the block's end are
// neither.
struct ByteMasks {
  std::uint64_t alnum = 0;  // is_ascii_alnum (ascii_words.hpp)
  std::uint64_t space = 0;  // is_ascii_space
};
ByteMasks masks_of_block(const char* bytes, std::size_t size);
// The same byte by byte: what masks_of_block() is tested against.
ByteMasks masks_of_block_bytewise(const char* bytes, std::size_t size);

// A text's masks, worked out a block at a time as positions are asked for (the tokenizer moves
// forward, and a block is cheaper to redo than a whole text's masks are to store).
class AsciiMasks {
 public:
  explicit AsciiMasks(std::string_view text) : text_(text) {}
  // The first position at or after `p` whose byte is not an ASCII letter or digit, or the
  // text's size.
  std::size_t alnum_end(std::size_t p) { return run_end(p, &ByteMasks::alnum); }
  // The first position at or after `p` whose byte is not ASCII white space, or the text's size.
  std::size_t space_end(std::size_t p) { return run_end(p, &ByteMasks::space); }

 private:
  std::size_t run_end(std::size_t p, std::uint64_t ByteMasks::*mask) {
    while (p < text_.size()) {
      const std::size_t block = p >> 6;
      if (block != block_) {
        block_ = block;
        const std::size_t from = block << 6;
        masks_ = masks_of_block(text_.data() + from, std::min<std::size_t>(64, text_.size() - from));
      }
      // Ones where the class does not hold, from p on (zeros shifted in stand for the next block).
      const std::uint64_t other = ~(masks_.*mask) >> (p & 63);
      if (other != 0) return std::min(p + static_cast<std::size_t>(std::countr_zero(other)), text_.size());
      p = (block + 1) << 6;
    }
    return text_.size();
  }
  std::string_view text_;
  std::size_t block_ = ~std::size_t{0};
  ByteMasks masks_;
};

}  // namespace despin::detail
