// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace despin::detail {

struct ByteSpan {
  std::size_t begin = 0, end = 0;
};

// The maximal ill-formed subsequences of `text` (Unicode's "maximal subpart" practice, as ICU's
// U8_NEXT reads them). Each becomes one U+FFFD in the output.
std::vector<ByteSpan> invalid_utf8_spans(std::string_view text);

// Decodes the code point at byte `i` and advances `i` past it; returns a negative value for an
// ill-formed sequence (then `i` is past its maximal subpart). Works on texts of any size.
int next_code_point(std::string_view text, std::size_t& i);

// The first position at or after `i` holding a byte outside ASCII, or the text's size. Eight
// bytes at a time: the cleanup steps look only at the rest, and most text has none.
std::size_t ascii_end(std::string_view text, std::size_t i);
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

}  // namespace despin::detail
