// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// Term composition: restores spun technical terms nobody listed one by one. Spinners swap each
// word of a term for a thesaurus synonym ("random forest" -> "irregular woodland"). The composer
// knows word-level swaps (learned from the dictionary's own entries: "irregular variable =>
// random variable" teaches irregular -> random) and a lexicon of known multi-word terms (the
// dictionary's originals and the term lists). A run of words is restored only when mapping
// its words back forms a known term and the run itself is not one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "despin/dictionary.hpp"
#include "tokenizer.hpp"

namespace despin::detail {

class TermComposer {
 public:
  // Learns word swaps and terms from dictionary entries and term lists.
  void learn(const Dictionary& dictionary);

  struct Found {
    std::size_t last;    // one past the last token of the spun run
    std::string text;    // the restored term, plural if the run was
    std::string source;  // where the term comes from ("file:line")
  };
  // The longest composed restoration of a run starting at token `first`, if any. Tokens marked
  // in `blocked` (inside other restorations) take no part.
  std::optional<Found> find(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                            const std::vector<bool>& blocked) const;

  bool empty() const { return swaps_.empty() || terms_.empty(); }
  std::size_t word_swap_count() const { return swaps_count_; }
  std::size_t term_count() const { return terms_.size(); }

 private:
  static constexpr std::size_t kMaxTokens = 8;  // "k - nearest neighbor classifier" is 5 tokens
  void add_swap(const std::string& spun, const std::string& original);
  void add_term(const std::string& display, const std::string& source);

  struct TermInfo {
    std::string display;
    std::string source;
  };
  std::unordered_map<std::string, std::vector<std::string>> swaps_;  // spun word key -> original keys
  std::unordered_map<std::string, TermInfo> terms_;                  // joined keys -> term
  std::size_t swaps_count_ = 0;
};

}  // namespace despin::detail
