// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "utf8.hpp"

#include <unicode/utf8.h>

#include <bit>
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

std::size_t ascii_end(std::string_view text, std::size_t i) {
  const char* s = text.data();
  const std::size_t n = text.size();
  for (; i + 8 <= n; i += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, s + i, 8);
    // Little-endian, the first byte with its top bit set is the lowest one set here.
    if (const std::uint64_t high = eight & 0x8080808080808080ull; high != 0) {
      if constexpr (std::endian::native == std::endian::little) return i + static_cast<std::size_t>(std::countr_zero(high)) / 8;
      break;
    }
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

std::vector<ByteSpan> invalid_utf8_spans(std::string_view text) {
  std::vector<ByteSpan> spans;
  // Only bytes outside ASCII can be ill-formed.
  for (std::size_t i = ascii_end(text, 0); i < text.size(); i = ascii_end(text, i)) {
    const std::size_t start = i;
    if (next_code_point(text, i) < 0) spans.push_back({start, i});
  }
  return spans;
}

}  // namespace despin::detail
