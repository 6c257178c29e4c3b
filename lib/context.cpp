// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#include "context.hpp"

#include <algorithm>
#include <string>

namespace despin::detail {
namespace {

std::string_view token_text(std::string_view text, const Token& t) { return text.substr(t.begin(), t.length); }

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool is_sentence_end(std::string_view s) { return is_one_of(s, {".", "!", "?", ":", "…", "•", "·"}); }

bool is_opening_mark(std::string_view s) {
  return is_one_of(s, {"\"", "'", "“", "‘", "«", "(", "[", "„", "—", "–", "-", "*"});
}

}  // namespace

bool starts_sentence(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  // Walk back over opening marks: '(“The' opens a sentence when what precedes the marks does.
  while (true) {
    if (i == 0 || tokens[i].line_break_before) return true;
    const std::string_view prev = token_text(text, tokens[i - 1]);
    if (is_sentence_end(prev)) return true;
    if (!is_opening_mark(prev)) return false;
    --i;
  }
}

bool after_opening_quote(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  if (i == 0) return false;
  return is_one_of(token_text(text, tokens[i - 1]), {"\"", "“", "‘", "'", "«", "„"});
}

bool in_quoted_title(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  for (std::size_t steps = 0; steps < 12 && i > 0 && !tokens[i].line_break_before; ++steps) {
    if (after_opening_quote(text, tokens, i)) return true;
    const Token& prev = tokens[--i];
    if (!prev.is_word) return false;
    const Shape s = shape_of(token_text(text, prev));
    if (s != Shape::kTitle && s != Shape::kUpper) return false;
  }
  return false;
}

bool is_heading(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  // Before: only a numbering on the same line.
  std::size_t k = first;
  while (k > 0 && !tokens[k].line_break_before) {
    const std::string_view prev = token_text(text, tokens[k - 1]);
    const bool number = std::all_of(prev.begin(), prev.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!number && !is_one_of(prev, {".", ")", "-", "*", "•", "#", "–"})) return false;
    --k;
  }
  // After: the end of the line, or a colon ending it.
  if (last < tokens.size() && !tokens[last].line_break_before) {
    if (token_text(text, tokens[last]) != ":") return false;
    if (last + 1 < tokens.size() && !tokens[last + 1].line_break_before) return false;
  }
  return true;
}

bool after_auxiliary(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  std::string key;
  // Look back over at most three tokens: "had not yet", "was quickly", "'ve".
  for (std::size_t steps = 0; steps < 3 && i > 0; ++steps) {
    const Token& t = tokens[--i];
    if (!t.is_word) return false;
    fold_key(token_text(text, t), key);
    if (is_one_of(key, {"have", "has", "had", "having", "'ve", "'d", "be", "is", "are", "was", "were", "been",
                        "being", "'s", "'re", "get", "gets", "got", "gotten", "getting", "hasn't", "haven't",
                        "hadn't", "isn't", "aren't", "wasn't", "weren't"}) ||
        key.ends_with("'ve") || key.ends_with("'d"))
      return true;
    const bool adverb = is_one_of(key, {"not", "n't", "never", "already", "just", "also", "yet", "since", "ever",
                                        "recently", "finally", "been"}) ||
                        (key.size() > 4 && key.ends_with("ly"));
    if (!adverb) return false;
  }
  return false;
}

}  // namespace despin::detail
