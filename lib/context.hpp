// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Cues from the tokens around a match that decide how (and whether) to restore it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "tokenizer.hpp"

namespace despin::detail {

// True when token i opens a sentence or a line: the first token, after a line break, after
// . ! ? : or after an opening quote or bracket that itself opens a sentence.
bool starts_sentence(std::string_view text, const std::vector<Token>& tokens, std::size_t i);

// True when token i may open a quoted title: right after an opening quote mark ("Prepared or
// Not" names a work that was spun along with the prose around it).
bool after_opening_quote(std::string_view text, const std::vector<Token>& tokens, std::size_t i);

// True when token i is inside a quoted, capitalised title: an opening quote mark precedes it,
// with nothing but capitalised words in between ("Waiting At Long Last").
bool in_quoted_title(std::string_view text, const std::vector<Token>& tokens, std::size_t i);

// True when tokens [first, last) are a whole heading line: nothing else on the line but a list
// or section number before ("3.", "3)", "-", "*", "•", "#") and a colon after. WikiText's
// "= = Heading = =" is not taken (those headings are genuine).
bool is_heading(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t last);

// True when a form of "have" or "be" (or "get") governs token i, allowing "not", "never" and
// adverbs in -ly between: "had surrendered", "was not surrendered". The verb at i is then a
// past participle, not a past tense ("had given up", not "had gave up").
bool after_auxiliary(std::string_view text, const std::vector<Token>& tokens, std::size_t i);

}  // namespace despin::detail
