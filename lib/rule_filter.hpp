// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The dictionary's regex rules, compiled once, with a prefilter that says which of them can
// match a text at all. RE2's FilteredRE2 reduces each rule to literal strings ("atoms") that any
// match must contain (an AND-OR tree of them); one pass of a literal automaton over the text
// finds the atoms present, and only rules whose tree they satisfy run. One RE2::Set of the
// whole rules did the same exactly, but its DFA (counted repetitions, word boundaries) cost
// more a byte than tokenizing; a set of literals is cheap (an Aho-Corasick automaton, and the
// RE2::Set of the literals only on lines outside ASCII when a literal is outside ASCII too: see
// ascii_literals.hpp). Extra candidates only cost time:
// a rule that does not match finds nothing.
//
// Most rules cannot match across a line break. Such a rule's match lies in one line and
// contains atoms enough to pass its filter, so the atoms are looked for line by line and the
// rule runs only over the lines where they are: a candidate rule no longer scans the whole
// text (which, with a few dozen candidates on a long document, cost more than the rest).
#pragma once

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ascii_literals.hpp"

namespace despin::detail {

class RuleFilter {
 public:
  RuleFilter();

  // Compiles a rule (case-insensitive unless the pattern says otherwise); returns its index, or
  // -1 with RE2's message in `error`.
  int add(const std::string& pattern, std::string* error);
  // Call once, after the last add().
  void compile();

  std::size_t size() const { return static_cast<std::size_t>(filter_.NumRegexps()); }
  const RE2& rule(std::size_t index) const { return filter_.GetRE2(static_cast<int>(index)); }

  struct Candidate {
    int rule;
    // Where its matches must lie: whole lines of the text, or the whole text, in order.
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
  };
  // The rules that may match `text`, in increasing order; every match of every rule lies in
  // the ranges given for it.
  std::vector<Candidate> candidates(std::string_view text) const;

 private:
  static RE2::Options rule_options();
  re2::FilteredRE2 filter_;
  // The atoms as an RE2::Set, for lines outside ASCII when an atom is outside ASCII too: built
  // on the first such line (a third of the rules' compile time, which most documents never
  // need). Null until then, and if it could not be built.
  const RE2::Set* atom_set() const;
  std::vector<std::string> atom_strings_;
  mutable std::once_flag atoms_built_;
  mutable std::unique_ptr<RE2::Set> atoms_;
  AsciiLiterals ascii_atoms_;        // the same atoms, for every line it can answer for
  bool compiled_ = false;
  bool no_atoms_ = false;  // every rule passes or fails without looking at the text
  std::size_t atom_count_ = 0;
  bool atoms_in_lines_ = true;  // no atom holds a line feed: the text's atoms are its lines' atoms
  std::vector<bool> line_local_;  // by rule: no match can hold a line feed
  std::vector<bool> unfiltered_;  // by rule: passes whatever the text (no atoms to look for)
};

}  // namespace despin::detail
