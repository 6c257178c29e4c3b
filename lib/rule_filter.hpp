// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// The dictionary's regex rules, compiled once, with a prefilter that says which of them can
// match a text at all. RE2's FilteredRE2 reduces each rule to literal strings ("atoms") that any
// match must contain (an AND-OR tree of them); the atoms a line may hold are worked out from its
// words (atom_pieces.hpp), and only rules whose tree they satisfy run. One RE2::Set of the
// whole rules did the same exactly, but its DFA (counted repetitions, word boundaries) cost
// more a byte than tokenizing, and so did a literal automaton of the atoms over every byte (a
// dependent load a byte from a table of 12 MB). Extra candidates only cost time: a rule that
// does not match finds nothing.
//
// A rule whose words alone tell where it may match (rule_words.hpp: "possessed" for
// "\b(state|family|...)-possessed\b") stays out of FilteredRE2: its words are looked for with
// the atoms, and it runs over the lines holding a word of each of its clauses. FilteredRE2's
// tree, walked for each atom of a line, was a tenth of rewriting clean text; it now holds the
// few rules whose words tell too little (a lone common word, none at all, a match across lines).
//
// Most rules cannot match across a line break. Such a rule's match lies in one line and
// contains atoms enough to pass its filter, so the atoms are looked for line by line and the
// rule runs only over the lines where they are: a candidate rule no longer scans the whole
// text (which, with a few dozen candidates on a long document, cost more than the rest). A
// rule that can (\s, a negated class) matches within a paragraph, as phrases do (across a
// line break, not across a blank line), and runs over the paragraphs whose lines' atoms
// together pass its filter: the few such rules scanning every byte of a long document cost
// as much as all the others together.
#pragma once

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "atom_pieces.hpp"
#include "document_words.hpp"
#include "tokenizer.hpp"

namespace despin::detail {

class RuleFilter {
 public:
  RuleFilter();

  // Compiles a rule (case-insensitive unless the pattern says otherwise); returns its index, or
  // -1 with RE2's message in `error`.
  int add(const std::string& pattern, std::string* error);
  // Call once, after the last add().
  void compile();

  std::size_t size() const { return slots_.size(); }
  const RE2& rule(std::size_t index) const {
    const Slot& s = slots_[index];
    return s.filtered >= 0 ? filter_.GetRE2(s.filtered) : *s.own;
  }
  // How many rules are found by their words rather than by FilteredRE2: for tests.
  std::size_t word_rule_count() const { return slots_.size() - global_.size(); }

  struct Candidate {
    int rule;
    // Where its matches must lie: whole lines or paragraphs of the text, or the whole text
    // (a rule with no atoms), in order.
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
  };
  // The rules that may match `text`, in increasing order; every match of every rule lies in
  // the ranges given for it. `tokens` and `words` are the text's (tokenize, fold_words).
  std::vector<Candidate> candidates(std::string_view text, const std::vector<Token>& tokens,
                                    const DocumentWords& words) const;

  // The literal strings the prefilter looks for (FilteredRE2's atoms): for tests.
  const std::vector<std::string>& atoms() const { return atom_strings_; }

 private:
  static RE2::Options rule_options();
  // A rule: its index in filter_, or (-1) its own RE2 and the clauses of its words: until
  // compile(), all of them, of which `trigger` is looked for first; then the others, as indexes
  // into the word atoms (the atoms after filter_'s in pieces_), checked in that order.
  struct Slot {
    int filtered = -1;
    std::unique_ptr<RE2> own;
    std::vector<std::vector<std::string>> clauses;  // until compile()
    std::vector<std::vector<std::uint32_t>> clause_atoms;
    std::size_t trigger = 0;
    // What every match holds as written (rule_literal), when the clauses do not say it all:
    // a line without it is no candidate. Empty for none.
    std::string literal;
  };
  std::vector<Slot> slots_;
  std::vector<int> global_;  // by filter_ index: the rule's index
  // By word atom: the rules whose trigger clause holds it.
  std::vector<std::vector<std::uint32_t>> triggers_;
  std::uint64_t id_ = 0;  // for the per-thread marks of candidates(), as AtomPieces::scratch
  re2::FilteredRE2 filter_;
  // The atoms as an RE2::Set, for the whole text at once when an atom holds a line feed: built
  // on first use (a third of the rules' compile time, which most dictionaries never need).
  // Null until then, and if it could not be built.
  const RE2::Set* atom_set() const;
  std::vector<std::string> atom_strings_;
  mutable std::once_flag atoms_built_;
  mutable std::unique_ptr<RE2::Set> atoms_;
  AtomPieces pieces_;  // the same atoms, as pieces of the words of a line
  bool compiled_ = false;
  bool no_atoms_ = false;  // every rule passes or fails without looking at the text
  std::size_t atom_count_ = 0;
  bool atoms_in_lines_ = true;  // no atom holds a line feed: the text's atoms are its lines' atoms
  std::vector<bool> line_local_;  // by filter_ index: no match can hold a line feed
  bool spans_lines_ = false;      // some rule's match may hold one
  std::vector<bool> unfiltered_;  // by filter_ index: passes whatever the text (no atoms to look for)
};

}  // namespace despin::detail
