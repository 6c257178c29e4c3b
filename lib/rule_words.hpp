// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The words a regex rule cannot match without, read from the pattern itself. Most rules are
// phrases with a few alternations ("\b(state|family|...)-possessed\b", "(?:Ruler|Monarch)
// (George|Henry|...)"): every match holds "possessed", or one of "ruler" and "monarch". Such a
// rule needs no place in RE2's prefilter, whose AND-OR tree is walked for every atom of every
// line (a tenth of rewriting clean text): the rule runs over the lines that hold a word of its
// rarest clause and, in each, every other clause's word.
//
// A requirement is a conjunction of clauses, a clause a disjunction of runs: a run is a string
// of ASCII letters and digits that every match of the rule contains, written as a rule
// prefilter atom (atom_pieces.hpp) with a space where the pattern bounds it (a \b, or a
// character that is not a letter or a digit): " possessed " is the whole run "possessed" of
// some word, "possess" any part of one. The reading is conservative: whatever it does not
// understand (a class, an escape other than \b and punctuation, a quantified part) adds
// nothing and bounds nothing, so it only ever leaves out words, never requires one a match
// may lack.
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace despin::detail {

using RuleClause = std::vector<std::string>;  // atoms, any one of which a match holds

// The clauses every match of `pattern` (a valid RE2 pattern) satisfies: each holds at least one
// of each clause's atoms, in lower case. Empty when nothing is known (a top-level alternation
// of which some branch requires nothing, \Q...\E, nesting deeper than 64 groups).
std::vector<RuleClause> rule_words(std::string_view pattern);

// The longest run of characters that every match of `pattern` (a valid RE2 pattern) holds as
// written, in lower case: consecutive literal characters of a pattern without a top-level
// alternation ("\bfor (model|precedent)," -> "for ", ", however (he|she|...)" -> ", however ").
// It says what the clauses do not: that the words are next to each other, and the punctuation
// between them. Empty when the pattern has none (or starts with a top-level alternation).
std::string rule_literal(std::string_view pattern);

// Whether `line` may hold `literal` (from rule_literal()) where RE2, ignoring case, matches it:
// false only when no stretch of the line equals it ignoring ASCII case and the line has no "ſ"
// or Kelvin sign, which RE2 matches to "s" and "k".
bool may_hold_literal(std::string_view line, std::string_view literal);

// Whether a clause is worth looking for in every line: each of its runs is rare enough in
// text, a whole word outside the commonest English words, or a long part of a word.
bool is_rare_clause(const RuleClause& clause);

// How likely a clause is to be in a line, least first (compare with <): rare words; then the
// least frequent commonest word ("more" before "the", by common_word_rank); few, long.
std::tuple<bool, int, std::size_t, long> clause_rank(const RuleClause& clause);

}  // namespace despin::detail
