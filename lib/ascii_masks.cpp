// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "ascii_masks.hpp"

#include "ascii_words.hpp"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace despin::detail {

ByteMasks masks_of_block_bytewise(const char* bytes, std::size_t size) {
  ByteMasks m;
  for (std::size_t k = 0; k < size && k < 64; ++k) {
    const auto c = static_cast<unsigned char>(bytes[k]);
    m.alnum |= std::uint64_t{is_ascii_alnum(c)} << k;
    m.space |= std::uint64_t{is_ascii_space(c)} << k;
  }
  return m;
}

#if defined(__SSE2__)

ByteMasks masks_of_block(const char* bytes, std::size_t size) {
  // A short block is padded with NUL, which is neither class.
  alignas(16) char padded[64];
  if (size < 64) {
    std::memset(padded, 0, sizeof padded);
    std::memcpy(padded, bytes, size);
    bytes = padded;
  }
  // Signed byte compares: bytes from 0x80 up are negative, below every bound here, and stay
  // negative when 0x20 is or-ed in, so they are neither class, as outside ASCII they are not.
  const auto between = [](__m128i v, char low, char high) {
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(low - 1))),
                         _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(high + 1))));
  };
  ByteMasks m;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + 16 * k));
    const __m128i letter = between(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
    const __m128i alnum = _mm_or_si128(letter, between(v, '0', '9'));
    const __m128i space = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), between(v, '\t', '\r'));
    m.alnum |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(alnum))) << (16 * k);
    m.space |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(space))) << (16 * k);
  }
  return m;
}

#else

ByteMasks masks_of_block(const char* bytes, std::size_t size) { return masks_of_block_bytewise(bytes, size); }

#endif

}  // namespace despin::detail
