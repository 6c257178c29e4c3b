// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The dictionary text grammar (docs/dictionary-format.md). Kept in its own translation unit
// because Boost.Spirit X3 is expensive to compile.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "despin/dictionary.hpp"

namespace despin::detail {

struct ParsedDictionary {
  std::vector<Entry> entries;
  std::vector<Example> examples;
  std::vector<Term> terms;
  std::vector<WordSwap> word_swaps;
  std::vector<std::string> errors;  // "name:line:col: message"; parsing continues past errors
};

inline constexpr std::size_t kMaxReportedErrors = 20;

// Parses every line of `text`. `name` prefixes rule ids and messages; `default_domain` is the
// domain of entries before any @domain directive. With `compile_rules` false, rules are not
// compiled to check them (the embedded dictionary, checked by the build's tests; Engine::create
// compiles every rule anyway and rejects a bad one with its file and line).
ParsedDictionary parse_dictionary(std::string_view text, std::string_view name,
                                  std::string_view default_domain, bool compile_rules = true);

// Parses a term list: one term a line, '#' comments, blank lines ignored. A term must hold at
// least two words and none of the dictionary syntax ("=>", ";"), and appear once.
ParsedDictionary parse_term_list(std::string_view text, std::string_view name);

// The longest spun phrase a swap list may give for one original word (paraphrasers' glosses
// run to five: "in a manner of speaking").
inline constexpr std::size_t kMaxSwapPhraseWords = 5;

// Parses a swap list: one "SPUN => ORIGINAL" pair a line (a word, or a phrase of up to
// kMaxSwapPhraseWords words, for one word), "#" comments.
ParsedDictionary parse_swap_list(std::string_view text, std::string_view name);

}  // namespace despin::detail
