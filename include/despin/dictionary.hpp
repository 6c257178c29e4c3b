// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "despin/expected.hpp"

namespace despin {

// One reversal as written in a dictionary file (docs/dictionary-format.md).
struct Entry {
  std::string spun;        // what the spinner wrote (or the RE2 pattern when is_rule)
  std::string original;    // what the author wrote (may hold \1..\9 when is_rule)
  std::string domain;      // tag from @domain, default the file's stem
  std::string source;      // "file:line"
  double confidence = 0.9;
  bool ambiguous = false;  // apply only with evidence of spin nearby
  bool verb = false;       // first word of both sides is a base-form verb: cover its inflections
  bool heading = false;    // apply only as a whole heading line or table-of-contents entry
  bool is_rule = false;    // spun is a regular expression
};

// An inline example: rewriting `input` with the file's entries alone must give `output`.
struct Example {
  std::string input;
  std::string output;
  std::string source;  // "file:line"
};

// A known multi-word term from a term list (NAME.terms): the target vocabulary of term
// composition ("irregular woodland" -> "random forest" because "random forest" is a term).
struct Term {
  std::string text;    // as written in prose: "Fourier transform"
  std::string source;  // "file:line"
};

// A word-level swap from a swap list (NAME.swaps): `spun` may be a spinner's synonym for
// `original`. Used only by term composition, never applied on its own.
struct WordSwap {
  std::string spun;
  std::string original;
  std::string source;  // "file:line"
};

// The parsed content of one or more dictionary files. Cheap to copy: copies share the parsed
// entries, and append() copies them first only when they are shared.
class Dictionary {
 public:
  Dictionary();

  // Parses dictionary text. `name` is used in error messages and rule ids ("name:line").
  // Any error rejects the whole text: the result then holds every error found (at most 20),
  // each as "name:line:col: message". A name ending in ".terms" is read as a term list: one
  // multi-word term a line, '#' comments; one ending in ".swaps" as a swap list, one
  // "SPUN => ORIGINAL" pair of single words a line (docs/dictionary-format.md).
  static Expected<Dictionary> parse(std::string_view text, std::string_view name);

  // Reads and parses a file. Errors name the file.
  static Expected<Dictionary> load_file(const std::string& path);

  // The dictionary compiled into the library at build time (dictionaries/en/*.dict).
  static const Dictionary& builtin();

  // Appends `other`'s entries after this one's; later entries override earlier ones with the
  // same spun phrase.
  void append(const Dictionary& other);

  const std::vector<Entry>& entries() const { return data_->entries; }
  const std::vector<Example>& examples() const { return data_->examples; }
  const std::vector<Term>& terms() const { return data_->terms; }
  const std::vector<WordSwap>& word_swaps() const { return data_->word_swaps; }

 private:
  struct Data {
    std::vector<Entry> entries;
    std::vector<Example> examples;
    std::vector<Term> terms;
    std::vector<WordSwap> word_swaps;
  };
  Data& own();  // this dictionary's data, copied first if another Dictionary shares it
  static Expected<Dictionary> parse(std::string_view text, std::string_view name, bool compile_rules);
  std::shared_ptr<Data> data_;
};

}  // namespace despin
