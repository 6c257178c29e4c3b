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
// to them too ("s", "k"). Where a character outside ASCII folds to ASCII letters ("ß" to "ss"),
// the key's run goes on where RE2 (whose \b is ASCII's) sees one end: such a word satisfies
// the pieces of each stretch between those places too (DocumentWords::soft_bounds).
// A character outside ASCII in an atom is a separator like a space when
// no form of it under case holds ASCII (the typographic apostrophe); an atom with any other is
// reported present on every line.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ascii_literals.hpp"
#include "document_words.hpp"
#include "word_records.hpp"

namespace despin::detail {

class AtomPieces {
 public:
  AtomPieces() = default;
  // `atoms` are lower case, as FilteredRE2::Compile gives them. Only the atoms marked in
  // `reported` (all, when it is empty) are looked for by atoms_in_line(); the others are asked
  // about one by one (holds()), when a reported one makes them matter.
  explicit AtomPieces(const std::vector<std::string>& atoms, const std::vector<bool>& reported = {});

  // What a document's atoms are worked out with, kept by each thread from document to
  // document: marks by piece and by distinct key telling which line saw each last (lines are
  // numbered on from document to document, so the marks are cleared only when the numbers run
  // out: a short document would spend more on clearing them than on its words), and the pieces
  // of the words met so far (most of a document's words were in the documents before it, and
  // a search costs a cache miss a byte in the pieces' automaton of megabytes), by word record
  // (word_records.hpp): forgotten when the thread's records start again.
  struct Scratch {
    std::uint64_t owner = 0;  // the AtomPieces it is for (its id_)
    std::uint32_t line = 0;
    std::vector<std::uint32_t> piece_line;  // by piece: the last line that saw it
    std::vector<std::uint32_t> key_line;    // by distinct key of the document: the last line that held it
    std::vector<std::uint32_t> seen;        // the pieces the current line saw
    // For the rule filter's paragraphs, numbered on the same way: by atom, the last that saw it.
    std::uint32_t paragraph = 0;
    std::vector<std::uint32_t> atom_paragraph;
    RecordMemo<std::pair<std::uint32_t, std::uint32_t>> known;  // word -> known_pieces[first, last)
    std::vector<std::uint32_t> known_pieces;
  };
  // This thread's scratch for this AtomPieces.
  Scratch& scratch() const;

  // By distinct key of a document: the pieces it satisfies.
  struct KeyPieces {
    std::vector<std::uint32_t> first;   // key k's pieces: pieces[first[k], first[k + 1])
    std::vector<std::uint32_t> pieces;
  };
  // Fills `out` (its buffers reused: a caller keeps it from document to document, as a short
  // document spent more on allocating these than on its words). Also readies `scratch` for
  // the document.
  void of_keys(const DocumentWords& words, Scratch& scratch, KeyPieces& out) const;

  // Appends to `found` each atom that the line made of the tokens whose distinct keys are
  // `keys[0, count)` may hold (at least every atom it holds), each once, in no order.
  void atoms_in_line(const KeyPieces& of_key, const std::uint32_t* keys, std::size_t count, Scratch& scratch,
                     std::vector<int>& found) const;
  // Whether the line atoms_in_line() last read may hold atom `atom`, reported or not (the same
  // condition: each of its pieces is satisfied by a word of the line).
  bool holds(std::uint32_t atom, const Scratch& scratch) const {
    for (std::uint32_t k = atom_pieces_first_[atom]; k < atom_pieces_first_[atom + 1]; ++k)
      if (scratch.piece_line[atom_pieces_[k]] != scratch.line) return false;
    return true;  // every piece, or none to check: an atom reported on every line
  }

 private:
  // A piece is looked for as a literal in a run written "^run$": "^" before it when the piece
  // must start the run, "$" after it when it must end it ("^the$" is the whole word "the",
  // "moved$" the end of one, "ing" any part). Literal i is piece i.
  std::vector<std::string> pieces_;
  AsciiLiterals pieces_search_;
  // Appends the pieces `key` satisfies to `out` (sorted, each once), its runs ending also at
  // `bounds` (the key's DocumentWords::soft_bounds; none for most keys).
  void search(std::string_view key, std::span<const std::pair<std::uint32_t, std::uint32_t>> bounds,
              std::string& scratch, std::vector<int>& out) const;
  // An atom is looked at only when its trigger is in a line, then all its pieces are checked.
  // The trigger is the piece that should be rarest in text (a whole word outside the commonest
  // before a short part of words: "quantity" in "the quantity of ", not "the", which is also in
  // thousands of atoms), and between equals the one in the fewest atoms.
  std::vector<std::uint32_t> triggered_first_, triggered_;  // by piece: the atoms it triggers
  std::vector<std::uint32_t> atom_pieces_first_, atom_pieces_;  // by atom: its distinct pieces
  std::vector<int> always_;                  // atoms reported on every line
  std::uint64_t id_ = 0;                     // distinct for every AtomPieces built: see Scratch
};

}  // namespace despin::detail
