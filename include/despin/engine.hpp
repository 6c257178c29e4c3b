// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "despin/dictionary.hpp"
#include "despin/edit.hpp"
#include "despin/expected.hpp"

namespace despin {

// The cleanup stage's steps (README "Cleanup"); each can be switched off.
struct CleanOptions {
  bool spaces = true;        // NBSP and odd spaces to " ", zero-width characters and soft hyphens out
  bool entities = true;      // HTML character entities decoded
  bool mojibake = true;      // UTF-8 that was read as Windows-1252 ("â€™") repaired
  bool nfc = true;           // Unicode NFC
  bool templates = true;     // template sentences of spun-content sites removed
  bool repeated_lines = true;  // the page title repeated as captions collapsed to its first line
  bool duplicates = true;    // exact duplicate paragraphs removed
  bool layout = true;        // trailing spaces trimmed, runs of blank lines folded
  bool drop_toc = false;     // a table of contents (3+ numbered short lines) removed, not just restored
  enum class Quotes { kKeep, kAscii, kTypographic };
  Quotes quotes = Quotes::kKeep;  // quotes, dashes and ellipses as written, as ASCII, or typographic

  bool any() const {
    return spaces || entities || mojibake || nfc || templates || repeated_lines || duplicates || layout || drop_toc ||
           quotes != Quotes::kKeep;
  }
  static CleanOptions none() {
    return {false, false, false, false, false, false, false, false, false, Quotes::kKeep};
  }
};

struct Options {
  bool restore_case = true;   // "Be that as it may," -> "However,"
  bool fix_articles = true;   // "a tip top group" -> "an elite group"
  // Ambiguous entries apply only where at least this many unambiguous restorations stand in
  // the same paragraph, or the document as a whole shows spin (see docs/spin-score.md). 0
  // takes the text as spun throughout (CLI --assume-spun): ambiguous entries, term
  // composition and document consistency apply everywhere, which on genuine text changes
  // more than one word in a hundred (docs/spin-score.md).
  int ambiguous_min_evidence = 2;
  CleanOptions clean;         // page debris removed before the rewrite
  bool sentence_scores = false;  // also score each sentence (Result::sentences); costs a pass
};

// One sentence of the input and how spun it looks (Options::sentence_scores).
struct SentenceScore {
  std::size_t offset = 0;   // byte span of the sentence in the input
  std::size_t length = 0;
  std::size_t words = 0;
  double spin_score = 0.0;  // 100 × Σ confidence of restorations in it / words (docs/spin-score.md)
};

// What rewrite() found and did.
struct Result {
  std::string text;          // the restored text
  std::vector<Edit> edits;   // sorted, non-overlapping; apply_edits(input, edits) == text
  std::size_t words = 0;     // word tokens in the input
  double spin_score = 0.0;   // evidence of spinning per 100 words (docs/spin-score.md)
  std::size_t invalid_utf8 = 0;  // invalid byte sequences replaced by U+FFFD
  // Places where an ambiguous entry matched but was not applied, its paragraph showing no
  // evidence of spin (docs/spin-score.md), and nothing else was restored: what
  // Options::ambiguous_min_evidence = 0 (CLI --assume-spun) would look at (a capitalised word
  // among them may still be left alone as a name).
  std::size_t withheld = 0;
  std::vector<SentenceScore> sentences;  // filled when Options::sentence_scores is set
  // What the edits' `rule` views point into (the engine's strings, and the names this rewrite
  // made up), kept alive as long as the Result or a copy of it lives. It holds the engine's
  // shared state: a Result kept after its engine is gone keeps the engine's memory too.
  std::shared_ptr<const void> storage;
};

// The spin score at or above which a document counts as spun (`despin --check`).
inline constexpr double kSpinThreshold = 1.0;

// The rewriting engine. Build it once from dictionaries; rewrite() is const and may be called
// from many threads at once. Copies share the compiled state.
class Engine {
 public:
  // Compiles the dictionaries (later ones override earlier ones). Fails on a rule RE2 rejects
  // or when ICU cannot be initialised. The regex rules compile on a second thread, joined
  // before this returns (load() does the same); where no thread can be started they compile on
  // the caller's.
  static Expected<Engine> create(const std::vector<Dictionary>& dictionaries, Options options = {});

  // Restores `text`. Never fails: bytes that are not valid UTF-8 become U+FFFD, each reported
  // as a kDecode edit; everything despin does not recognise passes through unchanged.
  Result rewrite(std::string_view text) const;

  // The compiled engine as bytes (its tries, replacements, rules and composition tables; not
  // its Options), for load(): `despin compile` writes them to a file so that a large dictionary
  // is parsed and compiled once instead of at every start.
  std::string save() const;
  // The engine save() wrote. `name` (the file's) prefixes errors. Fails, naming the byte
  // offset, on bytes another despin version wrote or that are truncated or damaged.
  static Expected<Engine> load(std::string_view bytes, std::string_view name, Options options = {});
  // The same from a file, read as it loads (a large engine is not held in memory twice).
  // Errors name the file.
  static Expected<Engine> load_file(const std::string& path, Options options = {});
  // Whether `bytes` start as save()'s do.
  static bool is_snapshot(std::string_view bytes);

  // Number of phrase keys in the compiled trie (inflected forms included) and of rules.
  std::size_t phrase_count() const;
  std::size_t rule_count() const;

  struct Impl;

 private:
  explicit Engine(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace despin
