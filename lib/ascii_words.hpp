// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// ICU's word segmentation (UAX #29) where it is plain: runs of ASCII between ASCII white space.
// There a token is a run of letters and digits, joined across an apostrophe or full stop
// between letters ("don't", "e.g") and across . , ; ' between digits ("3.5", "1,000"), or a
// single other character. Runs with a colon or a joiner between a letter and a digit, snake_case
// or "a@b", and everything outside ASCII, are left to ICU. Running ICU's rule machine costs far
// more than the rest of a rewrite; most English text never needs it.
#pragma once

#include <cstddef>
#include <string_view>

namespace despin::detail {

// ICU's White_Space among ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
inline bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

inline bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// Characters whose segmentation ICU must decide wherever they are: anything outside ASCII,
// ExtendNumLet (_, joins either side) and @ (ICU's rules take it for a letter).
inline bool needs_icu(unsigned char c) { return c >= 0x80 || c == '_' || c == '@'; }

// MidLetter (:), MidNum (, ;), MidNumLet (.) and Single_Quote ('): they join the letters or
// digits around them (rules WB6, WB7, WB11, WB12), so ICU decides when they stand between two.
inline bool is_word_joiner(unsigned char c) { return c == '.' || c == '\'' || c == ':' || c == ',' || c == ';'; }

// What ICU does with a joiner `mid` between the letters or digits `before` and `after`.
enum class Join { kNo, kYes, kIcu };
inline Join join_across(unsigned char before, unsigned char mid, unsigned char after) {
  const auto letter = [](unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
  const auto digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
  if (letter(before) && letter(after)) {
    if (mid == '.' || mid == '\'') return Join::kYes;  // WB6, WB7: MidNumLet, Single_Quote
    if (mid == ',' || mid == ';') return Join::kNo;     // MidNum joins digits only
  } else if (digit(before) && digit(after) && mid != ':') {
    return Join::kYes;  // WB11, WB12: MidNum, MidNumLet, Single_Quote
  }
  return Join::kIcu;  // a colon (ICU may tailor MidLetter), or a letter and a digit
}

// Whether `run`, a run without white space, segments by the rules above without ICU: all
// ASCII, no _ or @, and no joiner between letters or digits that ICU must decide.
bool is_plain_ascii_run(std::string_view run);

}  // namespace despin::detail
