// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Which of the rule prefilter's atoms a line may hold, decided from the line's words instead of
// its bytes. An atom is a lower-case literal that every match of some rule contains ("the
// quantity of "). Cut at its characters that are not ASCII letters or digits, it is a row of
// pieces ("the", "quantity", "of"), and wherever a text holds the atom, each piece is a whole
// run of ASCII letters and digits of the text, or the end or the start of one when the piece is
// at the atom's edge ("the" may end "breathe"), or any part of one when the atom is a single
// piece ("ing"). A word's key (fold_key) has the same runs, so a line holds the atom only if
// its words' keys satisfy every piece. That is a necessary condition, checked once per distinct
// word of a document, where a literal automaton over every byte cost a dependent table load a
// byte (as long as segmenting the text). Extra candidates only cost a rule's run over a line.
//
// Why the keys' runs are the text's: ICU never breaks a word between two ASCII letters or
// digits, so a run lies in one token; fold_key lower-cases ASCII and folds other characters,
// and the only ones that RE2 (ignoring case) matches to ASCII letters, U+017F and U+212A, fold
// to them too ("s", "k"). A character outside ASCII in an atom is a separator like a space when
// no form of it under case holds ASCII (the typographic apostrophe); an atom with any other is
// reported present on every line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ascii_literals.hpp"
#include "document_words.hpp"

namespace despin::detail {

class AtomPieces {
 public:
  AtomPieces() = default;
  // `atoms` are lower case, as FilteredRE2::Compile gives them.
  explicit AtomPieces(const std::vector<std::string>& atoms);

  // By distinct key of a document: the pieces it satisfies.
  struct KeyPieces {
    std::vector<std::uint32_t> first;   // key k's pieces: pieces[first[k], first[k + 1])
    std::vector<std::uint32_t> pieces;
  };
  KeyPieces of_keys(const DocumentWords& words) const;

  // What one line's atoms are worked out with; reused from line to line.
  struct Scratch {
    std::uint32_t line = 0;
    std::vector<std::uint32_t> piece_line;  // by piece: the last line that saw it
    std::vector<std::uint32_t> key_line;    // by distinct key: the last line that held it
    std::vector<std::uint32_t> seen;        // the pieces the current line saw
  };
  Scratch scratch(const KeyPieces& of_key) const;

  // Appends to `found` each atom that the line made of the tokens whose distinct keys are
  // `keys[0, count)` may hold (at least every atom it holds), each once, in no order.
  void atoms_in_line(const KeyPieces& of_key, const std::uint32_t* keys, std::size_t count, Scratch& scratch,
                     std::vector<int>& found) const;


 private:
  // A piece is looked for as a literal in a run written "^run$": "^" before it when the piece
  // must start the run, "$" after it when it must end it ("^the$" is the whole word "the",
  // "moved$" the end of one, "ing" any part). Literal i is piece i.
  std::vector<std::string> pieces_;
  AsciiLiterals pieces_search_;
  // Appends the pieces `key` satisfies to `out` (sorted, each once), searching for them.
  void search(std::string_view key, std::string& scratch, std::vector<int>& out) const;
  // The pieces of the commonest words, found once: most of a document's distinct words are
  // among them, and a search costs a cache miss a byte in the pieces' automaton (megabytes).
  std::unordered_map<std::string_view, std::pair<std::uint32_t, std::uint32_t>> common_;  // word -> [first, last)
  std::vector<std::uint32_t> common_pieces_;
  // An atom is looked at only when its least shared piece is in a line (its trigger: "quantity"
  // in "the quantity of "; "the" is in thousands of atoms), then all its pieces are checked.
  std::vector<std::uint32_t> triggered_first_, triggered_;  // by piece: the atoms it triggers
  std::vector<std::uint32_t> atom_pieces_first_, atom_pieces_;  // by atom: its distinct pieces
  std::vector<int> always_;                  // atoms reported on every line
};

}  // namespace despin::detail
