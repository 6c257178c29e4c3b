// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "utf8.hpp"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace despin::detail {

int next_code_point(std::string_view text, std::size_t& i) {
  const unsigned char lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  // ICU's macro indexes with int32_t; decode within a window of at most 4 bytes.
  const int32_t window = static_cast<int32_t>(text.size() - i < 4 ? text.size() - i : 4);
  int32_t j = 0;
  UChar32 c;
  U8_NEXT(text.data() + i, j, window, c);
  i += static_cast<std::size_t>(j);
  return c;
}

std::vector<ByteSpan> invalid_utf8_spans(std::string_view text) {
  std::vector<ByteSpan> spans;
  const char* s = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most text is ASCII, and only other bytes can be invalid.
    std::uint64_t eight;
    if (i + 8 <= n && (std::memcpy(&eight, s + i, 8), (eight & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (next_code_point(text, i) < 0) spans.push_back({start, i});
  }
  return spans;
}

}  // namespace despin::detail
