// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// ICU's word segmentation (UAX #29) where it is plain: runs of ASCII between ASCII white space.
// There a token is a run of letters and digits or a single other character, unless a
// character that joins words ("don't", "3.5", "1,000", "e.g", snake_case, "a@b") stands between two
// letters or digits: such runs, and everything outside ASCII, are left to ICU. Running ICU's
// rule machine costs far more than the rest of a rewrite; most English text never needs it.
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

// Whether ICU's word rules reduce to "letters and digits join, anything else stands alone" on
// `run`, a run without white space: true when it is all ASCII and no word-joining character
// (. ' : , ; _) has a letter or digit on both sides, and no _ or @ (which ICU joins to letters).
bool is_plain_ascii_run(std::string_view run);

}  // namespace despin::detail
