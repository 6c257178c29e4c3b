// Copyright 2026 The despin developers. SPDX-License-Identifier: Apache-2.0
//
// What the rule prefilter sees of a text, worked out as RuleFilter does: for the unit tests
// and the fuzz targets.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "atom_pieces.hpp"
#include "document_words.hpp"
#include "rule_filter.hpp"
#include "rule_words.hpp"
#include "tokenizer.hpp"

// The atoms of `pieces` that the prefilter reports for `line` (one line), sorted.
inline std::vector<int> atoms_in_text(const despin::detail::AtomPieces& pieces, std::string_view line) {
  using namespace despin::detail;
  const std::vector<Token> tokens = tokenize(line);
  const DocumentWords words = fold_words(line, tokens);
  AtomPieces::Scratch& scratch = pieces.scratch();
  AtomPieces::KeyPieces of_key;
  pieces.of_keys(words, scratch, of_key);
  std::vector<int> found;
  pieces.atoms_in_line(of_key, words.of_token.data(), words.of_token.size(), scratch, found);
  std::sort(found.begin(), found.end());
  return found;
}

// Whether `line` holds an atom of every clause, as RuleFilter decides it.
inline bool satisfies_clauses(const std::vector<despin::detail::RuleClause>& clauses, std::string_view line) {
  std::vector<std::string> atoms;
  std::vector<std::vector<int>> ids;
  for (const despin::detail::RuleClause& c : clauses) {
    ids.emplace_back();
    for (const std::string& a : c) {
      ids.back().push_back(static_cast<int>(atoms.size()));
      atoms.push_back(a);
    }
  }
  const std::vector<int> found = atoms_in_text(despin::detail::AtomPieces(atoms), line);
  return std::all_of(ids.begin(), ids.end(), [&](const std::vector<int>& clause) {
    return std::any_of(clause.begin(), clause.end(),
                       [&](int a) { return std::binary_search(found.begin(), found.end(), a); });
  });
}

// The filter's candidates for `text`.
inline std::vector<despin::detail::RuleFilter::Candidate> candidates_of(const despin::detail::RuleFilter& filter,
                                                                       std::string_view text) {
  using namespace despin::detail;
  const std::vector<Token> tokens = tokenize(text);
  const DocumentWords words = fold_words(text, tokens);
  return filter.candidates(text, tokens, words);
}
