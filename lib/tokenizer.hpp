// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Word segmentation with ICU's word BreakIterator over UTF-8, keeping byte spans.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>

namespace despin::detail {

// This thread's ICU sentence BreakIterator (ICU iterators are not thread-safe).
icu::BreakIterator& thread_sentence_iterator();

// A token that is not white space: a word, a number or a punctuation mark. White space is not
// stored; what lies between two tokens is described by the flags of the second.
// 12 bytes: a document holds one every four or five bytes, and a large document's token array
// is the largest thing it allocates (each page of it a page fault to fill). Offsets go to
// 2^40 (a terabyte); a run longer than kMaxLength (16 MiB without a space: no word is) goes
// on in tokens of that length with no gap (TokenLimits).
struct Token {
  static constexpr std::uint32_t kMaxParagraph = (1u << 30) - 1;
  static constexpr std::size_t kMaxLength = (std::size_t{1} << 24) - 1;
  static constexpr std::size_t kMaxOffset = (std::size_t{1} << 40) - 1;

  std::uint32_t begin_low = 0;      // the byte span in the text, [begin(), end()): low 32 bits
  std::uint32_t begin_high : 8 = 0; //   and the 8 above them
  std::uint32_t length : 24 = 0;
  std::uint32_t paragraph : 30 = 0;  // increments at each blank line (and stays at kMaxParagraph)
  bool is_word : 1 = false;          // letters or digits (ICU rule status other than "none")
  bool line_break_before : 1 = false;  // the gap before it holds a line break

  std::size_t begin() const { return static_cast<std::size_t>(begin_high) << 32 | begin_low; }
  std::size_t end() const { return begin() + length; }
  void set_begin(std::size_t offset) {  // at most kMaxOffset
    begin_low = static_cast<std::uint32_t>(offset);
    begin_high = static_cast<std::uint32_t>(offset >> 32) & 0xFFu;
  }
};
static_assert(sizeof(Token) == 12);

// How far a Token's fields go: tokenize() cuts a longer run into tokens of `max_length` bytes
// with no gap between them, and stops counting paragraphs at `max_paragraph`. The defaults are
// the fields' own limits; a test passes smaller ones to reach them without gigabytes of text.
struct TokenLimits {
  std::size_t max_length = Token::kMaxLength;           // 1 or more
  std::uint32_t max_paragraph = Token::kMaxParagraph;   // at most Token::kMaxParagraph
};

// Tokenizes `text` (which may contain invalid UTF-8: ICU reads it as U+FFFD). Thread-safe:
// each thread uses its own BreakIterator. Throws std::length_error for a text longer than
// Token::kMaxOffset.
std::vector<Token> tokenize(std::string_view text, const TokenLimits& limits = {});
// The same, with every byte segmented by ICU (tokenize() leaves it the runs where it matters):
// the reference tokenize() is tested against, and a check that ICU's data is there.
std::vector<Token> tokenize_with_icu(std::string_view text);

// The matching key of a token or phrase word: case-folded, with typographic apostrophes as "'".
void fold_key(std::string_view token, std::string& out);

// The byte offsets in `key` (fold_key of `token`) where a run of ASCII letters and digits may
// end as RE2 reads the token, though the key's run goes on: before and after what a character
// outside ASCII folded to, when that holds ASCII letters or digits ("ß" is "ss", "ſ" "s", "ﬁ"
// "fi"). RE2's \b is ASCII's: "stra\b" matches "straße", whose key "strasse" is one run.
// Appended to `out`, in order; none for a token without such a character.
void fold_key_soft_bounds(std::string_view token, std::string_view key, std::vector<std::uint32_t>& out);

// Keys of the tokens of a dictionary phrase.
std::vector<std::string> phrase_keys(std::string_view phrase);

// Case shape of a token's letters.
enum class Shape { kNone, kLower, kTitle, kUpper, kMixed };
Shape shape_of(std::string_view token);

// "if" -> "If" (first letter upper-cased, Unicode aware).
std::string capitalize_first(std::string_view s);
// "if" -> "IF".
std::string to_upper(std::string_view s);

}  // namespace despin::detail
